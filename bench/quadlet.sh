#!/usr/bin/env bash
# bench/quadlet.sh CACHE_DIR - print the path of a podman 5.x quadlet binary, fetching one if needed.
#
# Looks at $QUADLET, /usr/libexec/podman/quadlet, then CACHE_DIR/podman/usr/libexec/podman/quadlet. If none is
# a quadlet 5.x, downloads Debian 13 (trixie)'s podman package with apt-get into CACHE_DIR and unpacks it there
# with dpkg -x: a private sources list, package lists and archive cache under CACHE_DIR/apt, so the system's apt
# configuration and state are never touched. quadlet is a static Go program and runs on Debian 12 as well.
# Prints nothing and exits 1 (with the reason on stderr) when no quadlet can be had.
set -uo pipefail

cache=${1:?usage: bench/quadlet.sh CACHE_DIR}
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)

usable() {  # usable PATH: a quadlet of podman 5 or later
  local version
  [ -x "$1" ] || return 1
  version=$("$1" -version 2>/dev/null) || return 1
  [ "${version%%.*}" -ge 5 ] 2>/dev/null
}

for candidate in "${QUADLET:-}" /usr/libexec/podman/quadlet "$cache/podman/usr/libexec/podman/quadlet"; do
  if [ -n "$candidate" ] && usable "$candidate"; then
    echo "$candidate"
    exit 0
  fi
done

if ! command -v apt-get >/dev/null || ! command -v dpkg >/dev/null; then
  echo "quadlet: not installed, and no apt-get/dpkg to fetch Debian 13's podman package" >&2
  exit 1
fi
apt=$cache/apt
mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/download"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
echo "deb [signed-by=$keyring] ${BENCH_DEBIAN_MIRROR:-http://deb.debian.org/debian} trixie main" > "$apt/sources.list"
opts=(-o "Dir::Etc::sourcelist=$apt/sources.list" -o "Dir::Etc::sourceparts=-" -o "Dir::State::Lists=$apt/lists"
      -o "Dir::Cache=$apt/cache" -o "APT::Get::List-Cleanup=0" -o "Debug::NoLocking=1")
echo "quadlet: fetching podman from Debian 13 (trixie) into $cache ..." >&2
if ! apt-get -qq "${opts[@]}" update >&2; then
  echo "quadlet: cannot read Debian 13's package lists (no network, or no trixie keyring in $keyring)" >&2
  exit 1
fi
if ! (cd "$apt/download" && apt-get -qq "${opts[@]}" download podman >&2); then
  echo "quadlet: cannot download Debian 13's podman package" >&2
  exit 1
fi
deb=$(ls -t "$apt/download"/podman_*.deb 2>/dev/null | head -1)
rm -rf "$cache/podman"
if [ -z "$deb" ] || ! dpkg -x "$deb" "$cache/podman"; then
  echo "quadlet: cannot unpack ${deb:-the podman package}" >&2
  exit 1
fi
if usable "$cache/podman/usr/libexec/podman/quadlet"; then
  echo "$cache/podman/usr/libexec/podman/quadlet"
  exit 0
fi
echo "quadlet: the downloaded package holds no usable quadlet 5.x" >&2
exit 1
