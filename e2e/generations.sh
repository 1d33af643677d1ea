#!/usr/bin/env bash
# e2e/generations.sh - saved plans, generations and rollback on a live host: a plan saved and applied, a second
# plan refused because a file it changes was edited by hand since, then generations v1 and v2, a rollback to v1
# and one back to v2 (every file berth owns compared byte for byte, the guest's SSH banner telling v1 from v2),
# the listing in text and JSON, and --keep-generations; then a banner probe: an apply that probes the port it
# changed, and a broken one (its sshd a missing binary) that --rollback-on-failure reports with the guest's journal
# lines, rolls back and probes again. One booted host root with one container, box, and berth inside it with
# --root /.
#
#   sudo e2e/generations.sh          last line: "e2e-generations: N passed, N failed"
#
# Needs root, the rootfs setup.sh builds (it is called when missing) and target/berth.jar. Skips (exit 0) when
# nspawn is impossible here, unless BERTH_E2E_REQUIRE=1. Logs: BERTH_E2E_LOGS (default /tmp/berth-e2e-logs)/generations.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$E2E_DIR/livehost-lib.sh"

PORT=2200
ANSWER_TIMEOUT=${ANSWER_TIMEOUT:-30}
lh_checks e2e-generations
log "generations: one container, berth from $REPO"
lh_boot generations box || { fail "booting the host root"; finish; exit 1; }
CONFIG=/root/berth.yaml

# ---------------------------------------------------------------- the configs
# One container, box, on $PORT. v2 and v3 change its host unit (Description=) and its guest's sshd, whose banner
# then ends in the version: which generation answers is seen from outside.
box_config() {  # VERSION
  local exec='[/usr/sbin/sshd, -i]'
  [ "$1" = v1 ] || exec="[/usr/sbin/sshd, -i, -o, VersionAddendum=berth-$1]"
  printf '%s\n' 'berth: 1' 'containers:' '  box:'
  [ "$1" = v1 ] || echo "    description: Container box, $1"
  cat <<YAML
    root: /srv/box
    guest: {os: debian, release: bookworm}
    mask: [ssh.service]
    ports: {ssh: {listen: $PORT}}
    services:
      sshd: {port: ssh, per-connection: true, exec: $exec, runtime-directory: sshd}
YAML
}
config_v1() { box_config v1 > "$LH_HOST$CONFIG"; }
config_v2() { box_config v2 > "$LH_HOST$CONFIG"; }
config_v3() { box_config v3 > "$LH_HOST$CONFIG"; }

# ---------------------------------------------------------------- helpers
# berth_logged LOG ARGS...: berth inside the host root (lh_run), its output kept in LOGS/LOG.log
berth_logged() { local name=$1; shift; lh_run lh_berth "$@"; echo "$LH_OUT" > "$LH_LOGS/$name.log"; }
state_of() { lh_in systemctl show -p ActiveState --value "$1"; }
description_of() { lh_in systemctl show -p Description --value "$1"; }
bound() { nsenter -t "$LH_CPID" -n ss -Hltn "sport = :$1" | grep -q .; }
# the first line a connection to $PORT gets, from inside the host root's network namespace
banner() {
  nsenter -t "$LH_CPID" -n timeout "$ANSWER_TIMEOUT" bash -c \
    "exec 3<>/dev/tcp/127.0.0.1/$PORT && IFS= read -r line <&3 && printf %s \"\${line%\$'\\r'}\"" 2>/dev/null
}
answers() {  # VERSION: the guest's sshd answers, its banner ending in berth-VERSION (v1: no addendum)
  local got
  got=$(banner)
  case "$1:$got" in
    v1:SSH-2.0-OpenSSH*berth-*) ;;
    v1:SSH-2.0-OpenSSH*) log "banner: $got"; return 0 ;;
    *:SSH-2.0-OpenSSH*" berth-$1") log "banner: $got"; return 0 ;;
  esac
  log "banner: '${got:-nothing}'"
  lh_in journalctl --no-pager -n 30 -u box.socket -u box.service | sed 's/^/    | /'
  return 1
}
# every path berth's manifest lists: mode and sha256 of a file, the target of a link
owned() {
  local p f
  sed -n 's/^ *{"path": "\([^"]*\)", "kind".*/\1/p' "$LH_HOST/var/lib/berth/manifest.json" | while IFS= read -r p; do
    f=$LH_HOST/$p
    if [ -L "$f" ]; then echo "$p -> $(readlink "$f")"
    elif [ -f "$f" ]; then echo "$p $(stat -c %a "$f") $(sha256sum < "$f" | cut -c1-64)"
    else echo "$p missing"; fi
  done
}
# every file and link where berth writes, its own state included (not the lock, which holds the last run's pid)
tree() {
  (cd "$LH_HOST" && find etc/systemd/system srv/box/etc/systemd/system var/lib/berth \( -type f -o -type l \) \
    ! -path var/lib/berth/lock -print | sort | while IFS= read -r p; do
      if [ -L "$p" ]; then echo "$p -> $(readlink "$p")"; else echo "$p $(stat -c %a "$p") $(sha256sum < "$p" | cut -c1-64)"; fi
    done)
}
units() { lh_in systemctl show box.socket box.service -p Id,Description,ActiveState,SubState,InvocationID,NeedDaemonReload; }
same() {  # WHAT EXPECTED ACTUAL
  [ "$2" = "$3" ] && return 0
  log "$1 differs:"; diff <(echo "$2") <(echo "$3") | sed 's/^/    | /' | head -20; return 1
}
# "N add/change/destroy" from an apply's last line, as the generation it made is to list it
summary_of() { sed -n 's/^Apply complete: \([0-9]*\) added, \([0-9]*\) changed, \([0-9]*\) destroyed.*/\1\/\2\/\3/p' <<<"$1"; }
# berth generations as "N[*] add/change/destroy CONFIG" lines (* for the current one)
listed_text() {
  awk 'NR == 1 { next } $2 == "(now)" { print $1 "* " $4 "/" $5 "/" $6, $7; next } { print $1, $3 "/" $4 "/" $5, $6 }' <<<"$1"
}
# the same from berth generations --format json, read by python3 in the host root; configs cut to 12 as the text
listed_json() {
  lh_in python3 -c 'import json, sys
for g in json.load(sys.stdin)["generations"]:
    s = g["summary"]
    print("%d%s %d/%d/%d %s" % (g["number"], "*" if g["current"] else "", s["add"], s["change"], s["destroy"], g["config"][:12]))' <<<"$1"
}
# the generations whose directory holds kept contents, and whether each is named by its SHA-256
kept_dirs() { find "$LH_HOST/var/lib/berth/generations" -mindepth 2 -type f -printf '%h\n' | xargs -rn1 basename | sort -un | paste -sd' '; }
kept_whole() {
  local f
  for f in $(find "$LH_HOST/var/lib/berth/generations" -mindepth 2 -type f); do
    [ "$(sha256sum < "$f" | cut -c1-64)" = "$(basename "$f")" ] || { log "$f does not hold its name's content"; return 1; }
  done
}

# ---------------------------------------------------------------- saved plan: applied, then refused
config_v1
berth_logged plan-a plan "$CONFIG" -o /root/a.plan
check "plan -o a.plan exits 0 and saves it ($LH_MS ms)" test "$LH_RC" = 0 -a -s "$LH_HOST/root/a.plan"
planned=$(grep -v '^berth: plan saved in ' <<<"$LH_OUT")
berth_logged show-a show /root/a.plan
check "show a.plan prints the plan as plan printed it" same "show a.plan" "$planned" "$LH_OUT"
berth_logged apply-a apply /root/a.plan
check "apply a.plan exits 0 ($LH_MS ms)" test "$LH_RC" = 0
check "apply a.plan starts box.socket" grep -q '^  systemctl start box.socket  # new socket$' <<<"$LH_OUT"
summary_v1=$(summary_of "$LH_OUT")
check "box.socket is active and port $PORT is bound" test "$(state_of box.socket)" = active -a "$(bound "$PORT" && echo y)" = y
check "a connection gets the guest's SSH banner (v1)" answers v1
V1=$(owned)
echo "$V1" > "$LH_LOGS/owned-v1.txt"
check "berth owns $(wc -l <<<"$V1") paths after v1, every one present" test "$(grep -c ' missing$' <<<"$V1")" = 0

config_v2
berth_logged plan-b plan "$CONFIG" -o /root/b.plan
check "plan -o b.plan of v2 exits 0, changing box.service" \
  test "$LH_RC" = 0 -a "$(grep -c '^  ~ etc/systemd/system/box.service ' <<<"$LH_OUT")" = 1
cp -p "$LH_HOST/etc/systemd/system/box.service" "$LH_WORK/box.service.v1"
lh_in sh -c 'echo "# edited by hand" >> /etc/systemd/system/box.service'
tree_before=$(tree) units_before=$(units)
echo "$units_before" > "$LH_LOGS/units-before-refused.txt"
berth_logged apply-b-refused apply /root/b.plan
check "apply b.plan after a hand edit of box.service is refused (exit 1)" test "$LH_RC" = 1
check "the refusal names box.service (A010), and nothing else" \
  test "$(grep -c 'error\[A010\]' <<<"$LH_OUT")" = 1 -a \
  "$(grep -c '^error\[A010\] .*: etc/systemd/system/box.service changed since the plan was made; nothing was applied$' <<<"$LH_OUT")" = 1
check "and says nothing was changed" grep -q '^berth: the saved plan was not applied; nothing was changed under /$' <<<"$LH_OUT"
check "every file where berth writes is as before (sha256)" same "files" "$tree_before" "$(tree)"
check "the units are as before (no reload, no restart)" same "units" "$units_before" "$(units)"

# ---------------------------------------------------------------- generations and rollback
# generation 1 is v1, from a.plan; with the hand edit undone b.plan applies as generation 2
cp -p "$LH_WORK/box.service.v1" "$LH_HOST/etc/systemd/system/box.service"
check "box.service restored: every file berth owns is v1's again" same "owned files" "$V1" "$(owned)"
berth_logged apply-b apply /root/b.plan
check "apply b.plan (v2) exits 0 once the edit is undone ($LH_MS ms)" test "$LH_RC" = 0
check "apply b.plan restarts the running container" grep -q '^  systemctl restart box.service  #' <<<"$LH_OUT"
summary_v2=$(summary_of "$LH_OUT")
check "systemd has v2's box.service" test "$(description_of box.service)" = "Container box, v2"
check "a connection gets v2's banner" answers v2
V2=$(owned)
echo "$V2" > "$LH_LOGS/owned-v2.txt"
check "v2 differs from v1 in box.service and sshd@.service" \
  test "$(diff <(echo "$V1") <(echo "$V2") | grep -c -e '^> etc/systemd/system/box.service ' -e '^> srv/box/etc/systemd/system/sshd@.service ')" = 2

berth_logged rollback-1 rollback --detailed-exitcode
check "rollback --detailed-exitcode exits 2: it changed files ($LH_MS ms)" test "$LH_RC" = 2
check "rollback reloads systemd and restarts the running container" \
  grep -Pzoq '  systemctl daemon-reload +#[^\n]*\n  systemctl restart box.service +#' <<<"$LH_OUT"
summary_back=$(summary_of "$LH_OUT")
check "after rollback every file berth owns is v1's, byte for byte" same "owned files" "$V1" "$(owned)"
check "systemd has v1's box.service again" test "$(description_of box.service)" = "Container box"
check "a connection gets v1's banner" answers v1

berth_logged rollback-2 rollback
check "rollback again exits 0" test "$LH_RC" = 0
summary_forth=$(summary_of "$LH_OUT")
check "after the second rollback every file berth owns is v2's, byte for byte" same "owned files" "$V2" "$(owned)"
check "a connection gets v2's banner" answers v2

berth_logged generations generations
check "generations exits 0" test "$LH_RC" = 0
check "generations: the header" grep -q '^generation  time  *add  change  destroy  config$' <<<"$LH_OUT"
check "generations: every time in UTC" test "$(grep -cE '^[0-9]+( \(now\))? +[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z ' <<<"$LH_OUT")" = 4
text=$(listed_text "$LH_OUT")
cfg1=$(awk '$1 == 1 { print $3 }' <<<"$text") cfg2=$(awk '$1 == 2 { print $3 }' <<<"$text")
check "generations lists v1, v2, the rollback to v1 and the one to v2, the last now" same "generations" \
  "$(printf '%s\n' "1 $summary_v1 $cfg1" "2 $summary_v2 $cfg2" "3 $summary_back $cfg1" "4* $summary_forth $cfg2")" "$text"
check "v1 and v2 have configs of their own" test -n "$cfg1" -a -n "$cfg2" -a "$cfg1" != "$cfg2"
berth_logged generations-json generations --format json
check "generations --format json exits 0" test "$LH_RC" = 0
check "generations --format json lists the same" same "json listing" "$text" "$(listed_json "$LH_OUT")"
check "generations 2, 3 and 4 keep what they replaced (1 only added)" test "$(kept_dirs)" = "2 3 4"

# ---------------------------------------------------------------- --keep-generations
config_v3
berth_logged apply-v3-keep-2 apply "$CONFIG" --keep-generations 2
check "apply v3 --keep-generations 2 exits 0 ($LH_MS ms)" test "$LH_RC" = 0
summary_v3=$(summary_of "$LH_OUT")
# also lets the restarted guest finish starting before anything stops it (a stop in its first moments can be
# lost until TimeoutStopSec: see README's caveats)
check "a connection gets v3's banner" answers v3
V3=$(owned)
berth_logged generations-kept generations
text=$(listed_text "$LH_OUT")
cfg3=$(awk '$1 == "5*" { print $3 }' <<<"$text")
check "generations lists exactly 4 and 5, the last now" same "generations" \
  "$(printf '%s\n' "4 $summary_forth $cfg2" "5* $summary_v3 $cfg3")" "$text"
check "v3 has a config of its own" test -n "$cfg3" -a "$cfg3" != "$cfg1" -a "$cfg3" != "$cfg2"
berth_logged generations-kept-json generations --format json
check "generations --format json lists the same" same "json listing" "$text" "$(listed_json "$LH_OUT")"
check "only generations 4 and 5 hold kept contents" test "$(kept_dirs)" = "4 5"
check "each kept content is named by its SHA-256" kept_whole
tree_before=$(tree)
berth_logged rollback-dropped rollback 2
check "rollback 2, no longer kept, exits 1" test "$LH_RC" = 1
check "and says so (A016), naming the kept ones" \
  grep -q '^error\[A016\]: cannot roll back: generation 2 is not kept (kept: 4, 5)$' <<<"$LH_OUT"
check "and changes nothing" same "files" "$tree_before" "$(tree)"
check "v3 is still installed" same "owned files" "$V3" "$(owned)"

# ---------------------------------------------------------------- probes and --rollback-on-failure
# v4 declares a banner probe on its port; v5 breaks the guest's sshd (its exec points at a missing binary). Apply of
# v5 with --rollback-on-failure must report the failed probe with the guest's journal lines, return to v4, probe it
# again, and exit 1.
probed_config() {  # VERSION [SSHD]
  box_config "$1" | sed -e "s|ports: {ssh: {listen: $PORT}}|ports: {ssh: {listen: $PORT, probe: {banner: SSH-2.0-, timeout: 60s}}}|" \
    -e "s|exec: \[/usr/sbin/sshd,|exec: [${2:-/usr/sbin/sshd},|" > "$LH_HOST$CONFIG"
}
probed_config v4
berth_logged apply-v4-probed apply "$CONFIG"
check "apply v4 (a probe declared) exits 0 ($LH_MS ms)" test "$LH_RC" = 0
check "apply probes the port on the live host without being asked" \
  grep -q '^Probes after the apply (the port answered):$' <<<"$LH_OUT"
check "and reports its banner and time to answer" \
  grep -qE '^  ok +box/ssh +banner on 127\.0\.0\.1:'"$PORT"' +[0-9]+\.[0-9]{2} s +SSH-2\.0-OpenSSH.* berth-v4$' <<<"$LH_OUT"
check "a connection gets v4's banner" answers v4
V4=$(owned)
berth_logged status-probed status "$CONFIG"
check "status shows the last probe of box/ssh" grep -qE 'probe box/ssh: ok in [0-9]+\.[0-9]{2} s' <<<"$LH_OUT"

probed_config v5 /usr/sbin/sshd-missing
berth_logged apply-v5-broken apply "$CONFIG" --probe --rollback-on-failure
check "apply --probe --rollback-on-failure of the broken v5 exits 1 ($LH_MS ms)" test "$LH_RC" = 1
check "the probe failed (A017)" grep -q '^error\[A017\]: box/ssh did not answer its probe on 127.0.0.1:'"$PORT"': ' <<<"$LH_OUT"
check "the report shows the container's journal" grep -q '^          journal of the container box ' <<<"$LH_OUT"
check "whose lines name the missing binary" grep -q '^          | .*sshd-missing' <<<"$LH_OUT"
check "berth rolls back to the generation before" grep -qE '^berth: rolling back to generation [0-9]+ \(--rollback-on-failure\)$' <<<"$LH_OUT"
check "and probes again: the port answers" grep -q '^Probes after the rollback (the port answered):$' <<<"$LH_OUT"
check "every file berth owns is v4's again, byte for byte" same "owned files" "$V4" "$(owned)"
check "a connection gets v4's banner" answers v4
berth_logged generations-probed generations
check "the failed apply and its rollback are generations of their own" \
  test "$(awk 'NR > 1' <<<"$LH_OUT" | wc -l)" -ge 3

finish
