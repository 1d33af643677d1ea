#!/usr/bin/env bash
# e2e/run.sh - boot berth's output for real and check socket activation end to end.
#
#   e2e/run.sh                       every case in e2e/cases/*.conf
#   e2e/run.sh examples/X.yaml ...   the given examples (each needs e2e/cases/X.conf; others are ignored)
#   e2e/run.sh X ...                 the same, by case name
#
# For each case: a fresh host root and guest root(s) from the cached Debian rootfs, berth's tree
# installed into them (install_tree), the host root booted with
# `systemd-nspawn -D HOSTROOT -b --register=no --keep-unit --private-network`, and checks run from
# inside its network namespace: cold and warm connections, then the container stopped by the
# harness, or (IDLE_STOP=) by itself once idle; NETWORK=private also asserts the guest's isolation.
# See e2e/README.md.
#
# Env: BERTH (default $REPO/bin/berth), BERTH_E2E_TREE=DIR (use this compiled tree, one case only),
#      BERTH_E2E_FIXTURES=1 (use e2e/fixtures/CASE/ as the tree), BERTH_E2E_BREAK=NAME (break the
#      installed tree on purpose: negative test), CYCLES (3), ANSWER_TIMEOUT (30 s), BOOT_TIMEOUT
#      (90 s), BERTH_E2E_KEEP=1 (keep the work dir, on disk), BERTH_E2E_TMPFS=0 (roots on disk, not
#      in a tmpfs), BERTH_E2E_WORK (parent of the work dir, default $TMPDIR or /tmp), BERTH_E2E_LOGS (logs, default ${TMPDIR:-/tmp}/berth-e2e-logs),
#      BERTH_E2E_REQUIRE=1 (a skip becomes a failure), BERTH_E2E_CACHE (see setup.sh).
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BERTH=${BERTH:-$REPO/bin/berth}
CYCLES=${CYCLES:-3}
ANSWER_TIMEOUT=${ANSWER_TIMEOUT:-30}
BOOT_TIMEOUT=${BOOT_TIMEOUT:-90}
BREAK=${BERTH_E2E_BREAK:-}
LOGS=${BERTH_E2E_LOGS:-${TMPDIR:-/tmp}/berth-e2e-logs}
WORK_PARENT=${BERTH_E2E_WORK:-${TMPDIR:-/tmp}}

RESULTS=$(mktemp "${TMPDIR:-/tmp}/berth-e2e-results.XXXXXX")
trap 'rm -f "$RESULTS"' EXIT

summary() {  # summary [SKIPPED]: the closing line, and the exit code
  local p f
  p=$(grep -c '^pass ' "$RESULTS"); f=$(grep -c '^fail ' "$RESULTS")
  if [ -n "${1:-}" ]; then
    echo "e2e: $p passed, $f failed, $1 skipped"
  else
    echo "e2e: $p passed, $f failed"
  fi
  [ "$f" = 0 ]
}
skip() {
  log "SKIP: $*"
  if [ "${BERTH_E2E_REQUIRE:-0}" = 1 ]; then
    echo "fail environment: $*" >> "$RESULTS"; summary; exit 1
  fi
  summary 1; exit 0
}

# ---------------------------------------------------------------- can this machine run it at all?
[ "$(id -u)" = 0 ] || skip "e2e needs root (systemd-nspawn); run: sudo $0 $*"
unshare --mount --pid --net --uts --ipc --fork true 2>/dev/null \
  || skip "this machine cannot create namespaces (nested in an unprivileged container?): nspawn is impossible"
[ -d /sys/fs/cgroup ] && [ -n "$(ls -A /sys/fs/cgroup 2>/dev/null)" ] \
  || skip "no cgroup file system mounted: nspawn is impossible"

# ---------------------------------------------------------------- which cases
cases=()   # "name|example" (example empty: the case file's EXAMPLE)
case_example() {  # case_example NAME: the example a case file names, relative to the repo
  ( EXAMPLE=; . "$E2E_DIR/cases/$1.conf" >/dev/null 2>&1; echo "${EXAMPLE:-examples/$1.yaml}" )
}
if [ $# -eq 0 ]; then
  # Every case that can run as things are: with BERTH_E2E_FIXTURES=1 those that have a fixture tree,
  # otherwise those whose example exists (a case file may come before its example).
  for conf in "$E2E_DIR"/cases/*.conf; do
    [ -e "$conf" ] || continue
    name=$(basename "$conf" .conf)
    if [ "${BERTH_E2E_FIXTURES:-0}" = 1 ]; then
      [ -d "$E2E_DIR/fixtures/$name" ] || { log "case $name: no e2e/fixtures/$name/, not run"; continue; }
    elif [ -z "${BERTH_E2E_TREE:-}" ]; then
      ex=$(case_example "$name"); case "$ex" in /*) ;; *) ex=$REPO/$ex ;; esac
      [ -f "$ex" ] || { log "case $name: example ${ex#"$REPO"/} does not exist, not run"; continue; }
    fi
    cases+=("$name|")
  done
else
  for a in "$@"; do
    name=$(basename "$a"); name=${name%.yaml}; name=${name%.yml}; name=${name%.conf}
    if [ ! -f "$E2E_DIR/cases/$name.conf" ]; then
      log "not runnable: $a (no e2e/cases/$name.conf), ignored"
      continue
    fi
    case "$a" in *.yaml|*.yml) cases+=("$name|$(cd "$(dirname "$a")" && pwd)/$(basename "$a")") ;; *) cases+=("$name|") ;; esac
  done
fi
if [ "${#cases[@]}" -eq 0 ]; then
  echo "fail selection: no runnable example" >> "$RESULTS"; log "FAIL: no runnable example (see e2e/README.md)"; summary; exit 1
fi
if [ -n "${BERTH_E2E_TREE:-}" ] && [ "${#cases[@]}" -gt 1 ]; then
  echo "run.sh: BERTH_E2E_TREE names one tree: give exactly one example" >&2; exit 2
fi

# ---------------------------------------------------------------- tools and the cached rootfs
if [ -n "$(missing_host_pkgs)" ] || [ ! -s "$(rootfs_tarball)" ]; then
  log "running e2e/setup.sh (first run: packages + debootstrap, about a minute)"
  if ! "$E2E_DIR/setup.sh"; then
    echo "fail setup" >> "$RESULTS"; log "FAIL: e2e/setup.sh failed"; summary; exit 1
  fi
fi
TARBALL=$(rootfs_tarball)

# =================================================================== one case (runs in a subshell)
CASE='' WORK='' WORK_MOUNTED='' HOSTROOT='' OUTER_PID='' CPID='' CASE_LOGS='' CG_BEFORE='' HOST_UNITS=''
IDLE_MS='' PROXY_MS='' STOP_MS=''
pass() { echo "pass $CASE: $*" >> "$RESULTS"; log "ok   $CASE: $*"; }
fail() { echo "fail $CASE: $*" >> "$RESULTS"; log "FAIL $CASE: $*"; }
IN() { nsenter -t "$CPID" -a "$@"; }           # run a command inside the booted host root

# Install berth's output for $EXAMPLE into $HOSTROOT (guest roots already extracted under it).
# The one place that knows how: `berth apply` once it exists, else a compiled tree copied over.
install_tree() {
  local tree=${BERTH_E2E_TREE:-}
  [ -z "$tree" ] && [ "${BERTH_E2E_FIXTURES:-0}" = 1 ] && tree=$E2E_DIR/fixtures/$CASE
  # `berth apply --help` alone is not proof: picocli answers --help with the top-level usage (exit 0)
  # when the verb does not exist. The usage must be apply's own.
  # the help read whole first: under pipefail, grep -q leaving at the first line could fail berth still writing
  if [ -z "$tree" ] && [ -x "$BERTH" ] && grep -qE '^Usage: [^ ]+ apply( |$)' <<<"$("$BERTH" apply --help 2>/dev/null)"; then
    log "$CASE: $BERTH apply $EXAMPLE --root $HOSTROOT"
    "$BERTH" apply "$EXAMPLE" --root "$HOSTROOT" > "$CASE_LOGS/berth.log" 2>&1 || { cat "$CASE_LOGS/berth.log"; return 1; }
    return 0
  fi
  if [ -z "$tree" ]; then
    [ -x "$BERTH" ] || { log "no berth CLI at $BERTH (build it: mvn -q package), or set BERTH_E2E_TREE / BERTH_E2E_FIXTURES=1"; return 1; }
    [ -f "$EXAMPLE" ] || { log "example $EXAMPLE not found"; return 1; }
    tree=$WORK/tree
    log "$CASE: $BERTH compile $EXAMPLE -o $tree"
    "$BERTH" compile "$EXAMPLE" -o "$tree" > "$CASE_LOGS/berth.log" 2>&1 || { cat "$CASE_LOGS/berth.log"; return 1; }
  fi
  [ -d "$tree" ] || { log "tree $tree is not a directory"; return 1; }
  log "$CASE: cp -a $tree/. $HOSTROOT/"
  # Ownership is not berth's to set (a checkout may belong to a user): installed files are root's.
  cp -a --no-preserve=ownership "$tree/." "$HOSTROOT/"
}

# Negative tests: BERTH_E2E_BREAK=NAME calls break_NAME after install_tree. A case file may add its
# own break_* functions. Each must change something (or fail) so that a negative test cannot pass
# because nothing was broken.
break_runtime-dir() {
  local g f n=0
  for g in $GUEST_ROOTS; do
    while IFS= read -r f; do
      sed -i '/^RuntimeDirectory=sshd$/d' "$f"; n=$((n + 1)); log "$CASE: BROKEN on purpose: removed RuntimeDirectory=sshd from ${f#"$HOSTROOT"}"
    done < <(grep -rlx 'RuntimeDirectory=sshd' "$HOSTROOT$g/etc/systemd/system" 2>/dev/null)
  done
  [ "$n" -gt 0 ]
}

# probe: connect to $ADDR:$PORT from inside the host root's netns and print "MS ANSWER".
#   tcp: send $SEND (printf %b) if set, then ANSWER = the first line received (CR stripped)
#   udp: send $SEND (printf %b), ANSWER = the first datagram received, as lowercase hex
# A case file may define its own probe (same contract) and/or answer_ok.
probe() {
  nsenter -t "$CPID" -n timeout $((ANSWER_TIMEOUT + 5)) bash -c '
    proto=$1 addr=$2 port=$3 send=$4 to=$5
    s=${EPOCHREALTIME/./}
    if [ "$proto" = udp ]; then
      exec 3<>"/dev/udp/$addr/$port" || exit 3
      printf "%b" "$send" >&3
      ans=$(timeout "$to" dd bs=65536 count=1 status=none <&3 | od -An -v -tx1 | tr -d " \n")
    else
      exec 3<>"/dev/tcp/$addr/$port" || exit 3
      [ -n "$send" ] && printf "%b" "$send" >&3
      IFS= read -r -t "$to" ans <&3
      ans=${ans%"$(printf "\r")"}
    fi
    e=${EPOCHREALTIME/./}
    printf "%d %s\n" $(( (e - s) / 1000 )) "$ans"' _ "$PROTO" "$ADDR" "$PORT" "$SEND" "$ANSWER_TIMEOUT" 2>/dev/null
}
# answer_ok ANSWER: tcp: EXPECT is a prefix of the first line; udp: EXPECT is hex found in the datagram.
answer_ok() {
  [ -n "$1" ] || return 1
  case "$PROTO" in
    udp) [[ $1 == *"${EXPECT,,}"* ]] ;;
    *)   [[ $1 == "$EXPECT"* ]] ;;
  esac
}
listening() {  # listening NETNS_PID: is something bound to $PORT/$PROTO in that netns?
  local f=-ltnH; [ "$PROTO" = udp ] && f=-lunH
  [ -n "$(nsenter -t "$1" -n ss $f "sport = :$PORT" 2>/dev/null)" ]
}
unit_prop() { IN systemctl show -p "$2" --value "$1" 2>/dev/null; }
guest_boot_ms() {  # outer ExecMainStart of the container unit -> guest systemd finished (one CLOCK_MONOTONIC)
  local start fin i
  start=$(unit_prop "$CONTAINER_UNIT" ExecMainStartTimestampMonotonic)
  for i in $(seq 1 100); do
    fin=$(IN systemctl -M "$MACHINE" show -p FinishTimestampMonotonic --value 2>/dev/null)
    [ -n "$fin" ] && [ "$fin" != 0 ] && break
    sleep 0.1
  done
  if [ -n "$start" ] && [ -n "$fin" ] && [ "$fin" != 0 ]; then echo $(( (fin - start) / 1000 )); else echo "?"; fi
}

units_in() {  # units_in STATE UNIT...: every UNIT's ActiveState is STATE (true for no unit)
  local want=$1 u; shift
  for u in "$@"; do [ "$(unit_prop "$u" ActiveState)" = "$want" ] || return 1; done
}
unit_states() { local u out=; for u in "$@"; do out+="$u $(unit_prop "$u" ActiveState), "; done; echo "${out%, }"; }
host_journal() {  # the host root's journal of every unit the case names
  local u args=()
  for u in $HOST_UNITS; do args+=(-u "$u"); done
  IN journalctl --no-pager -o short-monotonic "${args[@]}"
}

# The host root itself has only `lo` (it runs with --private-network). So that "the guest cannot reach
# the host" means something, the host root gets a veth pair with an address of its own (TEST-NET-1):
# a guest sharing the host root's network sees these links; a private one must see none of them.
HOST_ADDR=192.0.2.1 HOST_LINK=be2e-host
add_host_addr() {
  local n=(nsenter -t "$CPID" -n)
  "${n[@]}" ip link add "$HOST_LINK" type veth peer name be2e-peer 2>/dev/null \
    && "${n[@]}" ip addr add "$HOST_ADDR/24" dev "$HOST_LINK" \
    && "${n[@]}" ip link set be2e-peer up && "${n[@]}" ip link set "$HOST_LINK" up
}
netns_links() { nsenter -t "$1" -n ip -o link show 2>/dev/null | awk -F': ' '{sub(/@.*/, "", $2); print $2}' | paste -sd' ' -; }
guest_leader() {  # the guest's init (its leader), as a pid of this machine
  local l f g
  # machined in the host root knows the leader as a pid of the host root's pid namespace; NSpid maps it
  l=$(IN machinectl show "$MACHINE" -p Leader --value 2>/dev/null)
  if [ -n "$l" ]; then
    f=$(grep -lE "^NSpid:[[:space:]]+[0-9]+[[:space:]]+$l[[:space:]]+1\$" /proc/[0-9]*/status 2>/dev/null | head -n 1)
    [ -n "$f" ] && { f=${f#/proc/}; echo "${f%/status}"; return 0; }
  fi
  # else the process tree: pid 1 of a pid namespace whose root is a guest root
  for f in /proc/[0-9]*; do
    for g in $GUEST_ROOTS; do
      [ "$(readlink "$f/root" 2>/dev/null)" = "$HOSTROOT$g" ] && grep -qE '^NSpid:.*[[:space:]]1$' "$f/status" 2>/dev/null \
        && { echo "${f#/proc/}"; return 0; }
    done
  done
  return 1
}
check_network() {  # check_network CYCLE, while the container runs. NETWORK=private: asserted; shared: shown
  local c=$1 gl links hlinks route conn
  gl=$(guest_leader)
  hlinks=$(netns_links "$CPID")
  if [ "$NETWORK" != private ]; then
    [ "$c" = 1 ] && log "$CASE: shared network (shown, not asserted): the guest${gl:+ (leader $gl)} sees links '$(netns_links "${gl:-$CPID}")', the host root '$hlinks'"
    return 0
  fi
  [ -n "$gl" ] || { fail "cycle $c: private network: no guest leader found (machinectl show $MACHINE -p Leader, process tree)"; return 1; }
  links=$(netns_links "$gl")
  route=$(nsenter -t "$gl" -n ip route get "$HOST_ADDR" 2>&1); local route_rc=$?
  conn=$(nsenter -t "$gl" -n timeout 5 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$HOST_ADDR" "$PORT" 2>&1); local conn_rc=$?
  if [ "$(readlink "/proc/$gl/ns/net")" != "$(readlink "/proc/$CPID/ns/net")" ] && [ "$links" = lo ] \
     && [ "$route_rc" != 0 ] && [[ $route == *unreachable* ]] && [ "$conn_rc" != 0 ]; then
    pass "cycle $c: private network: the guest (leader pid $gl) has a network namespace of its own with only 'lo' (host root: '$hlinks'); no route to the host root's $HOST_ADDR ('${route##*: }'), connect to $HOST_ADDR:$PORT: '${conn##*: }'"
  else
    fail "cycle $c: private network: guest netns $(readlink "/proc/$gl/ns/net") (host root $(readlink "/proc/$CPID/ns/net")), links '$links', route to $HOST_ADDR: '$route' (rc $route_rc), connect: '${conn:-connected}' (rc $conn_rc)"
    return 1
  fi
}
wait_idle_stop() {  # wait_idle_stop CYCLE T_CLOSE_US: the container stops by itself, within IDLE_STOP + IDLE_MARGIN
  local c=$1 t0=$2 el st= limit=$(( (IDLE_STOP + IDLE_MARGIN) * 1000 )) i n svc p_exit='' c_off c_deact lvl order=1
  IDLE_MS='' PROXY_MS='?' STOP_MS='?'
  # systemd says why it stops a StopWhenUnneeded= unit ("Unit is not needed anymore.") at debug level
  # only: raise the host root's log level while waiting
  lvl=$(IN systemd-analyze log-level 2>/dev/null)
  IN systemd-analyze log-level debug 2>/dev/null
  while :; do
    el=$(ms_since "$t0")
    st=$(unit_prop "$CONTAINER_UNIT" ActiveState)
    case "$st" in inactive|failed) IDLE_MS=$el; break ;; esac
    [ "$el" -gt "$limit" ] && break
    sleep 0.1
  done
  if [ -z "$IDLE_MS" ]; then
    IN systemd-analyze log-level "${lvl:-info}" 2>/dev/null
    fail "cycle $c: idle stop: $CONTAINER_UNIT still $st ${el} ms after the last connection closed (idle-stop ${IDLE_STOP}s + ${IDLE_MARGIN}s margin); $(unit_states $EXTRA_SERVICES)"
    return 1
  fi
  # one clock for the rest (CLOCK_MONOTONIC of the host root's systemd): proxy exit -> container inactive
  c_off=$(unit_prop "$CONTAINER_UNIT" InactiveEnterTimestampMonotonic)
  c_deact=$(unit_prop "$CONTAINER_UNIT" ActiveExitTimestampMonotonic)
  [ -n "$c_off" ] && [ -n "$c_deact" ] && [ "$c_deact" != 0 ] && STOP_MS=$(( (c_off - c_deact) / 1000 ))
  for svc in $EXTRA_SERVICES; do
    p_exit=$(unit_prop "$svc" ExecMainExitTimestampMonotonic)
    [ -n "$p_exit" ] && [ "$p_exit" != 0 ] && [ -n "$c_off" ] && PROXY_MS=$(( (c_off - p_exit) / 1000 ))
    # the container began to stop after the proxy exited, not before (nor long after)
    [ -n "$p_exit" ] && [ -n "$c_deact" ] && [ "$c_deact" -ge "$p_exit" ] && [ $(( c_deact - p_exit )) -lt 2000000 ] || order=0
    break
  done
  # "stopped by itself": the reason systemd logs for a StopWhenUnneeded= stop, once per cycle
  for i in $(seq 1 20); do
    n=$(IN journalctl --no-pager -o cat -u "$CONTAINER_UNIT" 2>/dev/null | grep -c 'Unit is not needed anymore\.')
    [ "$n" -ge "$c" ] && break
    sleep 0.1
  done
  IN systemd-analyze log-level "${lvl:-info}" 2>/dev/null
  if [ "$st" = inactive ] && [ "$IDLE_MS" -ge $(( IDLE_STOP * 1000 - 500 )) ] && [ "$n" -ge "$c" ] && [ "$order" = 1 ] \
     && units_in inactive $EXTRA_SERVICES && ! IN machinectl show "$MACHINE" >/dev/null 2>&1 \
     && units_in active "$SOCKET_UNIT" $EXTRA_SOCKETS && listening "$CPID"; then
    pass "cycle $c: idle stop: ${EXTRA_SERVICES:+$EXTRA_SERVICES exited and }$CONTAINER_UNIT stopped by itself ('Unit is not needed anymore.') $IDLE_MS ms after the last connection closed (idle-stop ${IDLE_STOP}s; proxy exit->inactive $PROXY_MS ms), machine gone, $SOCKET_UNIT still listening"
  else
    fail "cycle $c: idle stop after $IDLE_MS ms (idle-stop ${IDLE_STOP}s): $(unit_states "$CONTAINER_UNIT" $EXTRA_SERVICES "$SOCKET_UNIT" $EXTRA_SOCKETS) (Result $(unit_prop "$CONTAINER_UNIT" Result)), 'Unit is not needed anymore.' logged $n times in $c cycles, stop began ${c_deact:-?} us (proxy exited ${p_exit:-?} us), machine $(IN machinectl show "$MACHINE" -p State --value 2>/dev/null || echo gone)"
    return 1
  fi
}

stop_outer() {
  [ -n "$OUTER_PID" ] || return 0
  if kill -0 "$OUTER_PID" 2>/dev/null; then
    kill -TERM "$OUTER_PID"                           # nspawn: orderly poweroff of the host root
    local i; for i in $(seq 1 300); do kill -0 "$OUTER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$OUTER_PID" 2>/dev/null && { warn "outer nspawn ignored SIGTERM for 30 s: SIGKILL"; kill -KILL "$OUTER_PID"; }
  fi
  wait "$OUTER_PID" 2>/dev/null
  OUTER_PID=
}
cgroup_dirs() {  # the payload/supervisor cgroups nspawn makes below our own cgroup (v2, hybrid, v1)
  local v2 v1 base d
  v2=$(sed -n 's/^0:://p' /proc/self/cgroup); v1=$(sed -n 's/^[0-9]*:name=systemd://p' /proc/self/cgroup)
  for base in "/sys/fs/cgroup${v2%/}" "/sys/fs/cgroup/unified${v2%/}" "/sys/fs/cgroup/systemd${v1%/}"; do
    for d in payload supervisor; do [ -d "$base/$d" ] && echo "$base/$d"; done
  done | sort -u
}
case_cleanup() {
  set +e
  stop_outer
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then
    # Anything still running from inside our roots was started by this case: end it by pid.
    local p r
    for p in /proc/[0-9]*; do
      r=$(readlink "$p/root" 2>/dev/null) || continue
      case "$r" in "$WORK"/*) warn "killing leftover pid ${p#/proc/} ($(cat "$p/comm" 2>/dev/null))"; kill -KILL "${p#/proc/}" 2>/dev/null ;; esac
    done
    findmnt -rn -o TARGET | grep -F "$WORK/" | sort -r | while read -r m; do warn "unmounting leftover $m"; umount -l "$m"; done
    if [ -n "$WORK_MOUNTED" ]; then
      umount "$WORK" || { warn "$WORK busy: lazy unmount"; umount -l "$WORK"; }
      WORK_MOUNTED=
    fi
  fi
  # nspawn without a host systemd leaves empty payload/supervisor cgroups: remove the new ones.
  local d
  for d in $(comm -13 <(echo "$CG_BEFORE") <(cgroup_dirs)); do
    find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null
  done
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then
    if [ "${BERTH_E2E_KEEP:-0}" = 1 ]; then
      log "$CASE: kept $WORK"
    elif [ -n "$WORK_MOUNTED" ] || [ -n "$(findmnt -rn -o TARGET | grep -F "$WORK/")" ]; then
      warn "$WORK still has mounts: not removing it"
    else
      rm -rf --one-file-system "$WORK"
    fi
  fi
}

diagnose() {  # what went wrong: unit states and journals, into the output and the log dir
  {
    echo "--- host root: systemctl status $HOST_UNITS"
    # shellcheck disable=SC2086
    IN systemctl --no-pager --lines=0 status $HOST_UNITS 2>&1
    echo "--- host root: journal of $HOST_UNITS (last 40)"
    host_journal 2>&1 | tail -n 40
    local g
    for g in $GUEST_ROOTS; do
      echo "--- guest $g: journal (last 40)"
      journalctl --no-pager -n 40 -o short-monotonic -D "$HOSTROOT$g/var/log/journal" 2>&1
    done
  } > "$CASE_LOGS/diagnosis.txt" 2>&1
  sed 's/^/    | /' "$CASE_LOGS/diagnosis.txt"
}

run_case() {  # run_case NAME EXAMPLE_OR_EMPTY
  CASE=$1
  # shellcheck disable=SC2034  # BREAKS is read by selftest-negative.sh, not here
  EXAMPLE='' SOCKET_UNIT='' CONTAINER_UNIT='' GUEST_ROOTS='' MACHINE='' PROTO=tcp ADDR=127.0.0.1 PORT='' SEND='' EXPECT='' BREAKS=''
  EXTRA_SOCKETS='' EXTRA_SERVICES='' NETWORK=shared IDLE_STOP='' IDLE_MARGIN=20
  # shellcheck disable=SC1090
  . "$E2E_DIR/cases/$CASE.conf"
  [ -n "$2" ] && EXAMPLE=$2
  EXAMPLE=${EXAMPLE:-examples/$CASE.yaml}
  case "$EXAMPLE" in /*) ;; *) EXAMPLE=$REPO/$EXAMPLE ;; esac
  GUEST_ROOTS=${GUEST_ROOTS:-/srv/${CONTAINER_UNIT%.service}}
  set -- $GUEST_ROOTS; MACHINE=${MACHINE:-$(basename "$1")}
  local k
  for k in SOCKET_UNIT CONTAINER_UNIT PORT EXPECT; do
    [ -n "${!k}" ] || { fail "e2e/cases/$CASE.conf does not set $k"; return 1; }
  done
  case "$NETWORK" in private|shared) ;; *) fail "e2e/cases/$CASE.conf: NETWORK=$NETWORK (private or shared)"; return 1 ;; esac
  case "$IDLE_STOP" in ''|[0-9]|[0-9][0-9]|[0-9][0-9][0-9]) ;; *) fail "e2e/cases/$CASE.conf: IDLE_STOP=$IDLE_STOP (whole seconds)"; return 1 ;; esac
  HOST_UNITS="$SOCKET_UNIT $CONTAINER_UNIT $EXTRA_SOCKETS $EXTRA_SERVICES"

  CASE_LOGS=$LOGS/$CASE
  rm -rf "$CASE_LOGS"; mkdir -p "$CASE_LOGS"
  CG_BEFORE=$(cgroup_dirs)
  WORK=$(mktemp -d "$WORK_PARENT/berth-e2e-$CASE.XXXXXX")
  HOSTROOT=$WORK/host
  trap case_cleanup EXIT
  trap 'exit 130' INT TERM
  set -- $GUEST_ROOTS
  # The roots live in a tmpfs of their own: extracting them there takes ~0.5 s instead of 3-10 s
  # on this kind of disk, and the clean-up is one umount. BERTH_E2E_KEEP=1 keeps them on disk.
  if [ "${BERTH_E2E_TMPFS:-1}" = 1 ] && [ "${BERTH_E2E_KEEP:-0}" != 1 ]; then
    if mount -t tmpfs -o "mode=755,size=$(( ($# + 1) * 512 ))m" berth-e2e "$WORK"; then
      WORK_MOUNTED=1
    else
      warn "cannot mount a tmpfs on $WORK: using the disk"
    fi
  fi
  log "=== $CASE: ${EXAMPLE#"$REPO"/} ($PROTO/$PORT, expect '$EXPECT', $CYCLES cycles${IDLE_STOP:+, idle stop after ${IDLE_STOP}s}, $NETWORK network${BREAK:+, BROKEN: $BREAK})"

  # ------------------------------------------------------------ roots
  local t g
  t=$(now_us)
  mkdir -p "$HOSTROOT"
  tar -C "$HOSTROOT" --numeric-owner -I zstd -xpf "$TARBALL" &
  local pids=($!)
  for g in $GUEST_ROOTS; do
    mkdir -p "$HOSTROOT$g"
    tar -C "$HOSTROOT$g" --numeric-owner -I zstd -xpf "$TARBALL" &
    pids+=($!)
  done
  for k in "${pids[@]}"; do wait "$k" || { fail "extracting $TARBALL"; return 1; }; done
  configure_root "$HOSTROOT" berth-e2e-host || { fail "configuring the host root"; return 1; }
  for g in $GUEST_ROOTS; do
    configure_root "$HOSTROOT$g" "$(basename "$g")" || { fail "configuring guest root $g"; return 1; }
  done
  log "$CASE: ${#pids[@]} roots (host + guests) extracted and configured in $(ms_since "$t") ms"

  # ------------------------------------------------------------ berth's tree
  if install_tree; then pass "install_tree"; else fail "install_tree"; return 1; fi
  for k in $HOST_UNITS; do
    [ -f "$HOSTROOT/etc/systemd/system/$k" ] || { fail "installed tree lacks /etc/systemd/system/$k"; return 1; }
  done
  if declare -F prepare_guest >/dev/null; then
    for g in $GUEST_ROOTS; do prepare_guest "$HOSTROOT$g" || { fail "prepare_guest $g"; return 1; }; done
  fi
  if [ -n "$BREAK" ]; then
    declare -F "break_$BREAK" >/dev/null || { fail "unknown BERTH_E2E_BREAK=$BREAK"; return 1; }
    "break_$BREAK" || { fail "BERTH_E2E_BREAK=$BREAK found nothing to break"; return 1; }
  fi
  # shellcheck disable=SC2086
  if systemd-analyze verify --man=no --root="$HOSTROOT" $HOST_UNITS > "$CASE_LOGS/verify.log" 2>&1; then
    pass "systemd-analyze verify host units"
  else
    fail "systemd-analyze verify host units"; sed 's/^/    | /' "$CASE_LOGS/verify.log"
  fi

  # ------------------------------------------------------------ boot the host root
  local machine_had_port=0
  listening $$ && machine_had_port=1
  t=$(now_us)
  systemd-nspawn -D "$HOSTROOT" -b --register=no --keep-unit --private-network --machine="e2e-$MACHINE" \
    > "$CASE_LOGS/outer-console.log" 2>&1 < /dev/null &
  OUTER_PID=$!
  local i state=
  for _ in $(seq 1 $((BOOT_TIMEOUT * 10))); do
    kill -0 "$OUTER_PID" 2>/dev/null || { fail "outer nspawn exited during boot"; tail -n 30 "$CASE_LOGS/outer-console.log" | sed 's/^/    | /'; return 1; }
    if [ -z "$CPID" ]; then
      for k in $(pgrep -P "$OUTER_PID"); do [ "$(cat "/proc/$k/comm" 2>/dev/null)" = systemd ] && CPID=$k; done
    fi
    if [ -n "$CPID" ]; then
      state=$(IN systemctl is-system-running 2>/dev/null)
      case "$state" in running|degraded) break ;; esac
    fi
    sleep 0.1
  done
  local outer_boot_ms
  outer_boot_ms=$(ms_since "$t")
  case "$state" in
    running|degraded) pass "host root booted ($state) in $outer_boot_ms ms" ;;
    *) fail "host root did not finish booting in ${BOOT_TIMEOUT}s (state '$state')"; tail -n 30 "$CASE_LOGS/outer-console.log" | sed 's/^/    | /'; return 1 ;;
  esac
  [ "$state" = degraded ] && log "$CASE: failed units in the host root: $(IN systemctl --failed --plain --no-legend 2>/dev/null | awk '{print $1}' | paste -sd' ' -)"
  if add_host_addr; then
    [ "$NETWORK" = private ] && pass "host root has $HOST_ADDR on $HOST_LINK (the address a private guest must not reach)"
  else
    [ "$NETWORK" = private ] && { fail "cannot add $HOST_ADDR on a veth pair in the host root"; return 1; }
    warn "cannot add $HOST_ADDR in the host root: the guest's network is not shown"
  fi

  # ------------------------------------------------------------ before the first connection
  if [ "$(unit_prop "$SOCKET_UNIT" ActiveState)" = active ] && listening "$CPID"; then
    pass "$SOCKET_UNIT listening on $PROTO/$PORT before any connection"
  else
    fail "$SOCKET_UNIT not listening on $PROTO/$PORT ($(unit_prop "$SOCKET_UNIT" ActiveState))"; diagnose; return 1
  fi
  if [ "$(unit_prop "$CONTAINER_UNIT" ActiveState)" = inactive ]; then
    pass "$CONTAINER_UNIT not running before the first connection"
  else
    fail "$CONTAINER_UNIT is $(unit_prop "$CONTAINER_UNIT" ActiveState) before the first connection"; diagnose; return 1
  fi
  if [ -n "$EXTRA_SOCKETS$EXTRA_SERVICES" ]; then
    if units_in active $EXTRA_SOCKETS && units_in inactive $EXTRA_SERVICES; then
      pass "before the first connection:${EXTRA_SOCKETS:+ $EXTRA_SOCKETS active;}${EXTRA_SERVICES:+ $EXTRA_SERVICES inactive}"
    else
      fail "before the first connection: $(unit_states $EXTRA_SOCKETS $EXTRA_SERVICES)"; diagnose; return 1
    fi
  fi

  # ------------------------------------------------------------ activation cycles
  local c out ms ans inv inv2 boot stop_ms t_close colds=() warms=() boots=() stops=() idles=() proxies=()
  for c in $(seq 1 "$CYCLES"); do
    out=$(probe); ms=${out%% *}; ans=${out#* }
    if [ -n "$out" ] && answer_ok "$ans"; then
      pass "cycle $c: cold connection activated $CONTAINER_UNIT and got '$ans' in $ms ms"
    else
      fail "cycle $c: cold connection: expected '$EXPECT', got '${ans:-nothing}'${ms:+ after $ms ms}"; diagnose; return 1
    fi
    colds+=("$ms")
    inv=$(unit_prop "$CONTAINER_UNIT" InvocationID)
    boot=$(guest_boot_ms); boots+=("$boot")
    check_network "$c" || { diagnose; return 1; }
    out=$(probe); ms=${out%% *}; ans=${out#* }
    t_close=$(now_us)   # the last connection of this cycle is closed: the idle time runs from here
    inv2=$(unit_prop "$CONTAINER_UNIT" InvocationID)
    if [ -n "$out" ] && answer_ok "$ans" && [ -n "$inv" ] && [ "$inv" = "$inv2" ] \
       && [ "$(unit_prop "$CONTAINER_UNIT" ActiveState)" = active ] && units_in active $EXTRA_SERVICES; then
      pass "cycle $c: warm connection served by the running container in $ms ms"
    else
      fail "cycle $c: warm connection: got '${ans:-nothing}', invocation $inv -> $inv2, $(unit_states "$CONTAINER_UNIT" $EXTRA_SERVICES)"; diagnose; return 1
    fi
    warms+=("$ms")
    if [ -n "$IDLE_STOP" ]; then
      # The container must stop by itself: the harness sends no stop and no reset-failed.
      wait_idle_stop "$c" "$t_close" || { diagnose; return 1; }
      idles+=("$IDLE_MS"); proxies+=("$PROXY_MS"); stops+=("$STOP_MS")
    else
      t=$(now_us)
      IN systemctl stop "$CONTAINER_UNIT" 2>/dev/null
      stop_ms=$(ms_since "$t"); stops+=("$stop_ms")
      # More than 5 starts in 10 s would hit the default start limit; that is not what is tested here.
      IN systemctl reset-failed "$CONTAINER_UNIT" "$SOCKET_UNIT" 2>/dev/null
      if [ "$(unit_prop "$CONTAINER_UNIT" ActiveState)" != active ] && ! IN machinectl show "$MACHINE" >/dev/null 2>&1 \
         && [ "$(unit_prop "$SOCKET_UNIT" ActiveState)" = active ] && listening "$CPID"; then
        pass "cycle $c: container stopped in $stop_ms ms, $SOCKET_UNIT still listening"
      else
        fail "cycle $c: after stop: $CONTAINER_UNIT $(unit_prop "$CONTAINER_UNIT" ActiveState), $SOCKET_UNIT $(unit_prop "$SOCKET_UNIT" ActiveState)"; diagnose; return 1
      fi
    fi
  done
  host_journal > "$CASE_LOGS/host-journal.txt" 2>&1

  # ------------------------------------------------------------ shut down, and the machine untouched
  t=$(now_us)
  stop_outer
  log "$CASE: host root shut down in $(ms_since "$t") ms"
  if [ "$machine_had_port" = 1 ] || ! listening $$; then
    pass "nothing listens on the machine's own $PROTO/$PORT"
  else
    fail "the machine's own network namespace listens on $PROTO/$PORT after the run"
  fi
  if [ -n "$IDLE_STOP" ]; then
    log "timings $CASE: host root boot ${outer_boot_ms} ms; cold connect->answer ${colds[*]} ms; warm ${warms[*]} ms; container boot (nspawn start->guest finished) ${boots[*]} ms; idle stop (last close->container inactive, idle-stop ${IDLE_STOP}s) ${idles[*]} ms; of which proxy exit->container inactive ${proxies[*]} ms; container stop (deactivating->inactive) ${stops[*]} ms"
  else
    log "timings $CASE: host root boot ${outer_boot_ms} ms; cold connect->answer ${colds[*]} ms; warm ${warms[*]} ms; container boot (nspawn start->guest finished) ${boots[*]} ms; container stop ${stops[*]} ms"
  fi
}

configure_root() {  # configure_root ROOT HOSTNAME: identity, and the stock sshd off (as the lab does)
  echo "$2" > "$1/etc/hostname"
  systemd-id128 new > "$1/etc/machine-id"
  systemctl --root="$1" disable ssh.service > /dev/null 2>&1
  [ ! -e "$1/etc/systemd/system/multi-user.target.wants/ssh.service" ]
}

# =================================================================== main
CHILD=
on_signal() {  # stop the running case (its EXIT trap cleans up), then report what ran
  trap - INT TERM
  log "interrupted"
  if [ -n "$CHILD" ]; then kill -TERM "$CHILD" 2>/dev/null; wait "$CHILD" 2>/dev/null; fi
  echo "fail interrupted" >> "$RESULTS"; summary; exit 130
}
trap on_signal INT TERM
for entry in "${cases[@]}"; do
  # in the background so that a signal reaches on_signal at once, not after the case
  ( run_case "${entry%%|*}" "${entry#*|}" ) &
  CHILD=$!
  wait "$CHILD"; rc=$?; CHILD=
  # a subshell that died without recording a failure (e.g. killed) still fails the run
  if [ "$rc" != 0 ] && ! grep -q "^fail ${entry%%|*}:" "$RESULTS"; then
    echo "fail ${entry%%|*}: aborted (exit $rc)" >> "$RESULTS"
  fi
done
summary
