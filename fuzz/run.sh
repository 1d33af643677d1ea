#!/usr/bin/env bash
# Fuzz berth's load -> schema -> check -> compile pipeline with Jazzer for a set time.
#   fuzz/run.sh [DURATION] [METHOD]     e.g. fuzz/run.sh 10m rawYaml   (default: 10m, both methods in turn)
# Seeds: every example and golden input. Crashes land in
# src/test/resources/dev/berth/fuzz/CompileFuzzTestInputs/METHOD/ and are replayed by every `mvn test`
# from then on: fix the bug, keep the input.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10m}
methods=${2:-"rawYaml structuredConfig"}
corpus=.cifuzz-corpus/dev.berth.fuzz.CompileFuzzTest
mkdir -p "$corpus/rawYaml"
for f in examples/*.yaml golden/*/berth.yaml; do
  cp "$f" "$corpus/rawYaml/seed-$(echo "$f" | tr '/' '-')"
done
for method in $methods; do
  echo "fuzz: $method for $duration"
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION=$duration mvn -B -q -Djazzer.max_duration="$duration" \
    -Dtest="CompileFuzzTest#$method" -Dsurefire.failIfNoSpecifiedTests=false test
done
echo "fuzz: done; new findings (if any) are under src/test/resources/dev/berth/fuzz/CompileFuzzTestInputs/"
