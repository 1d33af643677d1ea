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
  - On the live host berth apply then probes the ports of the containers it changed that declare a probe (see
    C(probe)); a port that does not answer fails the task, and C(rollback_on_failure) returns the host to the
    generation before. Check mode probes nothing, since nothing is applied.
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
  probe:
    description:
      - Whether C(berth apply) probes the ports of the containers it changed that declare a probe (C(probe:) of a port in
        the config - a connection, a banner or an HTTP status); C(true) passes C(--probe), C(false) C(--no-probe).
      - Unset (the default), berth decides - it probes on the live host (C(root=/)) and never below another root.
      - C(true) needs the live host; with another C(root) the task fails before anything is applied, in check mode too.
      - A port that does not answer fails the task with each such port and why in C(msg); the results, a failed one
        with the container's last journal lines, are in C(probes).
      - Only for C(state=present); nothing is probed in check mode or when the plan has no changes.
    type: bool
  rollback_on_failure:
    description:
      - When a probe fails, or a systemctl step fails once the files are in place, return the root to the generation
        before this apply, as C(berth rollback) would, and probe again (C(--rollback-on-failure)).
      - The task fails all the same - the change asked for did not hold - and stays C(changed), since the host went
        through two generations; C(rolled_back_to) is the generation it returned to and C(msg) says whether that one
        answers.
      - The first apply to a root has nothing to return to; the task then fails without rolling back.
      - Cannot go with C(probe=false). Only for C(state=present).
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

- name: Apply, and return to the generation before when a changed container does not answer its probe
  berth.fleet.config:
    src: "hosts/{{ inventory_hostname }}.yaml"
    rollback_on_failure: true
  register: applied

- name: Show how long each probed port took to answer
  ansible.builtin.debug:
    msg: "{{ item.container }}/{{ item.port }}: {{ item.detail }} after {{ item.millis }} ms"
  loop: "{{ applied.probes }}"

- name: Apply without probing, for example while the guest systems are still being installed
  berth.fleet.config:
    src: "hosts/{{ inventory_hostname }}.yaml"
    probe: false

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
probes:
  description:
    - Every probe berth apply ran - those after the apply, then, when it rolled back, those after the rollback.
    - Empty in check mode, when nothing was applied, with C(probe=false), below another root than C(/) and when no
      container the apply changed declares a probe.
  returned: always
  type: list
  elements: dict
  contains:
    container:
      description: The container the port belongs to.
      type: str
    port:
      description: The port's name in the config.
      type: str
    address:
      description: Where it was probed - the loopback for a port on all addresses, else the port's address or its
        socket's path.
      type: str
    kind:
      description: C(connect), C(banner) or C(http).
      type: str
    ok:
      description: Whether the port answered as its probe asks.
      type: bool
    millis:
      description: How long it took to answer or to fail, in milliseconds.
      type: int
    detail:
      description: What answered (the banner line, the HTTP status) or why it did not.
      type: str
    time:
      description: When it was probed, UTC.
      type: str
    after:
      description: C(apply) or C(rollback) - what was probed.
      type: str
    journal:
      description: For a port that did not answer, the container's last journal lines, the first saying where they
        were read; empty otherwise.
      type: list
      elements: str
  sample:
    - container: box1
      port: ssh
      address: 127.0.0.1:2201
      kind: banner
      ok: false
      millis: 140
      detail: the connection was closed before a line came
      time: "2026-12-06T05:49:36Z"
      after: apply
      journal:
        - journal of the container box1 (journalctl -M box1)
        - "2026-12-06T05:49:36+0000 box1 systemd[1]: sshd@0.service: Main process exited, code=exited, status=203/EXEC"
    - container: box1
      port: ssh
      address: 127.0.0.1:2201
      kind: banner
      ok: true
      millis: 1312
      detail: SSH-2.0-OpenSSH_9.2p1 Debian-2
      time: "2026-12-06T05:49:37Z"
      after: rollback
      journal: []
rolled_back_to:
  description: The generation C(rollback_on_failure) returned the root to; null when it did not roll back.
  returned: always
  type: int
  sample: 6
rollback:
  description: The rollback as berth reports it - C(generation), its C(plan) and C(outcome), and the C(probes) after it.
  returned: when the apply rolled back
  type: dict
'''

import json
import os
import shutil
import tempfile

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.berth.fleet.plugins.module_utils.berth_plan import (
    ansible_diff, destroy_diff, diagnostic_lines, diagnostics_of, documents, failure_message, has_changes, is_plan,
    main_document)
from ansible_collections.berth.fleet.plugins.module_utils.berth_probes import (
    apply_failure_message, probe_results, rollback_of)

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
        # apply's own: unset, berth decides whether to probe
        self.apply_flags = ([] if p['probe'] is None else ['--probe' if p['probe'] else '--no-probe']) + (
            ['--rollback-on-failure'] if p['rollback_on_failure'] else [])

    def run(self, verb, config=None, cwd=None):
        """(exit status, the verb's JSON document, diagnostics berth printed in documents of their own, stderr)."""
        argv = [self.executable, verb] + ([config] if config else []) + ['--root', self.root, '--format', 'json',
                                                                           '--no-color'] + self.flags
        if verb == 'apply':
            argv += self.apply_flags
        rc, out, err = self.module.run_command(argv, cwd=cwd, environ_update={'NO_COLOR': '1'})
        document, later = main_document(documents(out))
        if document is None:
            self.module.fail_json(msg=failure_message('berth ' + verb, None, err or out), rc=rc, stderr=err)
        return rc, document, later, err

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
        rc, plan, later, err = berth.run('plan', config, cwd=where)
        result['diagnostics'] = diagnostics_of(plan) + later
        if not is_plan(plan) or plan.get('errors'):
            module.fail_json(msg=failure_message('berth plan ' + config, plan, err), rc=rc, **result)
        if module.params['probe'] and plan.get('live') is False:
            module.fail_json(msg='probe=true needs the live host (root /): below %s nothing runs, so nothing would '
                                 'answer; leave probe unset there' % berth.root, **result)
        result['plan'] = plan
        result['changed'] = has_changes(plan)
        if module._diff:
            result['diff'] = ansible_diff(plan, berth.read)
        if module.check_mode or not result['changed']:
            return
        rc, applied, later, err = berth.run('apply', config, cwd=where)
        own = applied.get('plan') if is_plan(applied.get('plan')) else applied
        if is_plan(own):
            result['plan'] = own
            # a rollback does not undo this: the host went through the change and back, two generations
            result['changed'] = has_changes(own)
        result['diagnostics'] = diagnostics_of(own) + later
        result['outcome'] = applied.get('outcome')
        result['probes'] = probe_results(applied)
        rollback = rollback_of(applied)
        if rollback is not None:
            result['rolled_back_to'] = rollback['generation']
            result['rollback'] = rollback
        if rc != 0:
            module.fail_json(msg=apply_failure_message('berth apply ' + config, applied, later, err,
                                                       module.params['rollback_on_failure']), rc=rc, **result)
        if module.params['probe'] and result['changed'] and not result['probes']:
            module.warn('probe is true, but no container this apply changed declares a probe: nothing was probed')
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
    rc, destroyed, later, err = berth.run('destroy')
    result['plan'] = destroyed.get('plan')
    result['outcome'] = destroyed.get('outcome')
    result['diagnostics'] = diagnostics_of(destroyed.get('plan') or {}) + later
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
            probe=dict(type='bool'),
            rollback_on_failure=dict(type='bool', default=False),
        ),
        mutually_exclusive=[('src', 'config')],
        required_if=[('state', 'present', ('config', 'src'), True)],
        supports_check_mode=True,
    )
    if module.params['src']:
        module.fail_json(msg='src is read on the controller by the berth.fleet.config action: call the module by that name')
    if module.params['rollback_on_failure'] and module.params['probe'] is False:
        module.fail_json(msg='rollback_on_failure rolls back when a probe fails: it cannot go with probe=false')
    if module.params['state'] == 'absent' and (module.params['probe'] or module.params['rollback_on_failure']):
        module.warn('probe and rollback_on_failure are for state=present: berth destroy probes nothing')
    berth = Berth(module)
    result = dict(changed=False, diagnostics=[], probes=[], rolled_back_to=None)
    if module.params['state'] == 'present':
        present(module, berth, result)
    else:
        absent(module, berth, result)
    for line in diagnostic_lines([d for d in result['diagnostics'] if d.get('severity') == 'warning']):
        module.warn('berth: ' + line)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
