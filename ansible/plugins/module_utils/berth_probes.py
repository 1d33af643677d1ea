# -*- coding: utf-8 -*-
# What the berth module makes of a probed apply's JSON (docs/apply.md, "Probes: does it answer?"): the results of the
# probes after the apply and after a rollback, the generation rolled back to, and the message of a host whose change
# did not answer. Plain Python without Ansible, so that it is tested without hosts.

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.berth.fleet.plugins.module_utils.berth_plan import (
    diagnostic_lines, diagnostics_of, failed_step, is_plan)

# every field of a result, with what stands for it when berth leaves it out or gives null
RESULT_FIELDS = (('container', ''), ('port', ''), ('address', ''), ('kind', ''), ('millis', 0), ('detail', ''),
                 ('time', ''), ('after', ''))


def result_of(raw, after):
    """One probe result with every field present; fields berth adds later are kept. None for what is no result."""
    if not isinstance(raw, dict):
        return None
    result = dict(raw)
    for name, default in RESULT_FIELDS:
        if result.get(name) is None:
            result[name] = default
    result['after'] = result['after'] or after
    result['ok'] = raw.get('ok') is True  # a result that does not say it answered did not
    journal = raw.get('journal')
    result['journal'] = [line if isinstance(line, str) else str(line) for line in journal] \
        if isinstance(journal, list) else []
    return result


def results_of(section, after):
    """The results of a "probes" object ({"after", "ok", "results"}); none when it is missing or not one."""
    if not isinstance(section, dict) or not isinstance(section.get('results'), list):
        return []
    after = section.get('after') if isinstance(section.get('after'), str) else after
    return [r for r in (result_of(raw, after) for raw in section['results']) if r is not None]


def rollback_of(document):
    """The "rollback" object of apply's document when it rolled back to a generation, else None."""
    rollback = document.get('rollback') if isinstance(document, dict) else None
    if not isinstance(rollback, dict) or isinstance(rollback.get('generation'), bool) \
            or not isinstance(rollback.get('generation'), int):
        return None
    return rollback


def probe_results(document):
    """Every probe a probed apply ran: those after the apply, then those after its rollback (each says which)."""
    if not isinstance(document, dict):
        return []
    rollback = rollback_of(document)
    return results_of(document.get('probes'), 'apply') + (
        results_of(rollback.get('probes'), 'rollback') if rollback else [])


def rolled_back_to(document):
    """The generation apply --rollback-on-failure returned to, or None."""
    rollback = rollback_of(document)
    return rollback['generation'] if rollback else None


def unanswered(result):
    """A failed result in words, as berth's A017 says it."""
    text = '%s/%s did not answer its %sprobe' % (result['container'], result['port'],
                                                 result['kind'] + ' ' if result['kind'] else '')
    if result['address']:
        text += ' on %s' % result['address']
    return text + (': %s' % result['detail'] if result['detail'] else '')


def errors_in(diagnostics):
    return diagnostic_lines([d for d in diagnostics if isinstance(d, dict) and d.get('severity') == 'error'])


def rollback_lines(document, rollback_asked, stderr, probe_failed):
    """What became of the rollback, or why there was none."""
    rollback = rollback_of(document)
    if rollback is None:
        # berth says on stderr why it did not roll back (this apply made the root's first generation); a step that
        # failed before any file changed leaves nothing to roll back and no word about it
        notes = [line[len('berth: '):] for line in stderr.splitlines()
                 if line.startswith('berth: ') and 'roll back' in line]
        if not rollback_asked or not (notes or probe_failed):
            return []
        return ['not rolled back' + (': ' + '; '.join(notes) if notes else '')]
    generation = rollback['generation']
    step = failed_step(rollback.get('outcome'))
    if step:
        return ['rolling back to generation %d failed: %s' % (generation, step)]
    failures = [unanswered(r) for r in results_of(rollback.get('probes'), 'rollback') if not r['ok']]
    if failures:
        return ['rolled back to generation %d, which does not answer either: %s' % (generation, '; '.join(failures))]
    answered = results_of(rollback.get('probes'), 'rollback')
    return ['rolled back to generation %d%s' % (generation, ', which answers' if answered else '')]


def apply_failure_message(what, document, later=(), stderr='', rollback_asked=False):
    """
    The message of a host whose berth apply exited 1: the plan's errors or the step that failed, each port that did
    not answer and why, and what became of the rollback. `later` holds the diagnostics berth reported after the
    apply's own (a rollback it could not make); `stderr` is read only for what berth says about the rollback and,
    when nothing else explains the exit status, as the message itself.
    """
    document = document if isinstance(document, dict) else {}
    # apply's document holds the plan; a config found invalid by apply itself is answered with its diagnostics
    lines = errors_in(diagnostics_of(document['plan'] if is_plan(document.get('plan')) else document))
    step = failed_step(document.get('outcome'))
    if step:
        lines.append(step)
    failures = [unanswered(r) for r in results_of(document.get('probes'), 'apply') if not r['ok']]
    lines.extend(failures)
    lines.extend(errors_in(later))
    if failures or step:
        lines.extend(rollback_lines(document, rollback_asked, stderr, bool(failures)))
        if failures and not rollback_asked:
            lines.append('the change is installed: fix the config and run the task again, or set rollback_on_failure '
                         'to return to the generation before at once')
    if not lines:
        lines = [stderr.strip() or 'berth failed without a message']
    return '%s: %s' % (what, '\n'.join(lines))
