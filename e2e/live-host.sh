#!/usr/bin/env bash
# e2e/live-host.sh - berth on a live host: apply, status (text and json), a port change while a container runs,
# status again, a start that fails in a batch and the re-run that converges, destroy. One booted host root with
# N containers (default 60), berth inside it with --root /; every state status reports is compared with what
# systemctl itself lists, and every port with what the kernel has bound.
#
#   sudo e2e/live-host.sh            last line: "e2e-live: N passed, N failed"
#   sudo N=200 e2e/live-host.sh
#
# Needs root, the rootfs setup.sh builds (it is called when missing) and target/berth.jar. Skips (exit 0) when
# nspawn is impossible here, unless BERTH_E2E_REQUIRE=1. Logs: BERTH_E2E_LOGS (default /tmp/berth-e2e-logs)/live-host.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$E2E_DIR/livehost-lib.sh"

N=${N:-60}
FIRST=5000      # c000 listens on 5000, c001 on 5001, ...
lh_checks e2e-live
log "live-host: $N containers, berth from $REPO"
lh_boot live-host c000 || { fail "booting the host root"; finish; exit 1; }
CONFIG=/root/berth.yaml

write_config() { lh_config "$@" > "$LH_HOST$CONFIG"; }
# what the kernel has bound, per TCP port, in the host root's network namespace
bound() { nsenter -t "$LH_CPID" -n ss -Hltn "sport = :$1" | grep -q .; }
# every ACTIVE (SUB) systemctl lists for berth's units, as "UNIT ACTIVE (SUB)" lines, sorted
listed() { lh_in systemctl list-units --all --plain --no-legend --no-pager 'c[0-9]*.socket' 'c[0-9]*.service' 'taken.*' 'free.*' \
  | awk '{print $1, $3 " (" $4 ")"}' | sort; }
# the same from berth status --format json: one container per line, its socket's state and its service's
from_status() {
  sed -nE 's/.*"sockets": \[\{"unit": "([^"]*)".*"state": "([^"]*)", "accepted".*"service": \{"unit": "([^"]*)", "state": "([^"]*)".*/\1 \2\n\3 \4/p' \
    <<<"$1" | grep -v ' inactive (dead)$' | sort
}
status_agrees() {  # the states berth status reports are systemctl's (units systemctl no longer lists: inactive)
  local json=$1 mine theirs
  mine=$(from_status "$json")
  theirs=$(listed | grep -v ' inactive (dead)$')
  [ "$mine" = "$theirs" ] || { diff <(echo "$theirs") <(echo "$mine") | sed 's/^/    | /' | head -20; return 1; }
}
all_bound() { local i; for i in $(seq 0 $((N - 1))); do bound $((FIRST + i)) || { log "port $((FIRST + i)) not bound"; return 1; }; done; }
none_bound() { local p; for p in "$@"; do bound "$p" && { log "port $p still bound"; return 1; }; done; return 0; }
state_of() { lh_in systemctl show -p ActiveState --value "$1"; }

# ---------------------------------------------------------------- apply
write_config "$N" "$FIRST"
lh_run lh_berth apply "$CONFIG"
echo "$LH_OUT" > "$LH_LOGS/apply.log"
check "apply of $N containers exits 0 ($LH_MS ms)" test "$LH_RC" = 0
check "apply starts every socket in one call" grep -q "^  systemctl start c000.socket c001.socket .*c$(printf '%03d' $((N - 1))).socket  # new socket$" <<<"$LH_OUT"
check "all $N ports are bound" all_bound

# ---------------------------------------------------------------- status
lh_run lh_berth status "$CONFIG"
echo "$LH_OUT" > "$LH_LOGS/status.txt"
check "status exits 0 when every socket listens ($LH_MS ms)" test "$LH_RC" = 0
check "status text: one line per container and the verdict" \
  test "$(grep -c ' listening  inactive (dead) ' <<<"$LH_OUT")" = "$N" -a "$(tail -n 1 <<<"$LH_OUT")" = "Every socket listens ($N sockets)."
check "status text: files as applied" test "$(grep -c 'as applied' <<<"$LH_OUT")" = "$N"
lh_run lh_berth status "$CONFIG" --format json
echo "$LH_OUT" > "$LH_LOGS/status.json"
check "status json exits 0" test "$LH_RC" = 0
check "status json: the states systemctl lists" status_agrees "$LH_OUT"
check "status json: [::]:$FIRST for c000" grep -q '"name": "c000", "sockets": \[{"unit": "c000.socket", "front": true, "listen": \["\[::\]:'"$FIRST"' (Stream)"\], "listening": true' <<<"$LH_OUT"

# ---------------------------------------------------------------- a container running, its port changed
nsenter -t "$LH_CPID" -n timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$FIRST; sleep 1" 2>/dev/null
for _ in $(seq 1 300); do [ "$(state_of c000.service)" = active ] && break; sleep 0.1; done
check "a connection starts c000.service" test "$(state_of c000.service)" = active
lh_run lh_berth status "$CONFIG" --format json
check "status json while c000 runs: the states systemctl lists" status_agrees "$LH_OUT"
echo "$LH_OUT" > "$LH_LOGS/status-running.json"
since=$(lh_in systemctl show -p ActiveEnterTimestamp --value c000.service)
memory=$(lh_in systemctl show -p MemoryCurrent --value c000.service)
case "$memory" in ''|'[not set]'|18446744073709551615) memory=null ;; esac   # no memory accounting (cgroup v1)
check "status json: c000 runs since $since, memory $memory, as systemctl shows" \
  grep -qF '"name": "c000", "sockets": [{"unit": "c000.socket", "front": true, "listen": ["[::]:'"$FIRST"' (Stream)"], "listening": true, "state": "active (running)", "accepted": 0, "connections": 0}], "service": {"unit": "c000.service", "state": "active (running)", "running": true, "since": "'"$since"'", "memory_bytes": '"$memory"'}' <<<"$LH_OUT"
NEW=$((FIRST - 1))
write_config "$N" "$FIRST"
sed -i "s/listen: $FIRST}/listen: $NEW}/" "$LH_HOST$CONFIG"
lh_run lh_berth apply "$CONFIG"
echo "$LH_OUT" > "$LH_LOGS/apply-port.log"
check "apply of the port change exits 0 ($LH_MS ms)" test "$LH_RC" = 0
check "the running container is stopped before its socket restarts" \
  grep -Pzoq '  systemctl stop c000.service +#[^\n]*\n  systemctl restart c000.socket +#' <<<"$LH_OUT"
moved() { bound "$NEW" && none_bound "$FIRST"; }
check "the new port is bound, the old one not" moved
lh_run lh_berth status "$CONFIG" --format json
check "status after the change: the states systemctl lists" status_agrees "$LH_OUT"
check "status after the change: c000 listens on [::]:$NEW" grep -q '"listen": \["\[::\]:'"$NEW"' (Stream)"\]' <<<"$LH_OUT"

# ---------------------------------------------------------------- a start that fails in a batch
TAKEN=$((FIRST + N + 100)) FREE=$((FIRST + N + 101))
BLOCKER=$(lh_in sh -c "busybox nc -l -p $TAKEN > /dev/null 2>&1 < /dev/null & echo \$!")
sleep 0.5
check "another process holds port $TAKEN" bound "$TAKEN"
lh_config "$N" "$FIRST" "taken:$TAKEN" "free:$FREE" | sed "s/listen: $FIRST}/listen: $NEW}/" > "$LH_HOST$CONFIG"
lh_run lh_berth apply "$CONFIG"
echo "$LH_OUT" > "$LH_LOGS/apply-taken.log"
check "the plan warned first, naming the process (A013)" \
  grep -qE "warning\[A013\]: port $TAKEN/tcp, where taken.socket is to listen, is held by busybox \(pid [0-9]+\) on (0\.0\.0\.0|\[::\]):$TAKEN$" <<<"$LH_OUT"
check "apply fails (exit 1) when a socket of the batch cannot bind" test "$LH_RC" = 1
check "the failure names the unit that failed" grep -q 'error\[A004\].*systemctl start .*failed (exit 1): 1 of 2 not active (taken.socket)' <<<"$LH_OUT"
check "and reports the rest of the batch as it is" grep -q 'in that call: 1 of 2 units got there (free.socket); not: taken.socket failed (failed)' <<<"$LH_OUT"
check "systemctl agrees: free.socket active, taken.socket failed" \
  test "$(state_of free.socket) $(state_of taken.socket)" = "active failed"
lh_in kill "$BLOCKER"
sleep 0.5
lh_run lh_berth apply "$CONFIG"
echo "$LH_OUT" > "$LH_LOGS/apply-again.log"
check "once the port is free, apply again exits 0" test "$LH_RC" = 0
check "and starts only the socket that is not listening" grep -q "^  systemctl start taken.socket  # berth's socket is not listening$" <<<"$LH_OUT"
check "port $TAKEN is bound by systemd now" bound "$TAKEN"

# ---------------------------------------------------------------- status exit 1, then destroy
lh_in systemctl stop free.socket
lh_run lh_berth status "$CONFIG"
check "status exits 1 when a socket is not listening" test "$LH_RC" = 1
check "and names it" grep -q "^1 of $((N + 2)) sockets not listening: free.socket." <<<"$LH_OUT"
lh_run lh_berth destroy "$CONFIG"
echo "$LH_OUT" > "$LH_LOGS/destroy.log"
check "destroy exits 0 ($LH_MS ms)" test "$LH_RC" = 0
check "destroy stops the sockets in one call" grep -q "^  systemctl stop c000.socket c001.socket .* taken.socket  # before the files: left the config" <<<"$LH_OUT"
ports=(); for i in $(seq 0 $((N - 1))); do ports+=($((FIRST + i))); done
check "no port of berth's is bound any more" none_bound "${ports[@]}" "$NEW" "$TAKEN" "$FREE"
check "systemctl lists none of berth's units" test -z "$(listed | grep -v ' inactive (dead)$' | grep -v 'not-found')"

finish
