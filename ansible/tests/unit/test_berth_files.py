import os
import shutil
import tempfile
import unittest

import collection  # noqa: F401  (the import path)
from ansible_collections.berth.fleet.plugins.module_utils import berth_files
from ansible_collections.berth.fleet.plugins.module_utils.berth_files import collect


@unittest.skipIf(berth_files.yaml is None, 'PyYAML is not installed (Ansible brings it)')
class CollectTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.dir)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        if not os.path.isdir(os.path.dirname(path)):
            os.makedirs(os.path.dirname(path))
        with open(path, 'w') as f:
            f.write(text)
        return path

    def test_the_host_file_and_what_it_imports_keep_their_layout(self):
        host = self.write('repo/hosts/web1.yaml', 'berth: 1\nimport: [../common/sites.yaml]\ncontainers: {}\n')
        self.write('repo/common/sites.yaml', 'import: [more.yaml]\ntemplates: {}\n')
        self.write('repo/common/more.yaml', 'templates: {}\n')
        self.write('repo/hosts/web2.yaml', 'not imported\n')
        files, name = collect(host)
        self.assertEqual('hosts/web1.yaml', name)
        self.assertEqual(['common/more.yaml', 'common/sites.yaml', 'hosts/web1.yaml'], sorted(files))

    def test_a_file_without_imports_is_alone(self):
        files, name = collect(self.write('web1.yaml', 'berth: 1\ncontainers: {}\n'))
        self.assertEqual(('web1.yaml', ['web1.yaml']), (name, list(files)))

    def test_missing_imports_and_cycles_are_left_to_berth(self):
        host = self.write('hosts/h.yaml', 'import: [../common/a.yaml, ../common/gone.yaml, /etc/abs.yaml]\n')
        self.write('common/a.yaml', 'import: [../hosts/h.yaml]\n')
        files, name = collect(host)
        self.assertEqual(['common/a.yaml', 'hosts/h.yaml'], sorted(files))

    def test_text_that_is_not_yaml_is_copied_for_berth_to_report(self):
        files, name = collect(self.write('h.yaml', 'import: [a.yaml\n'))
        self.assertEqual(['h.yaml'], list(files))


if __name__ == '__main__':
    unittest.main()
