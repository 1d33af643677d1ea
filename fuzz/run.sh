#!/usr/bin/env bash
# Fuzz berth with Jazzer for a set time, one target after another.
#   fuzz/run.sh [DURATION] [TARGET...]     e.g. fuzz/run.sh 10m FastPathFuzzTest#anyText
# TARGET is CLASS#METHOD, or a method of CompileFuzzTest; the default is every target below.
# Seeds: the inputs under src/test/resources/dev/berth/<package>/<CLASS>Inputs/<METHOD>/ (for CompileFuzzTest#rawYaml
# also every example and golden input). A finding lands in that folder and is replayed by every `mvn test` from
# then on: fix the bug, keep the input.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10m}
shift || true
targets=${*:-"CompileFuzzTest#rawYaml CompileFuzzTest#structuredConfig FastPathFuzzTest#anyText FastPathFuzzTest#mutatedConfig"}
corpus=.cifuzz-corpus/dev.berth.fuzz.CompileFuzzTest
mkdir -p "$corpus/rawYaml"
for f in examples/*.yaml golden/*/berth.yaml; do
  cp "$f" "$corpus/rawYaml/seed-$(echo "$f" | tr '/' '-')"
done
for target in $targets; do
  case $target in *'#'*) ;; *) target="CompileFuzzTest#$target" ;; esac
  echo "fuzz: $target for $duration"
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION=$duration mvn -B -q -Djazzer.max_duration="$duration" \
    -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false test
done
echo "fuzz: done; findings (if any) are under src/test/resources/dev/berth/*/*Inputs/"
