#!/usr/bin/python
# -*- coding: utf-8 -*-

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
---
module: config
short_description: Apply a berth config on a host, or remove what berth installed
description:
  - Runs C(berth plan) on the target and, unless in check mode and only when the plan has changes, C(berth apply) -
    socket-activated systemd-nspawn containers described in one berth host file (and the files it imports) become
    unit files, enablement links and started sockets.
  - With C(state=absent), C(berth destroy) removes everything berth installed in C(root), as berth's manifest lists it.
  - In check mode berth only plans; the task reports C(changed) exactly when the plan has changes. With C(--diff)
    every changed file is shown before and after, made from the plan's JSON.
  - An invalid config or a plan berth refuses fails the host with berth's own diagnostics (file:line:col, code,
    message and hint).
version_added: "0.1.0"
author: berth
requirements:
  - berth on the target (the role berth.fleet.host installs it)
options:
  src:
    description:
      - The host file on the controller (searched like M(ansible.builtin.copy)'s C(src)). It and every file it imports
        are copied to a private directory on the target, in the same layout, for this run only.
      - Mutually exclusive with C(config).
    type: path
  config:
    description:
      - The host file on the target, already there (for example from C(ansible-pull)'s checkout). Its imports are
        read from the target too.
      - Required with C(state=present) unless C(src) is given.
    type: path
  files:
    description:
      - Set by the action plugin from C(src) - the config's files by relative path, with C(config) the host file
        among them. Not meant to be written in a task.
    type: dict
  state:
    description:
      - C(present) - the root holds what the config compiles to (C(berth apply)).
      - C(absent) - everything berth installed in the root is removed (C(berth destroy)); no config is needed.
    type: str
    choices: [present, absent]
    default: present
  root:
    description:
      - The root berth installs into. C(/) is the running host - berth also runs C(systemctl). Any other directory
        is offline (an image being built) - files only.
    type: path
    default: /
  berth:
    description:
      - The berth executable on the target; a name is looked up on C(PATH), C(/usr/local/bin) and C(/opt/berth/bin).
    type: str
    default: berth
  adopt:
    description: Take over existing files berth did not write (C(--adopt)).
    type: bool
    default: false
  bootstrap:
    description: Create missing guest systems with the bootstrap command from NOTES.md (C(--bootstrap)).
    type: bool
    default: false
  strict:
    description: Treat berth's warnings as errors (C(--strict)).
    type: bool
    default: false
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
notes:
  - Supports ansible-core 2.14 (Debian 12) and later; the target needs Python 3 and berth with a Java runtime.
seealso:
  - name: berth fleet guide
    description: Inventory layout, rolling updates, CI and ansible-pull.
    link: https://berth.dev/docs/fleet
'''

EXAMPLES = r'''
- name: Apply this host's berth config, with the shared files it imports
  berth.fleet.config:
    src: "hosts/{{ inventory_hostname }}.yaml"

- name: Apply a config already on the host into an image root
  berth.fleet.config:
    config: /srv/checkout/hosts/web1.yaml
    root: /var/lib/machines/image

- name: Remove everything berth installed
  berth.fleet.config:
    state: absent
'''

RETURN = r'''
plan:
  description: The plan as C(berth plan --format json) prints it (see berth's docs/plan-json.md); for C(state=absent)
    the plan of C(berth destroy).
  returned: when berth made a plan
  type: dict
outcome:
  description: What C(berth apply) or C(berth destroy) did (C(status), C(done), C(failed), C(not_run)); null when
    nothing ran.
  returned: when berth applied or destroyed
  type: dict
diagnostics:
  description: berth's diagnostics about the config and the root (C(severity), C(code), C(path), C(file), C(line),
    C(column), C(summary), C(hint)).
  returned: always
  type: list
  elements: dict
'''

import json
import os
import shutil
import tempfile

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.berth.fleet.plugins.module_utils.berth_plan import (
    ansible_diff, destroy_diff, diagnostic_lines, diagnostics_of, failure_message, has_changes, is_plan)

MANIFEST = 'var/lib/berth/manifest.json'


class Berth(object):
    """berth on this host, run from the directory of the config so that its messages name files as the repository does."""

    def __init__(self, module):
        self.module = module
        p = module.params
        self.root = p['root']
        name = p['berth']
        self.executable = name if os.path.isabs(name) else module.get_bin_path(
            name, required=True, opt_dirs=['/usr/local/bin', '/opt/berth/bin'])
        self.flags = [f for f, on in (('--adopt', p['adopt']), ('--bootstrap', p['bootstrap']),
                                      ('--strict', p['strict'])) if on]

    def run(self, verb, config=None, cwd=None):
        argv = [self.executable, verb] + ([config] if config else []) + ['--root', self.root, '--format', 'json',
                                                                           '--no-color'] + self.flags
        rc, out, err = self.module.run_command(argv, cwd=cwd, environ_update={'NO_COLOR': '1'})
        try:
            document = json.loads(out) if out.strip() else None
        except ValueError:
            document = None
        if document is None:
            self.module.fail_json(msg=failure_message('berth ' + verb, None, err or out), rc=rc, stderr=err)
        return rc, document, err

    def read(self, path):
        """The text of a file under the root, or None."""
        full = os.path.join(self.root, path)
        if os.path.islink(full) or not os.path.isfile(full):
            return None
        try:
            with open(full, 'rb') as f:
                return f.read().decode('utf-8', 'replace')
        except (IOError, OSError):
            return None


def config_directory(module):
    """(directory, file name): where berth runs and the config it is given; a private copy when files came along."""
    p = module.params
    if p['files']:
        work = tempfile.mkdtemp(prefix='berth-config-')
        for name, text in p['files'].items():
            path = os.path.normpath(os.path.join(work, name))
            if not path.startswith(work + os.sep):
                module.fail_json(msg='config file %s lies outside the config directory' % name)
            if not os.path.isdir(os.path.dirname(path)):
                os.makedirs(os.path.dirname(path))
            with open(path, 'wb') as f:
                f.write(text.encode('utf-8'))
        return work, p['config'], work
    config = os.path.abspath(p['config'])
    if not os.path.isfile(config):
        module.fail_json(msg='config %s: no such file on the host' % p['config'])
    return os.path.dirname(config), os.path.basename(config), None


def reported(document):
    """What a failed apply or destroy is told by: the step that failed, else the plan's errors (a refused plan)."""
    if (document.get('outcome') or {}).get('failed'):
        return document
    return document.get('plan') or document


def present(module, berth, result):
    where, config, private = config_directory(module)
    try:
        rc, plan, err = berth.run('plan', config, cwd=where)
        result['diagnostics'] = diagnostics_of(plan)
        if not is_plan(plan) or plan.get('errors'):
            module.fail_json(msg=failure_message('berth plan ' + config, plan, err), rc=rc, **result)
        result['plan'] = plan
        result['changed'] = has_changes(plan)
        if module._diff:
            result['diff'] = ansible_diff(plan, berth.read)
        if module.check_mode or not result['changed']:
            return
        rc, applied, err = berth.run('apply', config, cwd=where)
        if isinstance(applied, dict) and is_plan(applied.get('plan')):
            result['plan'] = applied['plan']
            result['changed'] = has_changes(applied['plan'])
        result['outcome'] = applied.get('outcome') if isinstance(applied, dict) else None
        if rc != 0:
            result['diagnostics'] = diagnostics_of(applied.get('plan', applied))
            module.fail_json(msg=failure_message('berth apply ' + config, reported(applied), err), rc=rc, **result)
    finally:
        if private:
            shutil.rmtree(private, ignore_errors=True)


def installed(berth):
    """The paths berth's manifest in the root lists: what destroy removes."""
    try:
        with open(os.path.join(berth.root, MANIFEST)) as f:
            return [entry['path'] for entry in json.load(f).get('files', [])]
    except (IOError, OSError, ValueError, KeyError, TypeError):
        return []


def absent(module, berth, result):
    paths = installed(berth)
    result['changed'] = bool(paths)
    if module._diff:
        result['diff'] = destroy_diff(paths, berth.read)
    if module.check_mode or not paths:
        return
    rc, destroyed, err = berth.run('destroy')
    result['plan'] = destroyed.get('plan')
    result['outcome'] = destroyed.get('outcome')
    result['diagnostics'] = diagnostics_of(destroyed.get('plan') or {})
    if isinstance(result['plan'], dict):
        result['changed'] = has_changes(result['plan'])
    if rc != 0:
        module.fail_json(msg=failure_message('berth destroy', reported(destroyed), err), rc=rc, **result)


def main():
    module = AnsibleModule(
        argument_spec=dict(
            src=dict(type='path'),
            config=dict(type='path'),
            files=dict(type='dict'),
            state=dict(type='str', choices=['present', 'absent'], default='present'),
            root=dict(type='path', default='/'),
            berth=dict(type='str', default='berth'),
            adopt=dict(type='bool', default=False),
            bootstrap=dict(type='bool', default=False),
            strict=dict(type='bool', default=False),
        ),
        mutually_exclusive=[('src', 'config')],
        required_if=[('state', 'present', ('config', 'src'), True)],
        supports_check_mode=True,
    )
    if module.params['src']:
        module.fail_json(msg='src is read on the controller by the berth.fleet.config action: call the module by that name')
    berth = Berth(module)
    result = dict(changed=False, diagnostics=[])
    if module.params['state'] == 'present':
        present(module, berth, result)
    else:
        absent(module, berth, result)
    for line in diagnostic_lines([d for d in result['diagnostics'] if d.get('severity') == 'warning']):
        module.warn('berth: ' + line)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
