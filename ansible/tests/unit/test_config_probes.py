"""The module's probe and rollback_on_failure options, against the stand-in for berth and berth's own apply JSON."""
import ast
import json
import os
import unittest

import berth_output
import collection
from test_config_module import HAVE_ANSIBLE, PLAN, ModuleRun

if HAVE_ANSIBLE:
    import yaml

NOT_ANSWERED = ('web/ssh did not answer its banner probe on 127.0.0.1:2201: '
                'the connection was closed before a line came')


@unittest.skipUnless(HAVE_ANSIBLE, 'ansible-core is not installed for this python')
class ProbeOptionsTest(ModuleRun, unittest.TestCase):
    def apply(self, name, apply_rc=1, **options):
        """The module on a live host whose berth apply prints berth-output/NAME.json and exits apply_rc."""
        document = berth_output.document(name)
        return self.run_module(document['plan'], applied=berth_output.text(name), apply_rc=apply_rc, **options)

    def flags(self, calls, verb='apply'):
        [call] = [c.split()[1:] for c in calls if c.split()[1] == verb]
        return [f for f in call if f in ('--probe', '--no-probe', '--rollback-on-failure')]

    def test_probe_and_rollback_on_failure_become_apply_flags_and_unset_leaves_berth_to_decide(self):
        for options, flags in (({}, []), ({'probe': True}, ['--probe']), ({'probe': False}, ['--no-probe']),
                               ({'rollback_on_failure': True}, ['--rollback-on-failure']),
                               ({'probe': True, 'rollback_on_failure': True}, ['--probe', '--rollback-on-failure'])):
            if os.path.exists(self.log):
                os.remove(self.log)
            result, calls = self.apply('apply-probed', apply_rc=0, **options)
            self.assertEqual(flags, self.flags(calls), options)
            self.assertEqual([], self.flags(calls, 'plan'), 'berth plan probes nothing')

    def test_the_probes_that_answered_are_returned(self):
        result, calls = self.apply('apply-probed', apply_rc=0)
        self.assertFalse(result.get('failed'))
        self.assertTrue(result['changed'])
        self.assertEqual([('web', 'ssh', '127.0.0.1:2201', 'banner', True, 'SSH-2.0-stand-in', [])],
                         [(r['container'], r['port'], r['address'], r['kind'], r['ok'], r['detail'], r['journal'])
                          for r in result['probes']])
        self.assertIsNone(result['rolled_back_to'])
        self.assertNotIn('rollback', result)

    def test_a_port_that_does_not_answer_fails_the_task_and_the_change_stays(self):
        result, calls = self.apply('apply-probe-failed')
        self.assertTrue(result['failed'])
        self.assertTrue(result['changed'], 'the files changed')
        self.assertEqual(1, result['rc'])
        self.assertEqual('berth apply hosts/web1.yaml: ' + NOT_ANSWERED + '\nthe change is installed: fix the config and '
                         'run the task again, or set rollback_on_failure to return to the generation before at once',
                         result['msg'])
        [probe] = result['probes']
        self.assertEqual('journal of the container web (journalctl -M web)', probe['journal'][0])
        self.assertIsNone(result['rolled_back_to'])

    def test_rolled_back_the_task_fails_changed_and_says_where_it_returned(self):
        result, calls = self.apply('apply-rolled-back', rollback_on_failure=True)
        self.assertTrue(result['failed'])
        self.assertTrue(result['changed'], 'the host went through the change and back')
        self.assertEqual('berth apply hosts/web1.yaml: ' + NOT_ANSWERED + '\nrolled back to generation 4, which answers',
                         result['msg'])
        self.assertEqual(4, result['rolled_back_to'])
        self.assertEqual([('apply', False), ('rollback', True)], [(r['after'], r['ok']) for r in result['probes']])
        self.assertEqual(['etc/systemd/system/web.service'], [c['path'] for c in result['rollback']['plan']['changes']])
        self.assertEqual('applied', result['rollback']['outcome']['status'])
        self.assertEqual('Description=Web broken', result['plan']['changes'][0]['diff'].split('\n')[5][1:],
                         'the plan is the apply\'s, not the rollback\'s')

    def test_the_first_generation_is_not_rolled_back_and_berth_says_why(self):
        result, calls = self.apply('apply-first-generation-not-rolled-back', rollback_on_failure=True,
                                   apply_err=berth_output.FIRST_GENERATION_NOTE)
        self.assertTrue(result['failed'])
        self.assertIn("\nnot rolled back: nothing to roll back to: this apply made the root's first generation",
                      result['msg'])
        self.assertIsNone(result['rolled_back_to'])

    def test_a_rollback_berth_cannot_make_comes_in_a_document_of_its_own_before_applys(self):
        printed = json.dumps(berth_output.CANNOT_ROLL_BACK) + '\n' + berth_output.text('apply-probe-failed')
        result, calls = self.run_module(berth_output.document('apply-probe-failed')['plan'], applied=printed, apply_rc=1,
                                        rollback_on_failure=True)
        self.assertTrue(result['failed'])
        self.assertIn('\nerror[A016] cannot roll back to generation 4', result['msg'])
        self.assertIn(NOT_ANSWERED, result['msg'])
        self.assertEqual(['A016'], [d['code'] for d in result['diagnostics'] if d['severity'] == 'error'])
        self.assertEqual(1, len(result['probes']))

    def test_check_mode_plans_only_and_probes_nothing(self):
        result, calls = self.apply('apply-rolled-back', check=True, probe=True, rollback_on_failure=True)
        self.assertEqual(['plan'], [c.split()[1] for c in calls])
        self.assertTrue(result['changed'])
        self.assertFalse(result.get('failed'))
        self.assertEqual(([], None), (result['probes'], result['rolled_back_to']))

    def test_probe_true_below_another_root_fails_after_the_plan_in_check_mode_too(self):
        offline = dict(PLAN, live=False)
        for check in (True, False):
            if os.path.exists(self.log):
                os.remove(self.log)
            result, calls = self.run_module(offline, check=check, probe=True)
            self.assertTrue(result['failed'])
            self.assertIn('probe=true needs the live host (root /)', result['msg'])
            self.assertEqual(['plan'], [c.split()[1] for c in calls])

    def test_rollback_on_failure_with_probe_false_fails_before_berth_runs(self):
        result, calls = self.run_module(PLAN, check=True, probe=False, rollback_on_failure=True)
        self.assertTrue(result['failed'])
        self.assertEqual('rollback_on_failure rolls back when a probe fails: it cannot go with probe=false', result['msg'])
        self.assertEqual([], calls)

    def test_probe_true_with_nothing_to_probe_is_a_warning(self):
        result, calls = self.run_module(dict(PLAN, live=True), probe=True)
        self.assertFalse(result.get('failed'))
        self.assertEqual([], result['probes'])
        self.assertIn('probe is true, but no container this apply changed declares a probe: nothing was probed',
                      result['warnings'])

    def test_an_unchanged_host_is_not_applied_so_not_probed(self):
        unchanged = dict(berth_output.document('apply-probed')['plan'], changes=[],
                         summary={'add': 0, 'change': 0, 'destroy': 0, 'actions': 0, 'changes_present': False})
        result, calls = self.run_module(unchanged, probe=True, rollback_on_failure=True)
        self.assertEqual(['plan'], [c.split()[1] for c in calls])
        self.assertEqual((False, [], None), (result['changed'], result['probes'], result['rolled_back_to']))

    def test_absent_ignores_the_probe_options_with_a_warning(self):
        result, calls = self.run_module(PLAN, state='absent', rollback_on_failure=True)
        self.assertEqual(['probe and rollback_on_failure are for state=present: berth destroy probes nothing'],
                         result['warnings'])
        self.assertEqual(([], None), (result['probes'], result['rolled_back_to']))


def constants(path):
    """The constants a plugin file assigns (read, not imported: importing the action plugin sets up Ansible's loader)."""
    with open(os.path.join(collection.COLLECTION, 'plugins', path)) as f:
        tree = ast.parse(f.read())
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            value = node.value.args[0] if isinstance(node.value, ast.Call) and node.value.args else node.value
            try:
                found[node.targets[0].id] = ast.literal_eval(value)
            except ValueError:
                pass
    return found


@unittest.skipUnless(HAVE_ANSIBLE, 'ansible-core is not installed for this python')
class OptionsTest(unittest.TestCase):
    module = constants('modules/config.py')

    def test_the_action_passes_every_documented_option_the_module_takes(self):
        documented = set(yaml.safe_load(self.module['DOCUMENTATION'])['options'])
        self.assertEqual(documented - {'files'}, set(constants('action/config.py')['_VALID_ARGS']))

    def test_the_examples_use_only_documented_options(self):
        documented = set(yaml.safe_load(self.module['DOCUMENTATION'])['options'])
        for task in yaml.safe_load(self.module['EXAMPLES']):
            if 'berth.fleet.config' in task:
                self.assertLessEqual(set(task['berth.fleet.config']), documented, task['name'])


if __name__ == '__main__':
    unittest.main()
