# e2e/livehost-lib.sh - a booted host root with berth inside it, as a live host (--root /).
# Sourced after lib.sh by live-host.sh and bench/live.sh (not run).
# shellcheck shell=bash
#
# The cached rootfs is extracted into a tmpfs and booted with systemd-nspawn (its own network namespace); the
# checkout and a JDK are bound read-only at the same paths inside, so bin/berth and its start-up cache work
# unchanged, and berth runs in there through nsenter, as root, with --root /. Guest roots are extracted only
# where a container is to run.

LH_WORK='' LH_MOUNTED='' LH_OUTER='' LH_CPID='' LH_HOST='' LH_CG_BEFORE='' LH_LOGS=''

# The java bin/berth would pick on this machine: $JAVA, else the newest JDK 25+ under /usr/lib/jvm, else java.
lh_java() {
  local release feature best=24 java=${JAVA:-}
  if [ -z "$java" ]; then
    for release in /usr/lib/jvm/*/release; do
      [ -f "$release" ] && [ -x "${release%/release}/bin/java" ] || continue
      feature=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$release")
      if [ -n "$feature" ] && [ "$feature" -gt "$best" ]; then best=$feature; java=${release%/release}/bin/java; fi
    done
  fi
  readlink -f "$(command -v "${java:-java}")"
}
LH_JAVA=$(lh_java)
LH_JDK=$(dirname "$(dirname "$LH_JAVA")")

lh_cgroup_dirs() {  # the payload/supervisor cgroups nspawn makes below our own cgroup (as run.sh)
  local v2 v1 base d
  v2=$(sed -n 's/^0:://p' /proc/self/cgroup); v1=$(sed -n 's/^[0-9]*:name=systemd://p' /proc/self/cgroup)
  for base in "/sys/fs/cgroup${v2%/}" "/sys/fs/cgroup/unified${v2%/}" "/sys/fs/cgroup/systemd${v1%/}"; do
    for d in payload supervisor; do [ -d "$base/$d" ] && echo "$base/$d"; done
  done | sort -u
}

lh_configure_root() {  # ROOT HOSTNAME: its own identity, the stock sshd off (as run.sh does)
  echo "$2" > "$1/etc/hostname"
  systemd-id128 new > "$1/etc/machine-id"
  systemctl --root="$1" disable ssh.service > /dev/null 2>&1 || true
}

# lh_boot NAME [GUEST...]: the host root booted, with a guest root extracted at each /srv/GUEST. Sets LH_CPID
# (the host root's systemd, as a pid of this machine) and LH_HOST (its directory here).
lh_boot() {
  local name=$1 tarball g t state=''
  shift
  tarball=$(rootfs_tarball)
  [ -s "$tarball" ] || tarball=$("$E2E_DIR/setup.sh" | tail -n 1)
  LH_LOGS=${BERTH_E2E_LOGS:-${TMPDIR:-/tmp}/berth-e2e-logs}/$name
  rm -rf "$LH_LOGS"; mkdir -p "$LH_LOGS"
  LH_CG_BEFORE=$(lh_cgroup_dirs)
  LH_WORK=$(mktemp -d "${BERTH_E2E_WORK:-${TMPDIR:-/tmp}}/berth-$name.XXXXXX")
  mount -t tmpfs -o "mode=755,size=$(( ($# + 2) * 512 ))m" "berth-$name" "$LH_WORK" && LH_MOUNTED=1
  LH_HOST=$LH_WORK/host
  mkdir -p "$LH_HOST"
  t=$(now_us)
  tar -C "$LH_HOST" --numeric-owner -I zstd -xpf "$tarball" || return 1
  lh_configure_root "$LH_HOST" "berth-$name"
  for g in "$@"; do
    mkdir -p "$LH_HOST/srv/$g"
    tar -C "$LH_HOST/srv/$g" --numeric-owner -I zstd -xpf "$tarball" || return 1
    lh_configure_root "$LH_HOST/srv/$g" "$g"
  done
  local binds=(--bind-ro="$REPO" --bind-ro="$LH_JDK") e
  for e in /etc/java-*; do [ -d "$e" ] && binds+=(--bind-ro="$e"); done
  systemd-nspawn -D "$LH_HOST" -b --register=no --keep-unit --private-network --machine="berth-$name" "${binds[@]}" \
    > "$LH_LOGS/console.log" 2>&1 < /dev/null &
  LH_OUTER=$!
  for _ in $(seq 1 $(( ${BOOT_TIMEOUT:-90} * 10 ))); do
    kill -0 "$LH_OUTER" 2>/dev/null || { tail -n 30 "$LH_LOGS/console.log" >&2; return 1; }
    if [ -z "$LH_CPID" ]; then
      for g in $(pgrep -P "$LH_OUTER"); do [ "$(cat "/proc/$g/comm" 2>/dev/null)" = systemd ] && LH_CPID=$g; done
    fi
    if [ -n "$LH_CPID" ]; then
      state=$(lh_in systemctl is-system-running 2>/dev/null)
      case "$state" in running|degraded) break ;; esac
    fi
    sleep 0.1
  done
  case "$state" in running|degraded) ;; *) tail -n 30 "$LH_LOGS/console.log" >&2; return 1 ;; esac
  log "$name: host root booted ($state) in $(ms_since "$t") ms; berth runs on $LH_JAVA"
}

lh_in() { nsenter -t "$LH_CPID" -a "$@"; }

# lh_checks NAME: pass, fail, check, finish and skip for a script of checks, whose last line is
# "NAME: N passed, N failed"; skip exits 0 (1 when BERTH_E2E_REQUIRE=1). Then what such a script needs: root,
# namespaces, berth's jar, the rootfs; and the host root cleaned up however the script ends.
lh_checks() {
  LH_SUITE=$1 PASSED=0 FAILED=0
  pass() { PASSED=$((PASSED + 1)); log "ok   $*"; }
  fail() { FAILED=$((FAILED + 1)); log "FAIL $*"; }
  check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }
  finish() {
    echo "$LH_SUITE: $PASSED passed, $FAILED failed${1:+, $1 skipped}"
    [ "$FAILED" = 0 ] && [ "${1:-0}" = 0 ]
  }
  skip() {
    log "SKIP: $*"
    if [ "${BERTH_E2E_REQUIRE:-0}" = 1 ]; then FAILED=$((FAILED + 1)); finish; exit 1; fi
    finish 1; exit 0
  }
  [ "$(id -u)" = 0 ] || skip "needs root (systemd-nspawn)"
  unshare -m -p -f true 2>/dev/null || skip "cannot create namespaces here"
  [ -f "$REPO/target/berth.jar" ] || { fail "no $REPO/target/berth.jar: mvn -B -DskipTests package"; finish; exit 1; }
  command -v systemd-nspawn >/dev/null || "$E2E_DIR/setup.sh" > /dev/null || { fail "setup.sh"; finish; exit 1; }
  trap lh_cleanup EXIT
  trap 'exit 130' INT TERM
}

# lh_berth ARGS...: berth inside the host root, as the live host's admin runs it
lh_berth() { lh_in env BERTH_CACHE=0 JAVA="$LH_JAVA" "$REPO/bin/berth" "$@"; }

# lh_run CMD...: runs it; LH_MS is its wall time in ms, LH_RC its exit status, LH_OUT its output (both streams)
lh_run() {
  local t
  t=$(now_us)
  LH_OUT=$("$@" 2>&1); LH_RC=$?
  LH_MS=$(ms_since "$t")
}

lh_cleanup() {
  set +e
  if [ -n "$LH_OUTER" ] && kill -0 "$LH_OUTER" 2>/dev/null; then
    kill -TERM "$LH_OUTER"
    local i; for i in $(seq 1 300); do kill -0 "$LH_OUTER" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$LH_OUTER" 2>/dev/null && kill -KILL "$LH_OUTER"
  fi
  [ -n "$LH_OUTER" ] && wait "$LH_OUTER" 2>/dev/null
  LH_OUTER=''
  if [ -n "$LH_WORK" ] && [ -d "$LH_WORK" ]; then
    local p r
    for p in /proc/[0-9]*; do
      r=$(readlink "$p/root" 2>/dev/null) || continue
      case "$r" in "$LH_WORK"/*) kill -KILL "${p#/proc/}" 2>/dev/null ;; esac
    done
    findmnt -rn -o TARGET | grep -F "$LH_WORK/" | sort -r | while read -r m; do umount -l "$m"; done
    [ -n "$LH_MOUNTED" ] && { umount "$LH_WORK" || umount -l "$LH_WORK"; }
    LH_MOUNTED=''
    [ -z "$(findmnt -rn -o TARGET | grep -F "$LH_WORK")" ] && rm -rf --one-file-system "$LH_WORK"
  fi
  local d
  for d in $(comm -13 <(echo "$LH_CG_BEFORE") <(lh_cgroup_dirs)); do
    find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null
  done
}

# lh_config N FIRST_PORT [NAME:PORT...]: a config of N one-port containers c000.. on FIRST_PORT.., guest roots
# absent but for those a test extracts; more containers as NAME:PORT
lh_config() {
  local n=$1 port=$2 i name
  shift 2
  echo "berth: 1"
  echo "containers:"
  for i in $(seq 0 $((n - 1))); do lh_container "$(printf 'c%03d' "$i")" $((port + i)); done
  for name in "$@"; do lh_container "${name%%:*}" "${name##*:}"; done
}
lh_container() {
  cat <<YAML
  $1:
    root: /srv/$1
    guest: {os: debian, release: bookworm}
    mask: [ssh.service]
    ports: {ssh: {listen: $2}}
    services:
      sshd: {port: ssh, per-connection: true, exec: [/usr/sbin/sshd, -i], runtime-directory: sshd}
YAML
}
