#!/usr/bin/env bash
# e2e/fleet.sh - berth on a fleet: three hosts, one Ansible run.
#
# Three Debian 12 "hosts" (each a real systemd as PID 1 under systemd-nspawn, --private-network) from the
# cached rootfs of setup.sh, each with a guest root for its container. Ansible on this machine reaches them
# through the community.docker.nsenter connection (no SSH, no network: nothing leaves the lab). The
# collection in ansible/ is built with ansible-galaxy and installed into the work dir; its role installs
# berth (web1, web2: the jar and a jlink'ed Java runtime copied from here; web3: berth's .deb from target/,
# python3-apt for Ansible's apt module from a local package source) and applies
# examples/fleet/hosts/HOST.yaml, which imports common/sites.yaml. Checks, in order (see e2e/README.md):
#   0. install: berth runs on every host; web3 has /usr/bin/berth on the package's runtime and no Java
#   1. --check --diff: every host changed, the diff shows its unit files, nothing written on any host
#   2. apply: each host's socket listens on its own port only; a connection boots its container (SSH banner)
#   3. the same run again: changed=0 everywhere
#   4. a template changed in the shared file, serial: 1: exactly the hosts that use it change
#   5. one host's file made invalid: it fails with berth's message (file:line:col), the others apply
#   6. state: absent: every host clean, sockets gone
#   7. web3 given a rebuilt .deb of the installed version: installed again
# Last line: "e2e-fleet: N passed, N failed". Env: BERTH_E2E_REQUIRE=1 (a skip is a failure, and so is a missing
# .deb; without it web3 gets the jar), BERTH_DEB (default: the newest target/berth_*_amd64.deb), BERTH_E2E_KEEP=1,
# BERTH_E2E_LOGS, BERTH_E2E_WORK, BERTH_E2E_CACHE, BOOT_TIMEOUT (90 s), ANSWER_TIMEOUT (30 s), JAVA_HOME (the
# JDK whose jlink makes the hosts' runtime; default: the newest 17+ under /usr/lib/jvm with jlink).
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

HOSTS=(web1 web2 web3)
PKG_HOST=web3   # berth_install: package, with the .deb
BOOT_TIMEOUT=${BOOT_TIMEOUT:-90}
ANSWER_TIMEOUT=${ANSWER_TIMEOUT:-30}
LOGS=${BERTH_E2E_LOGS:-${TMPDIR:-/tmp}/berth-e2e-logs}/fleet
WORK_PARENT=${BERTH_E2E_WORK:-${TMPDIR:-/tmp}}
JAR=$REPO/target/berth.jar
RESULTS=$(mktemp "${TMPDIR:-/tmp}/berth-e2e-fleet.XXXXXX")

pass() { echo "pass $*" >> "$RESULTS"; log "ok   fleet: $*"; }
fail() { echo "fail $*" >> "$RESULTS"; log "FAIL fleet: $*"; }
SKIPPED=
summary() {
  local p f s=${1:-$SKIPPED}
  p=$(grep -c '^pass ' "$RESULTS"); f=$(grep -c '^fail ' "$RESULTS")
  echo "e2e-fleet: $p passed, $f failed${s:+, $s skipped}"
  rm -f "$RESULTS"
  [ "$f" = 0 ]
}
skip() {
  log "SKIP: $*"
  if [ "${BERTH_E2E_REQUIRE:-0}" = 1 ]; then echo "fail environment: $*" >> "$RESULTS"; summary; exit 1; fi
  summary 1; exit 0
}

[ "$(id -u)" = 0 ] || skip "needs root (systemd-nspawn); run: sudo $0"
unshare --mount --pid --net --uts --ipc --fork true 2>/dev/null || skip "this machine cannot create namespaces"
[ -n "$(ls -A /sys/fs/cgroup 2>/dev/null)" ] || skip "no cgroup file system mounted"
[ -f "$JAR" ] || { fail "no $JAR: build it first (mvn -B -DskipTests package)"; summary; exit 1; }
DEB=${BERTH_DEB:-$(ls -t "$REPO"/target/berth_*_amd64.deb 2>/dev/null | head -n 1)}
if [ ! -f "$DEB" ]; then
  if [ "${BERTH_E2E_REQUIRE:-0}" = 1 ]; then
    fail "no ${BERTH_DEB:-target/berth_*_amd64.deb} for $PKG_HOST (berth_install: package): build it first (mvn -B -DskipTests -Ppackage package)"
    summary; exit 1
  fi
  log "NOTE: no ${BERTH_DEB:-target/berth_*_amd64.deb} (mvn -B -DskipTests -Ppackage package builds it): $PKG_HOST gets the jar like the others, the package is not tested"
  PKG_HOST= SKIPPED=1
fi

# ---------------------------------------------------------------- tools: Ansible from Debian's packages
if ! command -v ansible-playbook >/dev/null || ! dpkg-query -W -f='${Status}' ansible 2>/dev/null | grep -q 'ok installed'; then
  log "apt-get install ansible-core ansible"
  mkdir -p "$E2E_CACHE"
  apt-get -o APT::Sandbox::User=root update -qq > "$E2E_CACHE/apt-fleet.log" 2>&1 || warn "apt-get update had errors"
  DEBIAN_FRONTEND=noninteractive apt-get -o APT::Sandbox::User=root install -y -qq --no-install-recommends ansible-core ansible \
    >> "$E2E_CACHE/apt-fleet.log" 2>&1 || { tail -n 20 "$E2E_CACHE/apt-fleet.log"; fail "apt-get install ansible"; summary; exit 1; }
fi
TARBALL=$("$E2E_DIR/setup.sh" | tail -n 1)
[ -s "$TARBALL" ] || { fail "setup.sh gave no rootfs"; summary; exit 1; }
log "ansible-core $(ansible --version | sed -n '1s/.*core \([0-9.]*\).*/\1/p'), community.docker $(ansible-galaxy collection list community.docker 2>/dev/null | awk '$1 == "community.docker" {print $2}' | head -n 1)"

# ---------------------------------------------------------------- the Java runtime the hosts get (cached)
jdk=${JAVA_HOME:-}
if [ -z "$jdk" ]; then
  for j in /usr/lib/jvm/*; do [ -x "$j/bin/jlink" ] && jdk=$j; done
fi
[ -x "$jdk/bin/jlink" ] || { fail "no JDK with jlink (set JAVA_HOME)"; summary; exit 1; }
MODULES=java.base,java.desktop,java.sql,jdk.crypto.ec
RUNTIME=$E2E_CACHE/fleet-runtime-$( { "$jdk/bin/java" -version 2>&1; echo "$MODULES"; } | sha256sum | cut -c1-12).tar.gz
if [ ! -s "$RUNTIME" ]; then
  log "jlink $MODULES from $jdk"
  rt=$(mktemp -d)
  # --compress=2 became zip-6 in JDK 21 (the old spelling warns)
  compress=2; [ "$("$jdk/bin/jlink" --version | cut -d. -f1)" -ge 21 ] 2>/dev/null && compress=zip-6
  "$jdk/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files --compress=$compress --output "$rt/runtime" \
    && tar -C "$rt" -czf "$RUNTIME.tmp" runtime && mv "$RUNTIME.tmp" "$RUNTIME"
  rm -rf "$rt" "$RUNTIME.tmp"
  [ -s "$RUNTIME" ] || { fail "jlink"; summary; exit 1; }
  find "$E2E_CACHE" -maxdepth 1 -name 'fleet-runtime-*.tar.gz' ! -path "$RUNTIME" -delete
fi

# ---------------------------------------------------------------- the package host's package source (cached)
# Ansible's apt module needs python3-apt on the host and installs it from the host's package sources; the lab's
# hosts have no network, so the package host gets a local source with python3-apt and what it depends on beyond
# the rootfs, downloaded once from this machine's (Debian 12) sources. It has no berth: the .deb comes from the
# controller, as it does for a fleet whose package sources do not carry berth.
APT_SOURCE=$E2E_CACHE/fleet-apt-$E2E_SUITE
if [ -n "$PKG_HOST" ] && [ ! -s "$APT_SOURCE/Packages" ]; then
  log "apt-get download python3-apt python-apt-common distro-info-data"
  rm -rf "$APT_SOURCE.tmp"; mkdir -p "$APT_SOURCE.tmp"
  if (cd "$APT_SOURCE.tmp" && apt-get -o APT::Sandbox::User=root download python3-apt python-apt-common distro-info-data) \
       > "$E2E_CACHE/apt-fleet-source.log" 2>&1; then
    for d in "$APT_SOURCE.tmp"/*.deb; do
      dpkg-deb -f "$d"
      echo "Filename: ./$(basename "$d")"; echo "Size: $(stat -c %s "$d")"; echo "SHA256: $(sha256sum < "$d" | cut -d' ' -f1)"; echo
    done > "$APT_SOURCE.tmp/Packages"
    rm -rf "$APT_SOURCE"; mv "$APT_SOURCE.tmp" "$APT_SOURCE"
  else
    tail -n 20 "$E2E_CACHE/apt-fleet-source.log"; rm -rf "$APT_SOURCE.tmp"
    fail "apt-get download of python3-apt for $PKG_HOST's package source"; summary; exit 1
  fi
fi

# ---------------------------------------------------------------- work dir, clean-up
rm -rf "$LOGS"; mkdir -p "$LOGS"
WORK=$(mktemp -d "$WORK_PARENT/berth-e2e-fleet.XXXXXX")
WORK_MOUNTED=
declare -A NSPAWN CPID
cgroup_dirs() {  # the payload/supervisor cgroups nspawn makes below our own cgroup (as run.sh)
  local v2 v1 base d
  v2=$(sed -n 's/^0:://p' /proc/self/cgroup); v1=$(sed -n 's/^[0-9]*:name=systemd://p' /proc/self/cgroup)
  for base in "/sys/fs/cgroup${v2%/}" "/sys/fs/cgroup/unified${v2%/}" "/sys/fs/cgroup/systemd${v1%/}"; do
    for d in payload supervisor; do [ -d "$base/$d" ] && echo "$base/$d"; done
  done | sort -u
}
CG_BEFORE=$(cgroup_dirs)
cleanup() {
  set +e
  local h p r i d
  for h in "${!NSPAWN[@]}"; do kill -TERM "${NSPAWN[$h]}" 2>/dev/null; done
  for h in "${!NSPAWN[@]}"; do
    for i in $(seq 1 300); do kill -0 "${NSPAWN[$h]}" 2>/dev/null || break; sleep 0.1; done
    kill -0 "${NSPAWN[$h]}" 2>/dev/null && { warn "$h ignored SIGTERM for 30 s: SIGKILL"; kill -KILL "${NSPAWN[$h]}"; }
    wait "${NSPAWN[$h]}" 2>/dev/null
  done
  for p in /proc/[0-9]*; do
    r=$(readlink "$p/root" 2>/dev/null) || continue
    case "$r" in "$WORK"/*) warn "killing leftover pid ${p#/proc/} ($(cat "$p/comm" 2>/dev/null))"; kill -KILL "${p#/proc/}" 2>/dev/null ;; esac
  done
  findmnt -rn -o TARGET | grep -F "$WORK/" | sort -r | while read -r m; do umount -l "$m"; done
  [ -n "$WORK_MOUNTED" ] && { umount "$WORK" || umount -l "$WORK"; }
  for d in $(comm -13 <(echo "$CG_BEFORE") <(cgroup_dirs)); do find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null; done
  if [ "${BERTH_E2E_KEEP:-0}" = 1 ]; then log "kept $WORK"; else rm -rf --one-file-system "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
if [ "${BERTH_E2E_KEEP:-0}" != 1 ] && mount -t tmpfs -o mode=755,size=4g berth-e2e-fleet "$WORK"; then WORK_MOUNTED=1; fi

# ---------------------------------------------------------------- the collection, built and installed as users do
( cd "$REPO/ansible" && ansible-galaxy collection build --force --output-path "$WORK/dist" ) > "$LOGS/galaxy.log" 2>&1 \
  && ansible-galaxy collection install -p "$WORK/collections" "$WORK"/dist/berth-fleet-*.tar.gz >> "$LOGS/galaxy.log" 2>&1 \
  && pass "ansible-galaxy collection build and install of ansible/" \
  || { cat "$LOGS/galaxy.log"; fail "ansible-galaxy collection build/install"; summary; exit 1; }
cp -r "$REPO/examples/fleet" "$WORK/config"

# ---------------------------------------------------------------- three hosts
t=$(now_us)
pids=()
for i in "${!HOSTS[@]}"; do
  h=${HOSTS[$i]} n=$((i + 1))
  mkdir -p "$WORK/$h/srv/box$n"
  tar -C "$WORK/$h" --numeric-owner -I zstd -xpf "$TARBALL" & pids+=($!)
  tar -C "$WORK/$h/srv/box$n" --numeric-owner -I zstd -xpf "$TARBALL" & pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || { fail "extracting $TARBALL"; summary; exit 1; }; done
for i in "${!HOSTS[@]}"; do
  h=${HOSTS[$i]} n=$((i + 1))
  for r in "$WORK/$h" "$WORK/$h/srv/box$n"; do
    systemd-id128 new > "$r/etc/machine-id"
    systemctl --root="$r" disable ssh.service > /dev/null 2>&1
  done
  echo "$h" > "$WORK/$h/etc/hostname"; echo "box$n" > "$WORK/$h/srv/box$n/etc/hostname"
  if [ "$h" = "$PKG_HOST" ]; then  # its only package source: the local one (deb.debian.org is out of reach)
    mkdir -p "$WORK/$h/var/local/debian"
    cp "$APT_SOURCE"/* "$WORK/$h/var/local/debian/"
    echo 'deb [trusted=yes] file:/var/local/debian ./' > "$WORK/$h/etc/apt/sources.list"
  fi
  systemd-nspawn -D "$WORK/$h" -b --register=no --keep-unit --private-network --machine="fleet-$h" \
    > "$LOGS/$h-console.log" 2>&1 < /dev/null &
  NSPAWN[$h]=$!
done
IN() { local h=$1; shift; nsenter -t "${CPID[$h]}" -a "$@"; }
for h in "${HOSTS[@]}"; do
  state=
  for _ in $(seq 1 $((BOOT_TIMEOUT * 10))); do
    kill -0 "${NSPAWN[$h]}" 2>/dev/null || break
    if [ -z "${CPID[$h]:-}" ]; then
      for k in $(pgrep -P "${NSPAWN[$h]}"); do [ "$(cat "/proc/$k/comm" 2>/dev/null)" = systemd ] && CPID[$h]=$k; done
    fi
    if [ -n "${CPID[$h]:-}" ]; then
      state=$(IN "$h" systemctl is-system-running 2>/dev/null)
      case "$state" in running|degraded) break ;; esac
    fi
    sleep 0.1
  done
  case "$state" in
    running|degraded) ;;
    *) fail "$h did not boot ($state)"; tail -n 20 "$LOGS/$h-console.log"; summary; exit 1 ;;
  esac
done
pass "${#HOSTS[@]} hosts booted in $(ms_since "$t") ms"

{
  echo "[fleet]"
  for h in "${HOSTS[@]}"; do
    echo -n "$h ansible_connection=community.docker.nsenter ansible_nsenter_pid=${CPID[$h]} ansible_python_interpreter=/usr/bin/python3"
    [ "$h" = "$PKG_HOST" ] && echo -n " berth_install=package berth_package_file='$DEB'"
    echo
  done
  echo "[fleet:vars]"
  echo "fleet_config_dir=$WORK/config"
  echo "berth_jar=$JAR"
  echo "berth_runtime_archive=$RUNTIME"
} > "$WORK/inventory.ini"
export ANSIBLE_COLLECTIONS_PATH=$WORK/collections ANSIBLE_INVENTORY=$WORK/inventory.ini ANSIBLE_HOST_KEY_CHECKING=False \
  ANSIBLE_NOCOLOR=1 ANSIBLE_FORCE_COLOR=0 ANSIBLE_RETRY_FILES_ENABLED=0 ANSIBLE_LOCAL_TEMP=$WORK/ansible-local \
  ANSIBLE_REMOTE_TMP=/tmp/.ansible

# ---------------------------------------------------------------- helpers
RUN_LOG=
play() {  # play NAME ARGS...: one ansible-playbook run, its output in $LOGS/NAME.log
  RUN_LOG=$LOGS/$1.log; shift
  local t; t=$(now_us)
  ansible-playbook "$E2E_DIR/fleet/site.yml" "$@" > "$RUN_LOG" 2>&1
  local rc=$?
  log "ansible-playbook $* -> exit $rc in $(ms_since "$t") ms (${RUN_LOG#"$LOGS"/})"
  return $rc
}
recap() {  # recap HOST FIELD: a number from the PLAY RECAP of the last run
  sed -n "s/^$1 *: .*\b$2=\([0-9]*\).*/\1/p" "$RUN_LOG" | tail -n 1
}
expect_recap() {  # expect_recap WHAT HOST=changed/failed...: e.g. web1=1/0
  local what=$1 spec h want got ok=1 seen=; shift
  for spec in "$@"; do
    h=${spec%%=*} want=${spec#*=}
    got="$(recap "$h" changed)/$(recap "$h" failed)"
    seen+="$h changed/failed=$got "
    [ "$got" = "$want" ] || ok=0
  done
  if [ "$ok" = 1 ]; then pass "$what: $seen"; else fail "$what: expected $*, got $seen"; sed 's/^/    | /' "$RUN_LOG" | tail -n 40; fi
  [ "$ok" = 1 ]
}
listening() { [ -n "$(nsenter -t "${CPID[$1]}" -n ss -ltnH "sport = :$2" 2>/dev/null)" ]; }
banner() {  # banner HOST PORT: the first line a connection to the port gets, inside the host's network
  nsenter -t "${CPID[$1]}" -n timeout $((ANSWER_TIMEOUT + 5)) bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 3
    IFS= read -r -t "$2" ans <&3; printf "%s\n" "${ans%$(printf "\r")}"' _ "$2" "$ANSWER_TIMEOUT" 2>/dev/null
}
task_result() {  # task_result TASK HOST: what the last run reported for HOST at the role's TASK (ok, changed, skipping...)
  awk -v task="TASK [berth.fleet.host : $1]" -v host=": [$2]" '
    index($0, "TASK [") == 1 { inside = index($0, task) == 1 }
    inside && index($0, host) { sub(/:.*/, ""); print }' "$RUN_LOG" | tail -n 1
}
port_of() { echo "220${1#web}"; }
box_of() { echo "box${1#web}"; }

# ---------------------------------------------------------------- 0. berth onto the hosts
# the jar: its directories, jar, runtime archive, runtime unpacked, command, link on PATH; the .deb: its directory,
# the copy, apt (python3-apt from the host's source first, then the .deb)
want=()
for h in "${HOSTS[@]}"; do [ "$h" = "$PKG_HOST" ] && want+=("$h=3/0") || want+=("$h=6/0"); done
if play install --tags berth_install \
   && expect_recap "install berth (jar + runtime from the controller${PKG_HOST:+; $PKG_HOST: $(basename "$DEB")})" "${want[@]}"; then
  for h in "${HOSTS[@]}"; do
    [ "$h" = "$PKG_HOST" ] && continue
    v=$(IN "$h" /usr/local/bin/berth --version 2>&1 | head -n 1)
    [ -n "$v" ] && pass "$h: berth --version: $v" || fail "$h: berth does not run"
  done
else
  summary; exit 1
fi
if [ -n "$PKG_HOST" ]; then
  h=$PKG_HOST
  v=$(IN "$h" /usr/bin/berth --version 2>&1)
  if grep -q '^berth .* (commit [0-9a-f]' <<<"$v" && grep -qF ') in /usr/lib/berth/runtime' <<<"$v" \
     && [ "$(IN "$h" dpkg-query -W -f='${Status}' berth 2>/dev/null)" = 'install ok installed' ]; then
    pass "$h: package berth $(IN "$h" dpkg-query -W -f='${Version}' berth) installed, /usr/bin/berth --version: $(paste -sd' ' <<<"$v")"
  else
    fail "$h: /usr/bin/berth --version: ${v:-nothing}"
  fi
  java=$(IN "$h" sh -c 'command -v java javac; ls -d /usr/lib/jvm /opt/berth /usr/local/bin/berth 2>/dev/null;
                        dpkg-query -W -f="\${Package}\n" | grep -E "jdk|jre|java"')
  [ -z "$java" ] && pass "$h: no Java on the host but the package's runtime (no java, javac, /usr/lib/jvm, JDK or JRE package, no jar install)" \
    || fail "$h: a Java or the jar install on the host: $(paste -sd' ' <<<"$java")"
  # the rootfs has no python3-apt: Ansible's apt module installed it from the host's package source
  [ "$(IN "$h" dpkg-query -W -f='${Status}' python3-apt 2>/dev/null)" = 'install ok installed' ] \
    && pass "$h: python3-apt $(IN "$h" dpkg-query -W -f='${Version}' python3-apt), which the apt module needs, from the host's package source" \
    || fail "$h: no python3-apt on the host after the apt module ran"
fi

# ---------------------------------------------------------------- 1. preview
play check --check --diff
expect_recap "1. --check --diff: every host changed" web1=1/0 web2=1/0 web3=1/0
if [ -n "$PKG_HOST" ]; then
  r="$(task_result "Copy berth's .deb" "$PKG_HOST")/$(task_result "Install berth's .deb" "$PKG_HOST")"
  [ "$r" = ok/ok ] && pass "1. $PKG_HOST: check mode: the .deb copied and installed already (copy/apt: $r)" \
    || fail "1. $PKG_HOST: check mode: copy/apt of the .deb: $r"
fi
for h in "${HOSTS[@]}"; do
  b=$(box_of "$h")
  if grep -q "^+++ after: etc/systemd/system/$b.socket" "$RUN_LOG" && grep -q "^+ListenStream=$(port_of "$h")\$" "$RUN_LOG" \
     && grep -q "^+++ after: srv/$b/etc/systemd/system/sshd@.service" "$RUN_LOG"; then
    pass "1. $h: the diff shows $b.socket (ListenStream=$(port_of "$h")) and the guest's sshd@.service"
  else
    fail "1. $h: the diff lacks $b's unit files"
  fi
  if [ ! -e "$WORK/$h/etc/systemd/system/$b.socket" ] && [ ! -e "$WORK/$h/var/lib/berth/manifest.json" ] \
     && [ ! -e "$WORK/$h/srv/$b/etc/systemd/system/sshd.socket" ]; then
    pass "1. $h: nothing written (no $b.socket, no manifest)"
  else
    fail "1. $h: check mode wrote into the host"
  fi
done

# ---------------------------------------------------------------- 2. apply
play apply
expect_recap "2. apply" web1=1/0 web2=1/0 web3=1/0
for h in "${HOSTS[@]}"; do
  b=$(box_of "$h") p=$(port_of "$h") others=
  for o in "${HOSTS[@]}"; do [ "$o" != "$h" ] && listening "$h" "$(port_of "$o")" && others+=" $(port_of "$o")"; done
  if [ "$(IN "$h" systemctl is-active "$b.socket")" = active ] && listening "$h" "$p" && [ -z "$others" ]; then
    pass "2. $h: $b.socket active, listening on $p and on no other host's port"
  else
    fail "2. $h: $b.socket $(IN "$h" systemctl is-active "$b.socket"), port $p $(listening "$h" "$p" && echo bound || echo free), others bound:${others:- none}"
  fi
  [ "$(IN "$h" systemctl is-active "$b.service")" = inactive ] || fail "2. $h: $b.service runs before any connection"
  t=$(now_us); ans=$(banner "$h" "$p"); ms=$(ms_since "$t")
  if [[ $ans == SSH-2.0-OpenSSH* ]] && [ "$(IN "$h" systemctl is-active "$b.service")" = active ]; then
    pass "2. $h: a connection to $p booted $b and got '$ans' in $ms ms"
  else
    fail "2. $h: connection to $p: '$ans', $b.service $(IN "$h" systemctl is-active "$b.service")"
    IN "$h" journalctl --no-pager -n 30 -u "$b.socket" -u "$b.service" 2>&1 | sed 's/^/    | /'
  fi
done

# ---------------------------------------------------------------- 3. again
play again
expect_recap "3. the same run again" web1=0/0 web2=0/0 web3=0/0
if [ -n "$PKG_HOST" ]; then
  r="$(task_result "Copy berth's .deb" "$PKG_HOST")/$(task_result "Install berth's .deb" "$PKG_HOST")"
  r+="/$(task_result "Install berth's .deb again, a different build of the installed version" "$PKG_HOST")"
  [ "$r" = ok/ok/skipping ] && pass "3. $PKG_HOST: the same .deb again: nothing copied, nothing installed (copy/apt/dpkg: $r)" \
    || fail "3. $PKG_HOST: the same .deb again: copy/apt/dpkg: $r"
fi

# ---------------------------------------------------------------- 4. a shared template changed, serial: 1
sed -i 's/^    description: Shell container$/    description: Shell container, rolled out one host at a time/' "$WORK/config/common/sites.yaml"
grep -q 'one host at a time' "$WORK/config/common/sites.yaml" || fail "4. the template 'shell' was not changed"
play rolling -e fleet_serial=1
expect_recap "4. template 'shell' changed: exactly web1 and web2 (its users) change" web1=1/0 web2=1/0 web3=0/0
batches=$(grep -c "^TASK \[berth.fleet.host : Apply the host's berth config\]" "$RUN_LOG")
[ "$batches" = 3 ] && pass "4. serial: 1: three batches of one host" || fail "4. serial: 1: $batches batches"
grep -q 'Description=Shell container, rolled out' "$WORK/web1/etc/systemd/system/box1.service" \
  && ! grep -q 'rolled out' "$WORK/web3/etc/systemd/system/box3.service" \
  && pass "4. web1's box1.service has the new description, web3's box3.service not" \
  || fail "4. the installed units do not show the change where expected"

# ---------------------------------------------------------------- 5. one host invalid
sed -i 's/ssh: {listen: 2202}/ssh: {listen: 2202, bogus: 1}/' "$WORK/config/hosts/web2.yaml"
sed -i 's/listen: 2201/listen: 2211/' "$WORK/config/hosts/web1.yaml"
sed -i 's/listen: 2203/listen: 2213/' "$WORK/config/hosts/web3.yaml"
play invalid
expect_recap "5. web2 invalid: web2 fails, web1 and web3 apply" web1=1/0 web2=0/1 web3=1/0
msg=$(grep '^fatal: \[web2\]' "$RUN_LOG")
if [[ $msg == *"hosts/web2.yaml:10:"*"error[S002] unknown key 'bogus'"* ]] && ! grep -q Traceback "$RUN_LOG"; then
  pass "5. web2 fails with berth's message: $(grep -o "hosts/web2.yaml:10:[0-9]*: error\[S002\] unknown key 'bogus'" <<<"$msg" | head -n 1)"
else
  fail "5. web2's failure: ${msg:-none}"
fi
listening web1 2211 && listening web3 2213 && ! listening web1 2201 && listening web2 2202 \
  && pass "5. web1 listens on 2211 and web3 on 2213 now; web2 still on 2202 as last applied" \
  || fail "5. ports after the run: web1 2211 $(listening web1 2211 && echo bound), web3 2213 $(listening web3 2213 && echo bound)"

# ---------------------------------------------------------------- 6. absent
play absent -e berth_state=absent
expect_recap "6. state: absent" web1=1/0 web2=1/0 web3=1/0
for h in "${HOSTS[@]}"; do
  b=$(box_of "$h") bound=
  for p in 2201 2202 2203 2211 2213; do listening "$h" "$p" && bound+=" $p"; done
  left=$(find "$WORK/$h/etc/systemd/system" "$WORK/$h/srv/$b/etc/systemd/system" -name "$b.*" -o -name 'sshd*' 2>/dev/null | head -n 3)
  if [ -z "$bound" ] && [ -z "$left" ] && [ ! -e "$WORK/$h/var/lib/berth/manifest.json" ] \
     && [ "$(IN "$h" systemctl is-active "$b.socket")" != active ] && [ "$(IN "$h" systemctl is-active "$b.service")" != active ]; then
    pass "6. $h clean: no $b units or guest units, no manifest, nothing listening, $b stopped"
  else
    fail "6. $h: bound:${bound:- none}, left: ${left:-none}, $b.socket $(IN "$h" systemctl is-active "$b.socket")"
  fi
done

# ---------------------------------------------------------------- 7. a rebuilt .deb of the installed version
# Another build of the same version (a CI build of an unreleased version): apt sees the version installed and skips
# it, the role installs it with dpkg. One more ar member makes a different .deb of the same package, cheaply.
if [ -n "$PKG_HOST" ]; then
  h=$PKG_HOST
  cp "$DEB" "$WORK/berth-rebuilt.deb"
  echo "another build" > "$WORK/_rebuilt" && (cd "$WORK" && ar q berth-rebuilt.deb _rebuilt)
  started=$(IN "$h" date +%s)
  play rebuilt --tags berth_install --limit "$h" -e "berth_package_file=$WORK/berth-rebuilt.deb"
  expect_recap "7. $h given a rebuilt .deb of the installed version" "$h=2/0"
  r="$(task_result "Copy berth's .deb" "$h")/$(task_result "Install berth's .deb" "$h")"
  r+="/$(task_result "Install berth's .deb again, a different build of the installed version" "$h")"
  installed=$(IN "$h" stat -c %Y /usr/lib/berth/berth.jsa 2>/dev/null)
  if [ "$r" = changed/ok/changed ] && [ "${installed:-0}" -ge "$started" ] \
     && IN "$h" /usr/bin/berth --version > /dev/null 2>&1; then
    pass "7. $h: copied, apt skipped the installed version, dpkg installed it again (postinst made berth.jsa anew); berth runs"
  else
    fail "7. $h: copy/apt/dpkg: $r, berth.jsa from ${installed:-none}, the run began at $started"
  fi
fi

summary
