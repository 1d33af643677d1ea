#!/usr/bin/env bash
# e2e/package.sh - berth's packages on hosts without Java (docs/install.md), after `mvn -B -Ppackage package`:
#
#   1. the tarball, unpacked under a directory with a space in its name and run through a symlink on PATH,
#      compiles every example;
#   2. the .deb, installed with `apt-get install ./berth_VERSION_amd64.deb` into a host root extracted from the
#      cached debootstrapped Debian 12 (setup.sh; it has no JDK) and booted with systemd-nspawn: the installed
#      /usr/bin/berth applies the book's example live (--root /), a connection to port 23 gets the guest's SSH
#      banner, `berth destroy` removes it, and after `dpkg -r berth` no file is left that was not there before
#      the package came, except what apply made and destroy keeps (docs/install.md lists it).
#
# Last line: "e2e-package: N passed, N failed". Needs root; without it (or without namespaces) it skips, and
# BERTH_E2E_REQUIRE=1 makes that a failure. Env: BERTH_DEB, BERTH_TGZ (default: target/), BOOT_TIMEOUT (90 s),
# ANSWER_TIMEOUT (30 s), BERTH_E2E_LOGS, BERTH_E2E_WORK, BERTH_E2E_CACHE (see setup.sh).
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BOOT_TIMEOUT=${BOOT_TIMEOUT:-90}
ANSWER_TIMEOUT=${ANSWER_TIMEOUT:-30}
LOGS=${BERTH_E2E_LOGS:-${TMPDIR:-/tmp}/berth-e2e-logs}/package
WORK_PARENT=${BERTH_E2E_WORK:-${TMPDIR:-/tmp}}
EXAMPLE=$REPO/examples/book-ssh-container.yaml
PASSED=0 FAILED=0
pass() { PASSED=$((PASSED + 1)); log "PASS $*"; }
fail() { FAILED=$((FAILED + 1)); log "FAIL $*"; }
summary() { echo "e2e-package: $PASSED passed, $FAILED failed"; }
skip() {
  log "skipped: $*"
  if [ "${BERTH_E2E_REQUIRE:-0}" = 1 ]; then echo "e2e-package: 0 passed, 1 failed (BERTH_E2E_REQUIRE=1)"; exit 1; fi
  echo "e2e-package: 0 passed, 0 failed, 1 skipped"; exit 0
}

[ "$(id -u)" = 0 ] || skip "not root"
unshare --mount --pid --fork true 2>/dev/null || skip "cannot create namespaces"
deb=${BERTH_DEB:-$(ls "$REPO"/target/berth_*_amd64.deb 2>/dev/null | head -n 1)}
tgz=${BERTH_TGZ:-$(ls "$REPO"/target/berth-*-linux-x86_64.tar.gz 2>/dev/null | head -n 1)}
if [ ! -f "$deb" ] || [ ! -f "$tgz" ]; then
  log "no packages in target/: build them with mvn -B -DskipTests -Ppackage package"
  FAILED=1; summary; exit 1
fi
rm -rf "$LOGS"; mkdir -p "$LOGS"
TARBALL=$("$E2E_DIR/setup.sh" | tail -n 1) || { fail "setup.sh"; summary; exit 1; }

WORK=$(mktemp -d "$WORK_PARENT/berth-e2e-package.XXXXXX")
WORK_MOUNTED=
OUTER_PID=
CPID=
HOSTROOT=$WORK/host
cleanup() {
  set +e
  if [ -n "$OUTER_PID" ] && kill -0 "$OUTER_PID" 2>/dev/null; then
    kill -TERM "$OUTER_PID"                             # nspawn: orderly poweroff of the host root
    for _ in $(seq 1 300); do kill -0 "$OUTER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$OUTER_PID" 2>/dev/null && kill -KILL "$OUTER_PID"
    wait "$OUTER_PID" 2>/dev/null
  fi
  findmnt -rn -o TARGET | grep -F "$WORK/" | sort -r | while read -r m; do umount -l "$m"; done
  [ -n "$WORK_MOUNTED" ] && { umount "$WORK" || umount -l "$WORK"; }
  rm -rf --one-file-system "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
if mount -t tmpfs -o mode=755,size=2g berth-e2e-package "$WORK"; then WORK_MOUNTED=1; fi

# ================================================================ 1. the tarball
unpacked="$WORK/un packed"
mkdir -p "$unpacked" "$WORK/bin" "$WORK/out"
tar -C "$unpacked" -xzf "$tgz"
ln -s "$(ls -d "$unpacked"/berth-*)/bin/berth" "$WORK/bin/berth"
version=$(cd / && env -i PATH="$WORK/bin:/usr/bin:/bin" berth --version 2>&1)
if grep -qF "in $unpacked/" <<<"$version"; then
  pass "tarball: berth --version through a symlink on PATH runs the bundled runtime: $(paste -sd' ' <<<"$version")"
else
  fail "tarball: berth --version: $version"
fi
compiled=0
for example in "$REPO"/examples/*.yaml; do
  name=$(basename "$example" .yaml)
  if (cd / && env -i PATH="$WORK/bin:/usr/bin:/bin" BERTH_CACHE=0 berth compile "$example" -o "$WORK/out/$name") \
       > "$LOGS/tarball-$name.log" 2>&1 && [ -n "$(find "$WORK/out/$name" -type f)" ]; then
    compiled=$((compiled + 1))
  else
    fail "tarball: berth compile $name"; sed 's/^/    | /' "$LOGS/tarball-$name.log"
  fi
done
[ "$compiled" -gt 0 ] && pass "tarball: berth compile of $compiled examples from under '$unpacked'"

# ================================================================ 2. the .deb on a booted Debian 12 host root
IN() { nsenter -t "$CPID" -a "$@"; }
unit_prop() { IN systemctl show -p "$2" --value "$1" 2>/dev/null; }
# every file and link of the host root, except what a running system changes by itself
files() {
  (cd "$HOSTROOT" && find . -xdev \( -path ./proc -o -path ./sys -o -path ./dev -o -path ./run -o -path ./tmp \
      -o -path ./srv -o -path ./root -o -path ./var/log -o -path ./var/cache -o -path ./var/lib/apt \
      -o -path ./var/lib/dpkg -o -path ./var/lib/systemd -o -path ./var/tmp \) -prune -o \! -type d -print | sort)
}

mkdir -p "$HOSTROOT" "$HOSTROOT/srv/mycontainer"
tar -C "$HOSTROOT" --numeric-owner -I zstd -xpf "$TARBALL" &
tar -C "$HOSTROOT/srv/mycontainer" --numeric-owner -I zstd -xpf "$TARBALL" &
wait
for r in "$HOSTROOT:berth-e2e-host" "$HOSTROOT/srv/mycontainer:mycontainer"; do
  echo "${r##*:}" > "${r%:*}/etc/hostname"
  systemd-id128 new > "${r%:*}/etc/machine-id"
  systemctl --root="${r%:*}" disable ssh.service > /dev/null 2>&1
done
if chroot "$HOSTROOT" sh -c 'command -v java || command -v javac || ls -d /usr/lib/jvm' > "$LOGS/java.log" 2>&1; then
  fail "the host root has a Java: $(cat "$LOGS/java.log")"
else
  pass "the host root has no java, no javac and no /usr/lib/jvm"
fi
cp "$deb" "$HOSTROOT/root/"
cp "$EXAMPLE" "$HOSTROOT/root/berth.yaml"

systemd-nspawn -D "$HOSTROOT" -b --register=no --keep-unit --private-network --machine=e2e-package \
  > "$LOGS/console.log" 2>&1 < /dev/null &
OUTER_PID=$!
state=
for _ in $(seq 1 $((BOOT_TIMEOUT * 10))); do
  kill -0 "$OUTER_PID" 2>/dev/null || break
  if [ -z "$CPID" ]; then
    for k in $(pgrep -P "$OUTER_PID"); do [ "$(cat "/proc/$k/comm" 2>/dev/null)" = systemd ] && CPID=$k; done
  fi
  if [ -n "$CPID" ]; then
    state=$(IN systemctl is-system-running 2>/dev/null)
    case "$state" in running | degraded) break ;; esac
  fi
  sleep 0.1
done
case "$state" in
  running | degraded) pass "host root booted ($state)" ;;
  *) fail "host root did not boot in ${BOOT_TIMEOUT}s (state '$state')"; tail -n 20 "$LOGS/console.log"; summary; exit 1 ;;
esac
before=$(files)

check() {  # check DESCRIPTION COMMAND...: a step inside the host root, its output in the log
  local description=$1 out=$LOGS/$(tr -c 'a-z0-9\n' - <<<"$1" | head -c 60).log
  shift
  if IN "$@" > "$out" 2>&1; then pass "$description"; else fail "$description:"; sed 's/^/    | /' "$out"; return 1; fi
}
done_package() { summary; [ "$FAILED" = 0 ]; exit; }

check "apt-get install ./$(basename "$deb")" \
  env DEBIAN_FRONTEND=noninteractive sh -c "cd /root && apt-get install -y ./$(basename "$deb")" || done_package
version=$(IN berth --version 2>&1)
if grep -q '^berth .* (commit [0-9a-f]' <<<"$version" && grep -qF ') in /usr/lib/berth/runtime' <<<"$version"; then
  pass "installed berth --version names the commit and the bundled runtime: $(paste -sd' ' <<<"$version")"
else
  fail "installed berth --version: $version"
fi
if [ -s "$HOSTROOT/usr/lib/berth/berth.jsa" ]; then
  pass "the package made its start-up cache /usr/lib/berth/berth.jsa ($(du -h "$HOSTROOT/usr/lib/berth/berth.jsa" | cut -f1))"
else
  fail "no /usr/lib/berth/berth.jsa after installing"
fi
times=()
for _ in 1 2 3 4 5; do
  t=$(now_us); IN berth --version > /dev/null; times+=("$(ms_since "$t")")
done
log "installed berth --version: ${times[*]} ms (through nsenter)"

# the host check (A014): without systemd-nspawn, plan names the package that brings it
IN mv /usr/bin/systemd-nspawn /usr/bin/systemd-nspawn.away
plan=$(IN berth plan /root/berth.yaml 2>&1)
IN mv /usr/bin/systemd-nspawn.away /usr/bin/systemd-nspawn
if grep -q 'warning\[A014\]' <<<"$plan" && grep -q 'apt-get install systemd-container' <<<"$plan" \
   && ! IN berth plan /root/berth.yaml 2>&1 | grep -q 'A014'; then
  pass "plan on the live host without /usr/bin/systemd-nspawn warns (A014) and names systemd-container; with it, not"
else
  fail "plan without /usr/bin/systemd-nspawn:"; sed 's/^/    | /' <<<"$plan"
fi

check "berth apply /root/berth.yaml --root / (live)" berth apply /root/berth.yaml --root / || done_package
if [ "$(unit_prop mycontainer.socket ActiveState)" = active ]; then
  pass "mycontainer.socket active after apply"
else
  fail "mycontainer.socket is $(unit_prop mycontainer.socket ActiveState) after apply"
fi
banner=$(nsenter -t "$CPID" -n timeout "$ANSWER_TIMEOUT" bash -c \
  'exec 3<>/dev/tcp/127.0.0.1/23 && IFS= read -r line <&3 && printf %s "${line%$'"'\r'"'}"' 2>&1)
if [[ "$banner" == SSH-2.0-OpenSSH* ]]; then
  pass "a connection to port 23 got the guest's banner '$banner' ($(unit_prop mycontainer.service ActiveState) mycontainer.service)"
else
  fail "a connection to port 23 got '${banner:-nothing}'"
  IN journalctl --no-pager -n 40 -u mycontainer.socket -u mycontainer.service | sed 's/^/    | /'
fi

check "berth destroy --root / (live)" berth destroy --root /
if [ ! -e "$HOSTROOT/etc/systemd/system/mycontainer.socket" ] && [ "$(unit_prop mycontainer.socket ActiveState)" != active ] \
   && [ "$(unit_prop mycontainer.service ActiveState)" != active ]; then
  pass "destroy removed and stopped mycontainer.socket and mycontainer.service"
else
  fail "after destroy: mycontainer.socket $(unit_prop mycontainer.socket ActiveState), mycontainer.service $(unit_prop mycontainer.service ActiveState)"
fi

check "dpkg -r berth" dpkg -r berth
left=$(comm -13 <(echo "$before") <(files))
# what apply made and destroy keeps (docs/install.md): the lock, and the generations that let a destroy be rolled
# back (their record and the copies of what was removed)
expected_left='./var/lib/berth/lock, ./var/lib/berth/generations.json and ./var/lib/berth/generations/'
printf '%s\n' "$left" > "$LOGS/left.txt"
other=$(grep -v -x -e './var/lib/berth/lock' -e './var/lib/berth/generations.json' -e './var/lib/berth/generations/.*' \
  "$LOGS/left.txt" || true)
if grep -q -x './var/lib/berth/lock' "$LOGS/left.txt" && [ -z "$other" ]; then
  pass "after dpkg -r berth only what apply and destroy made is left: $(wc -l < "$LOGS/left.txt") files under /var/lib/berth"
else
  fail "after dpkg -r berth these files are new since before the package (expected only $expected_left):"
  sed 's/^/    | /' "$LOGS/left.txt"
fi
if [ -z "$(IN dpkg -L berth 2>/dev/null | grep -v '^/\.$' | while read -r f; do [ -e "$HOSTROOT$f" ] && [ ! -d "$HOSTROOT$f" ] && echo "$f"; done)" ] \
   && [ ! -e "$HOSTROOT/usr/lib/berth" ] && [ ! -e "$HOSTROOT/usr/bin/berth" ]; then
  pass "no file of the package is left (/usr/lib/berth and /usr/bin/berth are gone)"
else
  fail "files of the package are left: $(ls -d "$HOSTROOT/usr/lib/berth" "$HOSTROOT/usr/bin/berth" 2>/dev/null)"
fi
summary
[ "$FAILED" = 0 ]
