# -*- coding: utf-8 -*-
# The files a berth config is made of on the controller: the host file and every file it imports, by path relative
# to the directory that holds them all, so that the target gets the same layout and berth there resolves the same
# imports. Plain Python (and PyYAML, which Ansible brings), tested without hosts.

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import os

try:
    import yaml
except ImportError:  # berth on the target reports what cannot be followed here
    yaml = None


def imports_of(text):
    """The import list of a config's text; empty when it has none or is not YAML that can be read here."""
    if yaml is None or 'import' not in text:
        return []
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError:
        return []
    paths = document.get('import') if isinstance(document, dict) else None
    if not isinstance(paths, list):
        return []
    return [p for p in paths if isinstance(p, str) and p and not p.startswith('/')]


def collect(config):
    """
    (files, name): every file of the config, {relative path: text}, and the config's own relative path among them.
    A missing or unreadable import is left out: berth on the target reports it where the config names it.
    """
    config = os.path.realpath(config)
    texts = {}
    pending = [config]
    while pending:
        path = pending.pop()
        if path in texts:
            continue
        try:
            with open(path, 'rb') as f:
                text = f.read().decode('utf-8')
        except (IOError, OSError, UnicodeDecodeError):
            if path == config:
                raise
            continue
        texts[path] = text
        here = os.path.dirname(path)
        pending.extend(os.path.normpath(os.path.join(here, p)) for p in imports_of(text))
    base = os.path.commonpath([os.path.dirname(p) for p in texts])
    files = dict((os.path.relpath(p, base), t) for p, t in texts.items())
    return files, os.path.relpath(config, base)
