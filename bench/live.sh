#!/usr/bin/env bash
# bench/live.sh [N ...] - berth on a live host: a host root booted under systemd-nspawn (as e2e/live-host.sh boots
# it), berth inside it with --root /, N containers of one port each (guest roots absent), for each N (default:
# 100 1000), in RUNS rounds (default 3) of:
#   apply          berth apply A                     (fresh: every socket started)
#   plan-same      berth plan A                      (nothing changed)
#   status         berth status A
#   apply-change   berth apply B                     (B = A with c000's port changed: reload, restart c000.socket)
#   destroy        berth destroy
# and the offline baseline of the same trees in the same round, on a root below the booted host's /root:
#   offline-plan-same     berth plan A --root OFFLINE       (OFFLINE as apply A left it)
#   offline-apply-change  berth apply B --root OFFLINE
# Prints a table of medians and the ratios the targets name (plan-same against offline-plan-same, apply-change against
# offline-apply-change), then every sample.
#
# Needs root and what e2e/live-host.sh needs (e2e/setup.sh's rootfs, target/berth.jar). Env: RUNS (3).
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../e2e/lib.sh"
. "$E2E_DIR/livehost-lib.sh"

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000)
runs=${RUNS:-3}
[ "$(id -u)" = 0 ] || { echo "bench/live.sh: needs root (systemd-nspawn)" >&2; exit 2; }
[ -f "$REPO/target/berth.jar" ] || { echo "bench/live.sh: build first: mvn -B -DskipTests package" >&2; exit 2; }

trap lh_cleanup EXIT
trap 'exit 130' INT TERM
lh_boot live-bench || { echo "bench/live.sh: the host root did not boot" >&2; exit 1; }
A=/root/a.yaml B=/root/b.yaml OFFLINE=/root/offline
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

declare -A samples
# step LABEL N CMD...: runs it once inside the host root; its wall time joins the label's samples
step() {
  local label=$1 n=$2
  shift 2
  lh_run "$@"
  if [ "$LH_RC" != 0 ] && [ "$LH_RC" != 2 ]; then
    echo "bench/live.sh: $label (N=$n) failed with exit $LH_RC:" >&2
    tail -n 20 <<<"$LH_OUT" >&2
    exit 1
  fi
  samples[$label.$n]+="$LH_MS "
}
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
for n in "${sizes[@]}"; do
  lh_config "$n" 10000 > "$LH_HOST$A"
  sed 's/listen: 10000}/listen: 9999}/' "$LH_HOST$A" > "$LH_HOST$B"
  for r in $(seq 1 "$runs"); do
    step apply "$n" lh_berth apply "$A"
    step plan-same "$n" lh_berth plan "$A"
    step status "$n" lh_berth status "$A"
    step apply-change "$n" lh_berth apply "$B"
    step destroy "$n" lh_berth destroy
    mkdir -p "$LH_HOST$OFFLINE"
    lh_berth apply "$A" --root "$OFFLINE" > /dev/null 2>&1 || { echo "bench/live.sh: offline apply failed" >&2; exit 1; }
    step offline-plan-same "$n" lh_berth plan "$A" --root "$OFFLINE"
    step offline-apply-change "$n" lh_berth apply "$B" --root "$OFFLINE"
    rm -rf "${LH_HOST:?}$OFFLINE"
    log "N=$n round $r: ${samples[apply.$n]##* }"
  done
done

echo "load before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; berth on $LH_JAVA; RUNS=$runs"
echo
echo "| N | apply | plan, nothing changed | offline plan, same tree | ratio | one port changed | offline, same change | ratio | status | destroy |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  declare -A m=()
  for label in apply plan-same offline-plan-same apply-change offline-apply-change status destroy; do
    m[$label]=$(median "${samples[$label.$n]}")
  done
  s() { awk -v ms="$1" 'BEGIN {printf "%.2f s", ms / 1000}'; }
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}'; }
  echo "| $n | $(s "${m[apply]}") | $(s "${m[plan-same]}") | $(s "${m[offline-plan-same]}") | $(ratio "${m[plan-same]}" "${m[offline-plan-same]}") | $(s "${m[apply-change]}") | $(s "${m[offline-apply-change]}") | $(ratio "${m[apply-change]}" "${m[offline-apply-change]}") | $(s "${m[status]}") | $(s "${m[destroy]}") |"
done
echo
for n in "${sizes[@]}"; do
  for label in apply plan-same status apply-change destroy offline-plan-same offline-apply-change; do
    echo "samples N=$n $label (ms): ${samples[$label.$n]}"
  done
done
