# -*- coding: utf-8 -*-
# What the berth module makes of berth's JSON: whether a plan changes anything, Ansible's per-file diff, and the
# message a failed host shows. Plain Python without Ansible, so that it is tested without hosts.

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import re

HUNK = re.compile(r'^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@')


class PatchError(Exception):
    """A plan's diff does not fit the file it was made from."""


def is_plan(document):
    """berth plan --format json prints a plan, or, for an invalid config, the diagnostics of berth validate."""
    return isinstance(document, dict) and 'changes' in document and 'summary' in document


def documents(text):
    """
    Every JSON document berth printed, in order. A verb prints one, but a problem reported after apply's own plan and
    outcome (a rollback it cannot make) comes as a diagnostics document before apply's, which waits for its probes.
    What does not parse ends the list.
    """
    decoder = json.JSONDecoder()
    found = []
    at = 0
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at == len(text):
            return found
        try:
            document, at = decoder.raw_decode(text, at)
        except ValueError:
            return found
        found.append(document)


def main_document(found):
    """
    (the verb's own document, the diagnostics of the others): apply's and destroy's hold a plan, plan's is one, and
    an invalid config's is the diagnostics document of berth validate; None when berth printed no JSON object.
    """
    objects = [d for d in found if isinstance(d, dict)]
    own = [d for d in objects if is_plan(d) or 'plan' in d or 'outcome' in d]
    main = own[-1] if own else objects[-1] if objects else None
    later = []
    for d in objects:
        if d is not main and isinstance(d.get('diagnostics'), list):
            later.extend(x for x in d['diagnostics'] if isinstance(x, dict))
    return main, later


def has_changes(plan):
    """Whether applying the plan changes the root: what `berth plan --detailed-exitcode` reports as 2."""
    return bool((plan.get('summary') or {}).get('changes_present'))


def lines_of(text):
    return text.splitlines(True)


def apply_hunks(before, diff):
    """The text after a change: the plan's unified hunks (no ---/+++ header) applied to the text before it."""
    old = lines_of(before)
    out = []
    at = 0  # next line of `old` not yet copied
    body = diff.split('\n')
    if body and body[-1] == '':
        body.pop()
    i = 0
    while i < len(body):
        m = HUNK.match(body[i])
        if not m:
            raise PatchError('not a hunk header: %r' % body[i])
        start = int(m.group(1))
        count = 1 if m.group(2) is None else int(m.group(2))
        # an empty old side is "-0,0" (GNU diff) or "-1,0" (java-diff-utils, for a file from nothing); a hunk that
        # only adds lines goes after line `start` otherwise
        if count > 0:
            first = start - 1
        else:
            first = 0 if start <= 1 else start
        if first < at or first > len(old):
            raise PatchError('hunk at line %d does not fit' % start)
        out.extend(old[at:first])
        at = first
        i += 1
        while i < len(body) and not body[i].startswith('@@'):
            line = body[i]
            newline = not (i + 1 < len(body) and body[i + 1].startswith('\\'))
            end = '\n' if newline else ''
            if line.startswith('\\'):
                pass
            elif line.startswith(' '):
                if at >= len(old) or old[at].rstrip('\n') != line[1:]:
                    raise PatchError('context differs at line %d' % (at + 1))
                out.append(old[at])
                at += 1
            elif line.startswith('-'):
                if at >= len(old) or old[at].rstrip('\n') != line[1:]:
                    raise PatchError('removed line differs at line %d' % (at + 1))
                at += 1
            elif line.startswith('+'):
                out.append(line[1:] + end)
            else:
                raise PatchError('not a diff line: %r' % line)
            i += 1
    out.extend(old[at:])
    return ''.join(out)


def describe(state):
    """How a path's state before or after a change reads in a diff when it is not a text file."""
    if not state:
        return ''
    if state.get('kind') == 'symlink':
        return 'symbolic link to %s\n' % state.get('target', '')
    return ''


def ansible_diff(plan, read):
    """
    Ansible's diff of a plan: one before/after per changed path. `read(path)` gives the text of a file under the
    root (path relative to it) or None; a change whose diff does not fit what is there is shown as berth's hunks.
    """
    diffs = []
    for change in plan.get('changes', []):
        path = change['path']
        header = {'before_header': path, 'after_header': path}
        before_state, after_state = change.get('before'), change.get('after')
        if before_state and before_state.get('kind') == 'file':
            before = read(path)
            before = '' if before is None else before
        else:
            before = describe(before_state)
        if change['action'] == 'delete':
            after = ''
        elif after_state and after_state.get('kind') == 'symlink':
            after = describe(after_state)
        elif change.get('diff') is None:
            after = before  # a mode-only change, or a text berth did not diff
        else:
            try:
                after = apply_hunks(before if before_state and before_state.get('kind') == 'file' else '', change['diff'])
            except PatchError:
                diffs.append(dict(header, prepared='--- %s\n+++ %s\n%s' % (path, path, change['diff'])))
                continue
        if change['action'] == 'update' and before_state and after_state \
                and before_state.get('mode') != after_state.get('mode'):
            header = dict(header, after_header='%s (mode %s)' % (path, after_state.get('mode')))
        diffs.append(dict(header, before=before, after=after))
    return diffs


def destroy_diff(paths, read):
    """Ansible's diff of removing what berth installed: every file as it is, then nothing."""
    return [{'before_header': p, 'after_header': p, 'before': read(p) or '', 'after': ''} for p in paths]


def position(diagnostic):
    if diagnostic.get('file'):
        return '%s:%s:%s: ' % (diagnostic['file'], diagnostic.get('line', 1), diagnostic.get('column', 1))
    return ''


def diagnostic_lines(diagnostics):
    """berth's diagnostics, one line each as its --format github/json readers see them: file:line:col: code message."""
    lines = []
    for d in diagnostics:
        line = '%s%s[%s] %s' % (position(d), d.get('severity', 'error'), d.get('code', ''), d.get('summary', ''))
        if d.get('hint'):
            line += ' (hint: %s)' % d['hint']
        lines.append(line)
    return lines


def diagnostics_of(document):
    """Every diagnostic a plan or validate document holds."""
    if is_plan(document):
        found = (document.get('errors') or []) + (document.get('warnings') or [])
    else:
        found = (document.get('diagnostics') or []) if isinstance(document, dict) else []
    return [d for d in found if isinstance(d, dict)]


def errors_of(document):
    return [d for d in diagnostics_of(document) if d.get('severity') == 'error']


def failed_step(outcome):
    """The step an apply's or destroy's outcome failed at, in words, or None when it did not fail."""
    failed = outcome.get('failed') if isinstance(outcome, dict) else None
    if not isinstance(failed, dict):
        return None
    text = '%s failed: [%s] %s' % (failed.get('step', ''), failed.get('code', ''), failed.get('summary', ''))
    return text + (' (hint: %s)' % failed['hint'] if failed.get('hint') else '')


def failure_message(what, document, stderr=''):
    """The message of a failed host: berth's own errors with file:line:col, else what berth wrote on stderr."""
    errors = errors_of(document) if document is not None else []
    if errors:
        return '%s: %s' % (what, '\n'.join(diagnostic_lines(errors)))
    step = failed_step(document.get('outcome')) if isinstance(document, dict) else None
    if step:
        return '%s: %s' % (what, step)
    return '%s: %s' % (what, stderr.strip() or 'berth failed without a message')
