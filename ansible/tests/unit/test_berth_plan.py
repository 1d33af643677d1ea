import unittest

import collection  # noqa: F401  (the import path)
from ansible_collections.berth.fleet.plugins.module_utils.berth_plan import (
    PatchError, ansible_diff, apply_hunks, destroy_diff, failure_message, has_changes, is_plan)

UNIT = '[Unit]\nDescription=Shell container\n\n[Service]\nExecStart=/usr/bin/systemd-nspawn -jbD /srv/box1 3\nKillMode=process\n'


def plan(*changes, **summary):
    return {'format_version': 1, 'changes': list(changes), 'errors': [], 'warnings': [],
            'summary': dict({'add': 0, 'change': 0, 'destroy': 0, 'actions': 0, 'changes_present': bool(changes)}, **summary)}


class ApplyHunksTest(unittest.TestCase):
    def test_a_new_file_is_its_added_lines(self):
        self.assertEqual('a\nb\n', apply_hunks('', '@@ -1,0 +1,2 @@\n+a\n+b\n'))

    def test_a_changed_line_in_context(self):
        diff = '@@ -3,4 +3,4 @@\n \n [Service]\n-ExecStart=/usr/bin/systemd-nspawn -jbD /srv/box1 3\n+ExecStart=/usr/bin/systemd-nspawn -jbD /srv/box1 5\n KillMode=process\n'
        self.assertEqual(UNIT.replace('box1 3', 'box1 5'), apply_hunks(UNIT, diff))

    def test_two_hunks_keep_the_lines_between(self):
        before = ''.join('%d\n' % i for i in range(1, 21))
        diff = '@@ -1,2 +1,2 @@\n-1\n+one\n 2\n@@ -19,2 +19,2 @@\n 19\n-20\n+twenty\n'
        self.assertEqual(before.replace('1\n', 'one\n', 1).replace('20\n', 'twenty\n'), apply_hunks(before, diff))

    def test_no_newline_at_the_end(self):
        self.assertEqual('a\nb', apply_hunks('a\n', '@@ -1,1 +1,2 @@\n a\n+b\n\\ No newline at end of file\n'))

    def test_a_diff_that_does_not_fit_is_refused(self):
        with self.assertRaises(PatchError):
            apply_hunks('x\n', '@@ -1,1 +1,1 @@\n-y\n+z\n')


class AnsibleDiffTest(unittest.TestCase):
    def test_before_is_read_from_the_root_and_after_made_from_the_diff(self):
        change = {'action': 'update', 'path': 'etc/systemd/system/box1.service', 'kind': 'file',
                  'before': {'kind': 'file', 'mode': '0644', 'sha256': 'a'},
                  'after': {'kind': 'file', 'mode': '0644', 'sha256': 'b'},
                  'diff': '@@ -5,2 +5,2 @@\n-ExecStart=/usr/bin/systemd-nspawn -jbD /srv/box1 3\n+ExecStart=/usr/bin/systemd-nspawn -jbD /srv/box1 5\n KillMode=process\n'}
        [d] = ansible_diff(plan(change), {'etc/systemd/system/box1.service': UNIT}.get)
        self.assertEqual(UNIT, d['before'])
        self.assertEqual(UNIT.replace('box1 3', 'box1 5'), d['after'])
        self.assertEqual('etc/systemd/system/box1.service', d['before_header'])

    def test_new_file_link_and_deletion(self):
        changes = [
            {'action': 'create', 'path': 'a.socket', 'kind': 'file', 'before': None,
             'after': {'kind': 'file', 'mode': '0644'}, 'diff': '@@ -1,0 +1,1 @@\n+[Socket]\n'},
            {'action': 'create', 'path': 'sockets.target.wants/a.socket', 'kind': 'symlink', 'before': None,
             'after': {'kind': 'symlink', 'target': '../a.socket'}, 'diff': None},
            {'action': 'delete', 'path': 'old.socket', 'kind': 'file', 'before': {'kind': 'file', 'mode': '0644'},
             'after': None, 'diff': None}]
        diffs = ansible_diff(plan(*changes), {'old.socket': '[Socket]\nListenStream=1\n'}.get)
        self.assertEqual([('', '[Socket]\n'), ('', 'symbolic link to ../a.socket\n'), ('[Socket]\nListenStream=1\n', '')],
                         [(d['before'], d['after']) for d in diffs])

    def test_a_file_changed_since_the_plan_shows_berths_hunks(self):
        change = {'action': 'update', 'path': 'x', 'kind': 'file', 'before': {'kind': 'file', 'mode': '0644'},
                  'after': {'kind': 'file', 'mode': '0644'}, 'diff': '@@ -1,1 +1,1 @@\n-a\n+b\n'}
        [d] = ansible_diff(plan(change), {'x': 'other\n'}.get)
        self.assertEqual('--- x\n+++ x\n@@ -1,1 +1,1 @@\n-a\n+b\n', d['prepared'])

    def test_destroy_shows_every_file_going(self):
        self.assertEqual([{'before_header': 'a', 'after_header': 'a', 'before': 'x\n', 'after': ''}],
                         destroy_diff(['a'], {'a': 'x\n'}.get))


class PlanTest(unittest.TestCase):
    def test_changed_exactly_when_the_plan_has_changes(self):
        self.assertTrue(has_changes(plan({'action': 'create', 'path': 'x'})))
        self.assertFalse(has_changes(plan()))
        self.assertFalse(has_changes(plan(actions=2, changes_present=False)))

    def test_diagnostics_of_an_invalid_config_are_not_a_plan(self):
        self.assertFalse(is_plan({'version': 1, 'errors': 1, 'diagnostics': []}))
        self.assertTrue(is_plan(plan()))


class FailureMessageTest(unittest.TestCase):
    def test_berths_errors_with_file_line_and_column(self):
        document = {'version': 1, 'errors': 1, 'warnings': 0, 'diagnostics': [
            {'severity': 'error', 'code': 'S002', 'path': '/templates/shell/rooot', 'file': 'common/sites.yaml',
             'line': 5, 'column': 5, 'summary': "unknown key 'rooot'", 'hint': "did you mean 'root'?"},
            {'severity': 'warning', 'code': 'P008', 'path': '/x', 'summary': 'not shown'}]}
        self.assertEqual("berth plan hosts/web1.yaml: common/sites.yaml:5:5: error[S002] unknown key 'rooot' "
                         "(hint: did you mean 'root'?)", failure_message('berth plan hosts/web1.yaml', document))

    def test_a_refused_plan(self):
        document = plan()
        document['errors'] = [{'severity': 'error', 'code': 'A001', 'path': '', 'summary': 'etc/x exists and berth did not write it',
                               'hint': 'use --adopt'}]
        self.assertEqual('berth plan: error[A001] etc/x exists and berth did not write it (hint: use --adopt)',
                         failure_message('berth plan', document))

    def test_a_failed_step(self):
        document = {'plan': plan(), 'outcome': {'status': 'failed', 'failed': {
            'stage': 'after-files', 'step': 'systemctl start a.socket', 'code': 'A004', 'summary': 'a.socket did not start',
            'hint': 'see systemctl status a.socket'}}}
        self.assertEqual('berth apply: systemctl start a.socket failed: [A004] a.socket did not start '
                         '(hint: see systemctl status a.socket)', failure_message('berth apply', document))

    def test_no_json_at_all_shows_stderr(self):
        self.assertEqual('berth plan: berth: java not found', failure_message('berth plan', None, 'berth: java not found\n'))


if __name__ == '__main__':
    unittest.main()
