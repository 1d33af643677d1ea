#!/usr/bin/env bash
# bench/run.sh [N ...] - how berth's time and memory grow with the number of containers, next to quadlet's.
#
# For each N (default: 1 100 1000 10000) it generates a config of N containers (bench/Generate.java: two ports,
# a per-connection and a native service and a drop-in each) and the equivalent quadlet input, then runs, through
# bin/berth as a user would (JVM start included), in rounds of one run of each step (RUNS rounds; RUNS_LARGE at 10,000):
#   compile      berth compile berth.yaml -o DIR          (DIR fresh each time)
#   plan-empty   berth plan berth.yaml --root EMPTY
#   apply        berth apply berth.yaml --root ROOT       (ROOT fresh each time)
#   plan-same    berth plan berth.yaml --root ROOT        (ROOT as apply left it: nothing to do; checked by the
#                                                          stamps apply recorded, without compiling)
#   plan-checksum  berth plan berth.yaml --root ROOT --checksum  (the same, compiled and every file read)
#   quadlet      quadlet -no-kmsg-log DIR                 (podman 5.x; fetched from Debian 13 when missing)
#   compile-baseline  BERTH_BASELINE compile berth.yaml -o DIR  (another build of berth, e.g. an earlier commit's
#                bin/berth: only when BERTH_BASELINE is set)
# and, for start-up, berth --help and berth compile of the book's example. It prints a table of the median wall
# time and peak RSS per N and step, the growth from one N to the next, and compile against quadlet.
#
# Env: RUNS (5), RUNS_LARGE (3, for N >= 10000), BENCH_DIR (target/bench: configs, outputs, roots, the quadlet
#      cache; on the disk being measured), BERTH (bin/berth), QUADLET (a quadlet binary), BENCH_QUADLET=0 (skip
#      quadlet), STEPS (default "compile plan-empty apply plan-same plan-checksum quadlet"), BENCH_ALSO_JAVA (a second java
#      for the start-up rows, e.g. java to compare Java 17's class-data archive with Java 25's AOT cache), BENCH_KEEP=1
#      (keep the outputs instead of removing them at the end; see below), BERTH_BASELINE (a second bin/berth whose
#      compile is timed in the same rounds, for a before/after of a change), BENCH_PACKAGE (the packaged berth, e.g.
#      /usr/bin/berth: its --version and the book's example; with BENCH_ALSO_JAVA naming the JDK it was jlinked from,
#      the same JDK's bin/berth rows stand beside it).
# Needs GNU time (/usr/bin/time, Debian package "time") for peak RSS, and java for the generator.
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 100 1000 10000)
runs=${RUNS:-5}
runs_large=${RUNS_LARGE:-3}
work=${BENCH_DIR:-$repo/target/bench}
berth=${BERTH:-$repo/bin/berth}
steps=${STEPS:-compile plan-empty apply plan-same plan-checksum quadlet}
baseline=${BERTH_BASELINE:-}
[ -z "$baseline" ] || [[ " $steps " == *" compile-baseline "* ]] || steps="$steps compile-baseline"
book=$repo/examples/book-ssh-container.yaml

if [ ! -x /usr/bin/time ] || ! /usr/bin/time -f %M true >/dev/null 2>&1; then
  echo "bench: needs GNU time for peak RSS: apt-get install time" >&2
  exit 2
fi
if [ ! -f "$repo/target/berth.jar" ]; then
  echo "bench: building berth ..." >&2
  (cd "$repo" && mvn -B -q -DskipTests package) || exit 2
fi
mkdir -p "$work"
work=$(cd "$work" && pwd)
results=$work/results.tsv
: > "$results"

quadlet=
if [ "${BENCH_QUADLET:-1}" != 0 ] && [[ " $steps " == *" quadlet "* ]]; then
  if quadlet=$("$repo/bench/quadlet.sh" "$work/quadlet-cache" 2> "$work/quadlet.log"); then
    echo "bench: quadlet $("$quadlet" -version) at $quadlet" >&2
  else
    quadlet=
    echo "bench: quadlet NOT measured: $(tail -1 "$work/quadlet.log")" >&2
  fi
fi

now_ns() { date +%s%N; }
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# sample LABEL N PREPARE COMMAND...: runs PREPARE (untimed), then COMMAND once; adds its wall time and peak RSS to
# the label's samples
sample() {
  local label=$1 n=$2 prepare=$3 start end
  shift 3
  local safe=${label//[^A-Za-z0-9_.-]/_}
  eval "$prepare"
  start=$(now_ns)
  /usr/bin/time -f %M -o "$work/rss" "$@" > "$work/out.$safe" 2> "$work/err.$safe"
  local status=$?
  end=$(now_ns)
  if [ $status -ne 0 ] && [ $status -ne 2 ]; then
    echo "bench: $label (N=$n) failed with exit $status; see $work/err.$safe" >&2
    tail -5 "$work/err.$safe" >&2
    exit 1
  fi
  echo "$(( (end - start) / 1000000 )) $(tail -1 "$work/rss")" >> "$work/samples.$safe.$n"
}

# summary LABEL N: records the median wall time and RSS of the label's samples
summary() {
  local label=$1 n=$2
  local samples=$work/samples.${label//[^A-Za-z0-9_.-]/_}.$n
  sort -n "$samples" | awk -v l="$label" -v n="$n" \
    '{w[NR]=$1; r[NR]=$2} END {m=int((NR+1)/2); printf "%s\t%s\t%d\t%d\t%d\n", n, l, w[m], r[m], NR}' >> "$results"
  echo "bench: N=$n $label: median $(sort -n "$samples" | awk '{w[NR]=$1} END {print w[int((NR+1)/2)]}') ms" \
    "($(awk '{print $1}' "$samples" | tr '\n' ' ')ms)" >&2
}

# measure LABEL N PREPARE COMMAND...: RUNS samples in a row, and their summary
measure() {
  local i
  rm -f "$work/samples.${1//[^A-Za-z0-9_.-]/_}.$2"
  for ((i = 0; i < runs; i++)); do
    sample "$@"
  done
  summary "$1" "$2"
}

# Outputs are not deleted between runs but moved to a trash directory, removed when the bench ends: creating files
# after many were deleted is several times slower for many minutes (on the VM of bench/RESULTS.md the kernel then
# spends its time zeroing and setting up memory for pages, inodes and directory entries again), which would time
# that deletion, not the tool. The removal at the end slows the next bench in turn: BENCH_KEEP=1 keeps the outputs
# in a directory of their own instead, to be removed when nothing is being measured.
if [ "${BENCH_KEEP:-0}" = 1 ]; then
  trash=$work/kept.$(date +%Y%m%d-%H%M%S)
  mkdir -p "$trash"
  trap 'echo "bench: outputs kept in $trash" >&2' EXIT
else
  trash=$work/trash
  rm -rf "$trash"
  mkdir -p "$trash"
  trap 'rm -rf "$trash"' EXIT
fi
# Each writing run also starts with nothing left to write back: a run leaves hundreds of megabytes of dirty pages,
# and without the sync the kernel would write back the previous runs' files during the next ones (the fifth run of
# compile at 10,000 took 1.5x the first).
fresh() {
  [ ! -e "$1" ] || mv "$1" "$(mktemp -d "$trash/XXXXXX")/" || exit 2
  mkdir -p "$1"
  sync
}

# start-up: the book's example and --help; also on a second java when BENCH_ALSO_JAVA names one
measure help 0 : "$berth" --help
measure book-compile 0 'fresh "$work/out"' "$berth" compile "$book" -o "$work/out"
if [ -n "${BENCH_ALSO_JAVA:-}" ]; then
  JAVA=$BENCH_ALSO_JAVA BERTH_CACHE=make "$berth" >&2 || exit 2
  measure "help (JAVA=$BENCH_ALSO_JAVA)" 0 : env JAVA="$BENCH_ALSO_JAVA" "$berth" --help
  measure "book-compile (JAVA=$BENCH_ALSO_JAVA)" 0 'fresh "$work/out"' env JAVA="$BENCH_ALSO_JAVA" "$berth" compile "$book" -o "$work/out"
fi
# the installed package (docs/install.md) when BENCH_PACKAGE names its bin/berth: /usr/bin/berth, or bin/berth of
# the unpacked tarball, whose start-up cache is then made first as the package's postinst makes it
if [ -n "${BENCH_PACKAGE:-}" ]; then
  [ -f "$(dirname "$(readlink -f "$BENCH_PACKAGE")")/../lib/berth/berth.jsa" ] || BERTH_CACHE=make "$BENCH_PACKAGE" >&2 || exit 2
  measure "version (package)" 0 : "$BENCH_PACKAGE" --version
  measure "book-compile (package)" 0 'fresh "$work/out"' "$BENCH_PACKAGE" compile "$book" -o "$work/out"
fi

for n in "${sizes[@]}"; do
  gen=$work/gen/$n
  if [ ! -f "$gen/berth.yaml" ] || [ "$repo/bench/Generate.java" -nt "$gen/berth.yaml" ]; then
    rm -rf "$gen"
    java "$repo/bench/Generate.java" "$n" "$gen" || exit 2
  fi
  config=$gen/berth.yaml
  count=$runs
  [ "$n" -lt 10000 ] || count=$runs_large
  [[ " $steps " != *" quadlet "* ]] || [ -n "$quadlet" ] || steps=${steps//quadlet/}
  for step in $steps; do
    rm -f "$work/samples.$step.$n"
  done
  fresh "$work/empty"
  # in rounds, each step once per round: whatever drifts during the bench (the disk, the page cache) drifts for
  # every step and for quadlet alike, instead of for whichever ran last
  for ((round = 0; round < count; round++)); do
    for step in $steps; do
      case $step in
        compile) sample compile "$n" 'fresh "$work/out"' "$berth" compile "$config" -o "$work/out" ;;
        plan-empty) sample plan-empty "$n" : "$berth" plan "$config" --root "$work/empty" ;;
        apply) sample apply "$n" 'fresh "$work/root"' "$berth" apply "$config" --root "$work/root" ;;
        plan-same|plan-checksum)
          if [ ! -f "$work/root/var/lib/berth/manifest.json" ]; then
            fresh "$work/root"; "$berth" apply "$config" --root "$work/root" > /dev/null
          fi
          if [ "$step" = plan-same ]; then
            sample plan-same "$n" : "$berth" plan "$config" --root "$work/root"
          else
            sample plan-checksum "$n" : "$berth" plan "$config" --root "$work/root" --checksum
          fi ;;
        compile-baseline) sample compile-baseline "$n" 'fresh "$work/out"' "$baseline" compile "$config" -o "$work/out" ;;
        quadlet) sample quadlet "$n" 'fresh "$work/qout"' env QUADLET_UNIT_DIRS="$gen/quadlet" "$quadlet" -no-kmsg-log "$work/qout" ;;
        *) echo "bench: unknown step $step" >&2; exit 2 ;;
      esac
    done
  done
  for step in $steps; do
    summary "$step" "$n"
  done
  for dir in "$work/out" "$work/root" "$work/qout"; do
    [ ! -e "$dir" ] || mv "$dir" "$(mktemp -d "$trash/XXXXXX")/"
  done
done

# the table: median wall time, peak RSS, growth against the previous N, compile against quadlet
{
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'). Command: bench/run.sh ${sizes[*]} (RUNS=$runs, RUNS_LARGE=$runs_large)."
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sr)," \
    "$( (. /etc/os-release && echo "$PRETTY_NAME") 2>/dev/null), load before the run: $load_before."
  echo "berth: $("$berth" --version | tr '\n' ' ')(bin/berth's choice of java)."
  [ -z "$quadlet" ] || echo "quadlet: $("$quadlet" -version 2>&1 | head -1) ($quadlet)."
  [ -z "$baseline" ] || echo "baseline: $("$baseline" --version | tr '\n' ' ')($baseline)."
  echo
  echo "| N | step | runs | median wall | peak RSS | time vs previous N | vs quadlet | vs baseline |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' '
    { n[NR]=$1; s[NR]=$2; w[NR]=$3; r[NR]=$4; c[NR]=$5; key[$1 "/" $2]=$3; order[NR]=$1 }
    END {
      for (i = 1; i <= NR; i++) {
        prev = ""; growth = "";
        for (j = i - 1; j >= 1; j--) if (s[j] == s[i] && n[j] != n[i] && n[j] > 0) { prev = j; break }
        if (prev != "" && w[prev] > 0) growth = sprintf("%.2fx (N x%g)", w[i] / w[prev], n[i] / n[prev]);
        q = "";
        if (s[i] == "compile" && ((n[i] "/quadlet") in key) && key[n[i] "/quadlet"] > 0)
          q = sprintf("%.2fx", w[i] / key[n[i] "/quadlet"]);
        b = "";
        if (s[i] == "compile" && ((n[i] "/compile-baseline") in key) && key[n[i] "/compile-baseline"] > 0)
          b = sprintf("%.2fx", w[i] / key[n[i] "/compile-baseline"]);
        label = n[i] == 0 ? "book" : n[i];
        printf "| %s | %s | %d | %.3f s | %.0f MiB | %s | %s | %s |\n", label, s[i], c[i], w[i] / 1000, r[i] / 1024, growth, q, b
      }
    }' "$results"
} | tee "$work/table.md"
