#!/usr/bin/env bash
# packaging/reproducible.sh: builds the packages of one commit (default HEAD) twice, each in a fresh clone in a
# directory of its own, and passes only when both .deb files and both tarballs are byte-identical.
# Run by .ci/run after `mvn -B verify` (Maven's repository is filled then, so the builds run offline).
#
# Last line: "reproducible: berth_VERSION_amd64.deb and berth-VERSION-linux-x86_64.tar.gz identical (SHA256)", exit
# 0; else what differs, exit 1.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
commit=$(git -C "$repo" rev-parse "${1:-HEAD}")
work=$(mktemp -d "${TMPDIR:-/tmp}/berth-reproducible.XXXXXX")
trap 'rm -rf "$work"' EXIT

for build in first second; do
  git clone -q --no-checkout "$repo" "$work/$build"
  git -C "$work/$build" checkout -q --detach "$commit"
  # the start-up cache for this machine's java is not part of the packages
  (cd "$work/$build" && mvn -B -o -q -DskipTests -Dberth.cds.skip=true -Ppackage package) > "$work/$build.log" 2>&1 \
    || { tail -n 30 "$work/$build.log" >&2; echo "reproducible: the $build build of $commit failed" >&2; exit 1; }
done

status=0
for file in "$work"/first/target/berth_*_amd64.deb "$work"/first/target/berth-*-linux-x86_64.tar.gz; do
  name=$(basename "$file")
  if cmp -s "$file" "$work/second/target/$name"; then
    echo "$name: $(sha256sum < "$file" | cut -c1-64)"
  else
    status=1
    echo "reproducible: $name differs between two builds of $commit:" >&2
    case $name in
      *.deb) diff <(dpkg-deb -c "$file") <(dpkg-deb -c "$work/second/target/$name") >&2 || true
             a=$work/a-$name b=$work/b-$name
             dpkg-deb -R "$file" "$a" && dpkg-deb -R "$work/second/target/$name" "$b" ;;
      *) diff <(tar -tvzf "$file") <(tar -tvzf "$work/second/target/$name") >&2 || true
         a=$work/a-$name b=$work/b-$name
         mkdir -p "$a" "$b" && tar -C "$a" -xzf "$file" && tar -C "$b" -xzf "$work/second/target/$name" ;;
    esac
    diff -rq "$a" "$b" >&2 || true   # the files whose bytes differ, when the listings agree
  fi
done
[ "$status" = 0 ] || exit 1
echo "reproducible: $(cd "$work/first/target" && ls berth_*_amd64.deb berth-*-linux-x86_64.tar.gz | paste -sd' ' - | sed 's/ / and /') identical from two builds of $commit"
