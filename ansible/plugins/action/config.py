# -*- coding: utf-8 -*-
# The controller's half of berth.fleet.config: with `src`, the host file and every file it imports are read here
# and handed to the module, which writes them, in the same layout, into a private directory on the target.

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible.errors import AnsibleActionFail
from ansible.module_utils.common.text.converters import to_text
from ansible.plugins.action import ActionBase
from ansible_collections.berth.fleet.plugins.module_utils.berth_files import collect


class ActionModule(ActionBase):
    TRANSFERS_FILES = False
    _VALID_ARGS = frozenset(('src', 'config', 'state', 'root', 'berth', 'adopt', 'bootstrap', 'strict', 'probe',
                             'rollback_on_failure'))

    def run(self, tmp=None, task_vars=None):
        result = super(ActionModule, self).run(tmp, task_vars)
        del tmp
        args = self._task.args.copy()
        src = args.pop('src', None)
        if src is not None:
            if args.get('config'):
                raise AnsibleActionFail('src and config are mutually exclusive: src is on the controller, config on the host')
            try:
                path = self._find_needle('files', src)
                files, name = collect(path)
            except Exception as e:  # the message says which file
                raise AnsibleActionFail('cannot read the berth config %s: %s' % (src, to_text(e)))
            args['files'] = files
            args['config'] = name
        result.update(self._execute_module(module_name='berth.fleet.config', module_args=args, task_vars=task_vars))
        return result
