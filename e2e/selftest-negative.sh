#!/usr/bin/env bash
# e2e/selftest-negative.sh - prove that e2e/run.sh can fail.
#
#   e2e/selftest-negative.sh            every case whose e2e/cases/NAME.conf lists BREAKS=
#   e2e/selftest-negative.sh NAME ...   those cases (a name or an example path)
#
# For each case and each break B in its BREAKS, runs `BERTH_E2E_BREAK=B CYCLES=1 e2e/run.sh CASE`
# (the same tree source as run.sh: berth, BERTH_E2E_TREE or BERTH_E2E_FIXTURES=1) and passes when:
#   - run.sh exits non-zero,
#   - the break was applied ("BROKEN on purpose"),
#   - everything before the first connection passed (the tree installed, the host root booted, the
#     socket listened, the container was not running), and
#   - the first failure is the first cold connection (no answer, or the wrong one), or what the case
#     file names in BREAK_FIRST_FAIL_<break, '-' as '_'> (e.g. 'cycle 1: idle stop').
# A run.sh that skips (not root, no nspawn) makes this skip too.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

names=()
if [ $# -eq 0 ]; then
  for conf in "$E2E_DIR"/cases/*.conf; do
    [ -e "$conf" ] && names+=("$(basename "$conf" .conf)")
  done
else
  for a in "$@"; do n=$(basename "$a"); n=${n%.yaml}; n=${n%.yml}; n=${n%.conf}; names+=("$n"); done
fi

pass=0 fail=0 skipped=0
for name in "${names[@]}"; do
  conf=$E2E_DIR/cases/$name.conf
  [ -f "$conf" ] || { log "FAIL $name: no $conf"; fail=$((fail + 1)); continue; }
  breaks=$(BREAKS=; . "$conf" >/dev/null 2>&1; echo "${BREAKS:-}")
  [ -n "$breaks" ] || { [ $# -gt 0 ] && log "$name: its case file lists no BREAKS, nothing to prove"; continue; }
  for b in $breaks; do
    expect=$(v=BREAK_FIRST_FAIL_${b//-/_}; . "$conf" >/dev/null 2>&1; echo "${!v:-cycle 1: cold connection}")
    log "=== negative: $name with BERTH_E2E_BREAK=$b (must fail first at '$expect')"
    out=$(BERTH_E2E_BREAK=$b CYCLES=1 "$E2E_DIR/run.sh" "$name" 2>&1); rc=$?
    printf '%s\n' "$out" | sed 's/^/  > /'
    # here-strings, not pipes: under pipefail, grep -q leaving early fails a printf still writing a long output
    if grep -qx 'e2e: 0 passed, 0 failed, 1 skipped' <<<"$out"; then
      log "SKIP $name/$b: run.sh skipped"; skipped=$((skipped + 1)); continue
    fi
    first_fail=$(grep -m1 -E '^\[[ 0-9.]+s\] FAIL ' <<<"$out")
    why=
    [ "$rc" != 0 ] || why="run.sh exited 0 with the tree broken"
    [ -z "$why" ] && ! grep -q 'BROKEN on purpose' <<<"$out" && why="the break was not applied"
    for must in "ok   $name: install_tree" "ok   $name: host root booted" "before any connection" "not running before the first connection"; do
      [ -z "$why" ] && ! grep -qF "$must" <<<"$out" && why="a check before the first connection did not pass ('$must')"
    done
    [ -z "$why" ] && ! [[ $first_fail == *"FAIL $name: $expect"* ]] && why="the first failure is not '$expect': ${first_fail:-none}"
    if [ -z "$why" ]; then
      log "PASS $name/$b: the broken variant fails as expected (${first_fail#*FAIL })"; pass=$((pass + 1))
    else
      log "FAIL $name/$b: $why"; fail=$((fail + 1))
    fi
  done
done
if [ $((pass + fail + skipped)) = 0 ]; then
  log "FAIL: no case with BREAKS= to run"; fail=1
fi
if [ "$skipped" -gt 0 ]; then
  echo "e2e-negative: $pass passed, $fail failed, $skipped skipped"
else
  echo "e2e-negative: $pass passed, $fail failed"
fi
[ "$fail" = 0 ]
