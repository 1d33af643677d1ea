#!/bin/sh
# packaging/build.sh: berth for hosts without Java or Maven, from what `mvn package` left in target/:
#
#   target/berth_VERSION_amd64.deb             /usr/bin/berth, /usr/lib/berth (runtime, jar), man pages,
#                                              bash completion, /usr/share/berth (schema, examples), doc
#   target/berth-VERSION-linux-x86_64.tar.gz   the same tree under berth-VERSION/, for other distributions
#
# Usage: packaging/build.sh VERSION   (run by `mvn -Ppackage package`, after the jar, man pages and completion)
#
# The runtime is jlinked from BERTH_RUNTIME_JDK (default: Debian's OpenJDK 17, whose jmods come from the
# openjdk-17-jmods package) with the modules jdeps finds in the jar. Both files are reproducible: every time in
# them is SOURCE_DATE_EPOCH (default: the time of the commit being built), entries are sorted and owned by root.
# The start-up cache is not in them (two dumps of the same classes differ): the .deb makes it when installed.
set -eu
version=${1:?usage: packaging/build.sh VERSION}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
target=$repo/target
jdk=${BERTH_RUNTIME_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}
arch=amd64

if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git -C "$repo" log -1 --format=%ct 2>/dev/null || date -u -d 2026-01-01 +%s)
fi
export SOURCE_DATE_EPOCH
export TZ=UTC LC_ALL=C.UTF-8
umask 022

for tool in "$jdk/bin/jlink" "$jdk/bin/jdeps"; do
  [ -x "$tool" ] || { echo "packaging: $tool missing; set BERTH_RUNTIME_JDK to a JDK 17 (Debian: openjdk-17-jdk)" >&2; exit 1; }
done
for tool in dpkg-deb strip; do
  command -v "$tool" > /dev/null || { echo "packaging: $tool missing (Debian: dpkg, binutils)" >&2; exit 1; }
done
[ -d "$jdk/jmods" ] || { echo "packaging: $jdk has no jmods (Debian: apt-get install openjdk-17-jmods)" >&2; exit 1; }
for input in berth.jar man/man1/berth.1 completion/berth.bash; do
  [ -f "$target/$input" ] || { echo "packaging: target/$input missing; run mvn -B -DskipTests -Ppackage package" >&2; exit 1; }
done

work=$target/packaging
rm -rf "$work"
mkdir -p "$work"
root=$work/root
usr=$root/usr

# ---------------------------------------------------------------- the runtime
# java.desktop is there for java.beans (FreeMarker's introspection), java.sql for the date types FreeMarker and
# Jackson know; none of the desktop's native libraries (AWT, fonts, sound, images) is ever loaded, and they would
# need X11 and more.
modules=$("$jdk/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps "$target/berth.jar")
mkdir -p "$usr/lib/berth"
"$jdk/bin/jlink" --add-modules "$modules" --output "$usr/lib/berth/runtime" \
  --strip-debug --no-man-pages --no-header-files --compress=2 --dedup-legal-notices=error-if-not-same-content \
  --exclude-files='glob:/java.desktop/lib/**,glob:/java.base/bin/keytool'
# jlink leaves the legal notices read-only; a package's files are 644
chmod -R u+w,go+r "$usr/lib/berth/runtime"
# the JDK's native code as Debian ships its own (dh_strip): without symbol tables, which nothing here reads
find "$usr/lib/berth/runtime" -type f -name '*.so' -exec strip --remove-section=.comment --remove-section=.note \
  --strip-unneeded {} +
find "$usr/lib/berth/runtime/bin" "$usr/lib/berth/runtime/lib" -maxdepth 1 -type f -perm -u+x ! -name '*.so' \
  -exec strip --remove-section=.comment --remove-section=.note {} +

# ---------------------------------------------------------------- the tree
install -m 644 "$target/berth.jar" "$usr/lib/berth/berth.jar"
install -D -m 755 "$here/berth" "$usr/bin/berth"
mkdir -p "$usr/share/man/man1"
for page in "$target"/man/man1/*.1; do
  gzip -9n < "$page" > "$usr/share/man/man1/$(basename "$page").gz"
done
mkdir -p "$usr/share/bash-completion/completions"
# sourced by bash-completion, never run: without the script's #! line
sed '1{/^#!/d}' "$target/completion/berth.bash" > "$usr/share/bash-completion/completions/berth"
install -D -m 644 "$repo/schemas/berth.schema.json" "$usr/share/berth/berth.schema.json"
mkdir -p "$usr/share/berth/examples"
install -m 644 "$repo"/examples/*.yaml "$usr/share/berth/examples/"
install -D -m 644 "$here/debian/copyright" "$usr/share/doc/berth/copyright"
sed "s/@VERSION@/$version/; s/@DATE@/$(date -u -R -d "@$SOURCE_DATE_EPOCH")/" "$here/debian/changelog" \
  | gzip -9n > "$usr/share/doc/berth/changelog.gz"
install -D -m 644 "$here/debian/lintian-overrides" "$usr/share/lintian/overrides/berth"

# ---------------------------------------------------------------- the .deb
control=$root/DEBIAN
mkdir -p "$control"
installed_kb=$(du -sk --apparent-size "$usr" | cut -f1)
sed "s/@VERSION@/$version/; s/@ARCH@/$arch/; s/@SIZE@/$installed_kb/" "$here/debian/control" > "$control/control"
install -m 755 "$here/debian/postinst" "$here/debian/prerm" "$control/"
(cd "$root" && find usr -type f | sort | xargs md5sum) > "$control/md5sums"
chmod 644 "$control/control" "$control/md5sums"
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
deb=$target/berth_${version}_$arch.deb
dpkg-deb --root-owner-group -Zxz -z9 --build "$root" "$deb" > /dev/null

# ---------------------------------------------------------------- the tarball: usr/ as berth-VERSION/
name=berth-$version
tgz=$target/$name-linux-x86_64.tar.gz
tar -C "$root" --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
  --format=gnu --exclude=usr/share/lintian --transform="s,^usr,$name," -cf - usr \
  | gzip -9n > "$tgz"

echo "packaging: $(basename "$deb") ($(du -h "$deb" | cut -f1), installed $((installed_kb / 1024)) MB), $(basename "$tgz") ($(du -h "$tgz" | cut -f1)); runtime: $modules from $jdk"
