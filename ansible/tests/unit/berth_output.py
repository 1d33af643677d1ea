"""
What berth apply --format json printed on a live host (a stand-in container answering a banner probe; the root and
the config's path replaced), kept in berth-output/:
- apply-probed.json: the changed container answered;
- apply-probe-failed.json: it did not (the journal lines of the failure included), exit 1;
- apply-rolled-back.json: the same with --rollback-on-failure: back to generation 4, which answers;
- apply-first-generation-not-rolled-back.json: the root's first apply did not answer, nothing to return to.
"""
import json
import os

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'berth-output')

# what berth apply --rollback-on-failure says on stderr when the apply made the root's first generation
FIRST_GENERATION_NOTE = ('berth: nothing to roll back to: this apply made the root\'s first generation '
                         '(berth destroy removes what it installed)\n')

# a diagnostics document, as berth prints one before apply's own when it cannot roll back
CANNOT_ROLL_BACK = {'version': 1, 'errors': 1, 'warnings': 0, 'diagnostics': [
    {'severity': 'error', 'code': 'A016', 'path': '',
     'summary': 'cannot roll back to generation 4: var/lib/berth/generations/4/3f2a is missing',
     'hint': 'berth generations lists the generations kept'}]}


def text(name):
    with open(os.path.join(HERE, name + '.json')) as f:
        return f.read()


def document(name):
    return json.loads(text(name))


def rollback_that_does_not_answer():
    """apply-rolled-back.json with the rollback's probe failing as well."""
    d = document('apply-rolled-back')
    d['rollback']['probes']['ok'] = False
    d['rollback']['probes']['results'][0].update(
        ok=False, millis=5003, detail='the connection was refused until the timeout (5 s)',
        journal=['journal of the container web (journalctl -M web)', '-- No entries --'])
    return d


def rollback_that_failed():
    """apply-rolled-back.json with the rollback's daemon-reload failing, so that nothing was probed after it."""
    d = document('apply-rolled-back')
    rollback = d['rollback']
    rollback['outcome'] = dict(rollback['outcome'], status='failed', failed={
        'stage': 'after-files', 'step': 'systemctl daemon-reload', 'code': 'A004', 'summary': 'systemd did not reload',
        'hint': 'see journalctl -u init.scope', 'detail': ''})
    del rollback['probes']
    return d


def socket_failed_then_rolled_back():
    """The changed socket did not start once the files were in place, so its port refused the probe; rolled back."""
    d = document('apply-rolled-back')
    d['outcome'] = dict(d['outcome'], status='failed', failed={
        'stage': 'after-files', 'step': 'systemctl start web.socket', 'code': 'A004',
        'summary': 'web.socket did not start', 'hint': 'see systemctl status web.socket', 'detail': ''})
    d['probes']['results'][0].update(millis=5001, detail='the connection was refused until the timeout (5 s)')
    return d
