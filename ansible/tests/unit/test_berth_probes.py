import json
import unittest

import berth_output
import collection  # noqa: F401  (the import path)
from ansible_collections.berth.fleet.plugins.module_utils.berth_plan import documents, main_document
from ansible_collections.berth.fleet.plugins.module_utils.berth_probes import (
    apply_failure_message, probe_results, rolled_back_to)

JOURNAL = ['journal of the container web (journalctl -M web)',
           '2026-12-06T07:01:12+00:00 web systemd[1]: sshd@0.service: Failed to locate executable /usr/sbin/sshd-missing']
NOT_ANSWERED = ('web/ssh did not answer its banner probe on 127.0.0.1:2201: '
                'the connection was closed before a line came')


class ProbeResultsTest(unittest.TestCase):
    def test_an_answered_probe_has_every_field_and_an_empty_journal(self):
        [result] = probe_results(berth_output.document('apply-probed'))
        self.assertEqual({'container': 'web', 'port': 'ssh', 'address': '127.0.0.1:2201', 'kind': 'banner', 'ok': True,
                          'millis': 0, 'detail': 'SSH-2.0-stand-in', 'time': '2026-12-06T05:53:05Z', 'after': 'apply',
                          'journal': []}, result)

    def test_a_failed_probe_keeps_the_journal_lines(self):
        [result] = probe_results(berth_output.document('apply-probe-failed'))
        self.assertFalse(result['ok'])
        self.assertEqual('the connection was closed before a line came', result['detail'])
        self.assertEqual(JOURNAL, result['journal'])

    def test_after_a_rollback_its_probes_follow_the_applys(self):
        document = berth_output.document('apply-rolled-back')
        self.assertEqual([('apply', False), ('rollback', True)], [(r['after'], r['ok']) for r in probe_results(document)])
        self.assertEqual(4, rolled_back_to(document))

    def test_no_rollback_is_none(self):
        self.assertIsNone(rolled_back_to(berth_output.document('apply-probe-failed')))
        self.assertIsNone(rolled_back_to(berth_output.document('apply-first-generation-not-rolled-back')))
        self.assertIsNone(rolled_back_to({'rollback': {'generation': True}}))

    def test_an_apply_without_probes_or_with_keys_of_another_shape(self):
        self.assertEqual([], probe_results({'format_version': 1, 'plan': {}, 'outcome': None}))
        self.assertEqual([], probe_results({'probes': None, 'rollback': {'generation': 2, 'probes': []}}))
        self.assertEqual([], probe_results({'probes': {'after': 'apply', 'ok': True, 'results': 'none'}}))
        self.assertEqual([], probe_results(None))

    def test_missing_and_null_fields_are_filled_in_and_new_ones_kept(self):
        document = {'probes': {'after': 'apply', 'results': [
            {'container': 'web', 'port': 'ssh', 'detail': None, 'journal': None, 'retries': 3}, 'not a result']}}
        [result] = probe_results(document)
        self.assertEqual(('', 0, '', 'apply', [], 3), (result['address'], result['millis'], result['detail'],
                                                       result['after'], result['journal'], result['retries']))
        self.assertFalse(result['ok'], 'a result that does not say it answered did not')


class ApplyFailureMessageTest(unittest.TestCase):
    def message(self, document, **kwargs):
        return apply_failure_message('berth apply hosts/web1.yaml', document, **kwargs)

    def test_each_port_that_did_not_answer_and_why(self):
        self.assertEqual('berth apply hosts/web1.yaml: ' + NOT_ANSWERED + '\nthe change is installed: fix the config and '
                         'run the task again, or set rollback_on_failure to return to the generation before at once',
                         self.message(berth_output.document('apply-probe-failed')))

    def test_rolled_back_to_a_generation_that_answers(self):
        self.assertEqual('berth apply hosts/web1.yaml: ' + NOT_ANSWERED + '\nrolled back to generation 4, which answers',
                         self.message(berth_output.document('apply-rolled-back'), rollback_asked=True))

    def test_rolled_back_to_a_generation_that_does_not_answer_either(self):
        self.assertEqual('berth apply hosts/web1.yaml: ' + NOT_ANSWERED + '\nrolled back to generation 4, which does not '
                         'answer either: web/ssh did not answer its banner probe on 127.0.0.1:2201: the connection was '
                         'refused until the timeout (5 s)',
                         self.message(berth_output.rollback_that_does_not_answer(), rollback_asked=True))

    def test_a_rollback_that_failed(self):
        self.assertEqual('berth apply hosts/web1.yaml: ' + NOT_ANSWERED + '\nrolling back to generation 4 failed: '
                         'systemctl daemon-reload failed: [A004] systemd did not reload (hint: see journalctl -u init.scope)',
                         self.message(berth_output.rollback_that_failed(), rollback_asked=True))

    def test_a_failed_step_comes_first(self):
        self.assertEqual('berth apply hosts/web1.yaml: systemctl start web.socket failed: [A004] web.socket did not start '
                         '(hint: see systemctl status web.socket)\nweb/ssh did not answer its banner probe on '
                         '127.0.0.1:2201: the connection was refused until the timeout (5 s)\n'
                         'rolled back to generation 4, which answers',
                         self.message(berth_output.socket_failed_then_rolled_back(), rollback_asked=True))

    def test_the_first_generation_has_nothing_to_return_to(self):
        self.assertEqual('berth apply hosts/web1.yaml: ' + NOT_ANSWERED + "\nnot rolled back: nothing to roll back to: "
                         "this apply made the root's first generation (berth destroy removes what it installed)",
                         self.message(berth_output.document('apply-first-generation-not-rolled-back'),
                                      stderr='berth: something else\n' + berth_output.FIRST_GENERATION_NOTE,
                                      rollback_asked=True))

    def test_a_rollback_berth_could_not_make(self):
        self.assertEqual('berth apply hosts/web1.yaml: ' + NOT_ANSWERED + '\nerror[A016] cannot roll back to generation 4: '
                         'var/lib/berth/generations/4/3f2a is missing (hint: berth generations lists the generations '
                         'kept)\nnot rolled back',
                         self.message(berth_output.document('apply-probe-failed'), rollback_asked=True,
                                      later=berth_output.CANNOT_ROLL_BACK['diagnostics']))

    def test_nothing_in_the_document_says_why_then_stderr_does(self):
        self.assertEqual('berth apply hosts/web1.yaml: berth: --probe needs the live host (--root /)',
                         self.message({}, stderr='berth: --probe needs the live host (--root /)\n'))
        self.assertEqual('berth apply hosts/web1.yaml: berth failed without a message', self.message(None))


class DocumentsTest(unittest.TestCase):
    def test_one_document(self):
        self.assertEqual([berth_output.document('apply-probed')], documents(berth_output.text('apply-probed')))

    def test_a_diagnostics_document_before_applys_own(self):
        out = json.dumps(berth_output.CANNOT_ROLL_BACK) + '\n' + berth_output.text('apply-probe-failed')
        main, later = main_document(documents(out))
        self.assertEqual(berth_output.document('apply-probe-failed'), main)
        self.assertEqual(berth_output.CANNOT_ROLL_BACK['diagnostics'], later)

    def test_an_invalid_configs_diagnostics_are_the_document(self):
        self.assertEqual((berth_output.CANNOT_ROLL_BACK, []), main_document([berth_output.CANNOT_ROLL_BACK]))

    def test_what_does_not_parse_ends_the_list(self):
        self.assertEqual([{'a': 1}], documents('{"a": 1}\nException in thread "main"'))
        self.assertEqual((None, []), main_document(documents('')))
        self.assertEqual((None, []), main_document(documents('[1, 2]')))


if __name__ == '__main__':
    unittest.main()
