"""The module as Ansible runs it (a process given its arguments in a file), against a stand-in for berth."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import collection

try:
    import ansible  # noqa: F401
    HAVE_ANSIBLE = True
except ImportError:
    HAVE_ANSIBLE = False

PLAN = {'format_version': 1, 'root': '/r', 'live': False, 'changes': [
    {'action': 'create', 'path': 'etc/systemd/system/box1.socket', 'kind': 'file', 'origin': '/containers/box1/ports',
     'before': None, 'after': {'kind': 'file', 'mode': '0644', 'sha256': 'x'}, 'adopt': False,
     'diff': '@@ -1,0 +1,2 @@\n+[Socket]\n+ListenStream=2201\n'}],
    'adopted': [], 'actions': [], 'action_notes': [], 'host': [], 'warnings': [], 'errors': [],
    'summary': {'add': 1, 'change': 0, 'destroy': 0, 'actions': 0, 'changes_present': True}}
INVALID = {'version': 1, 'errors': 1, 'warnings': 0, 'diagnostics': [
    {'severity': 'error', 'code': 'S002', 'path': '/templates/shell/rooot', 'file': 'common/sites.yaml', 'line': 5,
     'column': 5, 'summary': "unknown key 'rooot'", 'hint': "did you mean 'root'?"}]}

APPLIED = {'status': 'applied', 'done': [], 'failed': None, 'not_run': []}
FAILED = {'status': 'failed', 'done': [], 'not_run': [], 'failed': {
    'stage': 'after-files', 'step': 'systemctl start box1.socket', 'code': 'A004', 'summary': 'box1.socket did not start',
    'hint': 'see systemctl status box1.socket', 'detail': ''}}

# a berth that answers plan with $PLAN_JSON and exit $PLAN_RC, apply with $APPLY_JSON or else the plan wrapped (and
# $APPLY_ERR on stderr), and logs its calls
FAKE = '''#!/bin/sh
echo "$PWD $*" >> "$BERTH_LOG"
case "$1" in
  plan) cat "$PLAN_JSON"; exit "$PLAN_RC" ;;
  apply) printf '%s' "$APPLY_ERR" >&2
         if [ -n "$APPLY_JSON" ]; then cat "$APPLY_JSON"; exit "$APPLY_RC"; fi
         printf '{"format_version": 1, "plan": '; cat "$PLAN_JSON"; printf ', "outcome": %s}' "$OUTCOME"; exit "$APPLY_RC" ;;
  destroy) printf '{"format_version": 1, "plan": '; cat "$PLAN_JSON"; printf ', "outcome": %s}' "$OUTCOME"; exit 0 ;;
esac
exit 3
'''


class ModuleRun(object):
    """Runs the module as Ansible does, with the stand-in for berth; the tests mix it into a TestCase."""

    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.berth = os.path.join(self.dir, 'berth')
        with open(self.berth, 'w') as f:
            f.write(FAKE)
        os.chmod(self.berth, 0o755)
        self.log = os.path.join(self.dir, 'calls')

    def tearDown(self):
        shutil.rmtree(self.dir)

    def run_module(self, plan, rc=0, check=False, diff=False, outcome=APPLIED, apply_rc=0, on_host=None, state='present',
                   applied=None, apply_err='', **options):
        """Runs the module with `options` as more of its arguments; `applied` is the text berth apply prints."""
        plan_file = os.path.join(self.dir, 'plan.json')
        with open(plan_file, 'w') as f:
            json.dump(plan, f)
        apply_file = ''
        if applied is not None:
            apply_file = os.path.join(self.dir, 'apply.json')
            with open(apply_file, 'w') as f:
                f.write(applied)
        config = {'config': on_host} if on_host else {'state': 'absent'} if state == 'absent' else {
            'files': {'hosts/web1.yaml': 'berth: 1\nimport: [../common/sites.yaml]\n', 'common/sites.yaml': 'templates: {}\n'},
            'config': 'hosts/web1.yaml'}
        args = {'ANSIBLE_MODULE_ARGS': dict(config, root=os.path.join(self.dir, 'root'), berth=self.berth,
                                            _ansible_check_mode=check, _ansible_diff=diff, **options)}
        args_file = os.path.join(self.dir, 'args.json')
        with open(args_file, 'w') as f:
            json.dump(args, f)
        env = dict(os.environ, PYTHONPATH=collection.PATH, BERTH_LOG=self.log, PLAN_JSON=plan_file, PLAN_RC=str(rc),
                   OUTCOME=json.dumps(outcome), APPLY_RC=str(apply_rc), APPLY_JSON=apply_file, APPLY_ERR=apply_err)
        done = subprocess.run([sys.executable, '-m', 'ansible_collections.berth.fleet.plugins.modules.config', args_file],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
        calls = []
        if os.path.exists(self.log):
            with open(self.log) as f:
                calls = f.read().splitlines()
        return json.loads(done.stdout), calls

    def install(self):
        """A root as berth leaves it: one unit file and the manifest that lists it."""
        units = os.path.join(self.dir, 'root', 'etc', 'systemd', 'system')
        os.makedirs(units)
        os.makedirs(os.path.join(self.dir, 'root', 'var', 'lib', 'berth'))
        with open(os.path.join(units, 'box1.socket'), 'w') as f:
            f.write('[Socket]\nListenStream=2201\n')
        with open(os.path.join(self.dir, 'root', 'var', 'lib', 'berth', 'manifest.json'), 'w') as f:
            json.dump({'format_version': 1, 'files': [{'path': 'etc/systemd/system/box1.socket', 'kind': 'file'}]}, f)


@unittest.skipUnless(HAVE_ANSIBLE, 'ansible-core is not installed for this python')
class ConfigModuleTest(ModuleRun, unittest.TestCase):
    def test_check_mode_plans_and_reports_the_changes_with_a_diff(self):
        result, calls = self.run_module(PLAN, check=True, diff=True)
        self.assertTrue(result['changed'])
        self.assertEqual(['plan'], [c.split()[1] for c in calls])
        self.assertEqual('[Socket]\nListenStream=2201\n', result['diff'][0]['after'])
        self.assertEqual(PLAN, result['plan'])

    def test_berth_runs_where_the_copied_config_keeps_its_layout(self):
        result, calls = self.run_module(PLAN, check=True)
        workdir, verb, config = calls[0].split()[:3]
        self.assertEqual(('plan', 'hosts/web1.yaml'), (verb, config))
        self.assertFalse(os.path.exists(workdir), 'the private copy is removed afterwards')

    def test_a_config_on_the_host_is_planned_in_its_own_directory(self):
        os.makedirs(os.path.join(self.dir, 'checkout', 'hosts'))
        with open(os.path.join(self.dir, 'checkout', 'hosts', 'web1.yaml'), 'w') as f:
            f.write('berth: 1\n')
        result, calls = self.run_module(PLAN, check=True, on_host=os.path.join(self.dir, 'checkout', 'hosts', 'web1.yaml'))
        self.assertEqual([os.path.join(self.dir, 'checkout', 'hosts'), 'plan', 'web1.yaml'], calls[0].split()[:3])
        self.assertTrue(os.path.exists(os.path.join(self.dir, 'checkout', 'hosts', 'web1.yaml')), 'the config stays')

    def test_a_missing_config_on_the_host_fails_without_running_berth(self):
        result, calls = self.run_module(PLAN, on_host=os.path.join(self.dir, 'nowhere.yaml'))
        self.assertTrue(result['failed'])
        self.assertIn('no such file on the host', result['msg'])
        self.assertEqual([], calls)

    def test_absent_in_check_mode_shows_what_the_manifest_lists_going(self):
        self.install()
        result, calls = self.run_module(PLAN, check=True, diff=True, state='absent')
        self.assertTrue(result['changed'])
        self.assertEqual([], calls)
        self.assertEqual([('etc/systemd/system/box1.socket', '[Socket]\nListenStream=2201\n', '')],
                         [(d['before_header'], d['before'], d['after']) for d in result['diff']])

    def test_absent_destroys_and_an_empty_root_is_unchanged(self):
        self.install()
        result, calls = self.run_module(PLAN, state='absent')
        self.assertTrue(result['changed'])
        self.assertEqual(['destroy'], [c.split()[1] for c in calls])
        shutil.rmtree(os.path.join(self.dir, 'root'))
        os.remove(self.log)
        result, calls = self.run_module(PLAN, state='absent')
        self.assertFalse(result['changed'])
        self.assertEqual([], calls)

    def test_apply_runs_only_when_the_plan_has_changes(self):
        result, calls = self.run_module(PLAN)
        self.assertEqual(['plan', 'apply'], [c.split()[1] for c in calls])
        self.assertTrue(result['changed'])
        unchanged = dict(PLAN, changes=[], summary=dict(PLAN['summary'], add=0, changes_present=False))
        os.remove(self.log)
        result, calls = self.run_module(unchanged)
        self.assertEqual(['plan'], [c.split()[1] for c in calls])
        self.assertFalse(result['changed'])

    def test_a_failed_step_of_apply_fails_the_host_with_berths_report(self):
        result, calls = self.run_module(PLAN, outcome=FAILED, apply_rc=1)
        self.assertTrue(result['failed'])
        self.assertEqual('berth apply hosts/web1.yaml: systemctl start box1.socket failed: [A004] box1.socket did not start '
                         '(hint: see systemctl status box1.socket)', result['msg'])
        self.assertEqual(FAILED, result['outcome'])

    def test_an_invalid_config_fails_with_berths_message(self):
        result, calls = self.run_module(INVALID, rc=1)
        self.assertTrue(result['failed'])
        self.assertIn("common/sites.yaml:5:5: error[S002] unknown key 'rooot' (hint: did you mean 'root'?)", result['msg'])
        self.assertNotIn('Traceback', json.dumps(result))
        self.assertEqual(INVALID['diagnostics'], result['diagnostics'])


if __name__ == '__main__':
    unittest.main()
