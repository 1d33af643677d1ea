#!/usr/bin/env bash
# e2e/setup.sh - install what the end-to-end test needs and build the cached Debian root.
#
#   e2e/setup.sh            packages (if missing) + rootfs tarball (if not cached)
#   e2e/setup.sh --rebuild  build the rootfs tarball again even if it is cached
#
# Env: BERTH_E2E_CACHE (default /var/cache/berth-e2e), BERTH_E2E_MIRROR (debootstrap mirror),
#      BERTH_E2E_SUITE (bookworm), BERTH_E2E_PKGS (comma list; part of the cache key).
# Prints the tarball's path as its last line.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REBUILD=0
case "${1:-}" in
  --rebuild) REBUILD=1 ;;
  "") ;;
  *) echo "usage: $0 [--rebuild]" >&2; exit 2 ;;
esac
[ "$(id -u)" = 0 ] || { echo "setup.sh: must run as root" >&2; exit 1; }

# ---------------------------------------------------------------- 1. Debian packages on the machine
mapfile -t missing < <(missing_host_pkgs)
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  log "apt-get install ${missing[*]}"
  t=$(now_us)
  # Installing systemd-container upgrades the machine's systemd; after that apt's _apt sandbox may
  # fail to run gpgv, hence APT::Sandbox::User=root. Other configured sources may be unreachable:
  # a failed update is only a warning, the install below decides.
  mkdir -p "$E2E_CACHE"
  apt-get -o APT::Sandbox::User=root update -qq > "$E2E_CACHE/apt.log" 2>&1 || warn "apt-get update had errors (continuing; see $E2E_CACHE/apt.log)"
  apt-get -o APT::Sandbox::User=root install -y -qq --no-install-recommends "${missing[@]}" >> "$E2E_CACHE/apt.log" 2>&1 \
    || { tail -n 20 "$E2E_CACHE/apt.log" >&2; echo "setup.sh: apt-get install ${missing[*]} failed" >&2; exit 1; }
  log "packages installed in $(ms_since "$t") ms"
fi
log "tools: $(dpkg-query -W -f='${Package}=${Version} ' systemd systemd-container debootstrap zstd)"

# ---------------------------------------------------------------- 2. the rootfs tarball
mkdir -p "$E2E_CACHE"
TARBALL=$(rootfs_tarball)
exec 9>"$E2E_CACHE/.lock"
flock 9                                     # one builder at a time; others wait and reuse
unmount_below() {  # debootstrap mounts proc/sys inside the target and leaves them on failure
  findmnt -rn -o TARGET | grep -F "$1/" | sort -r | while read -r m; do umount -l "$m"; done
}
# Builds that a killed setup.sh left behind (we hold the lock: nobody else is building).
for old in "$E2E_CACHE"/build.*; do
  [ -d "$old" ] || continue
  unmount_below "$old" || true
  rm -rf --one-file-system "$old"
done
if [ "$REBUILD" = 0 ] && [ -s "$TARBALL" ]; then
  log "rootfs cached: $TARBALL ($(du -h "$TARBALL" | cut -f1))"
  echo "$TARBALL"
  exit 0
fi

cleanup_build() {
  set +e
  unmount_below "$BUILD"
  rm -rf --one-file-system "$BUILD"
  rm -f "$TARBALL.tmp"
}
BUILD=$(mktemp -d "$E2E_CACHE/build.XXXXXX")
trap cleanup_build EXIT

log "debootstrap --variant=$E2E_VARIANT --include=$E2E_PKGS $E2E_SUITE ${E2E_MIRROR:-(default mirror)}"
t=$(now_us)
debootstrap --variant="$E2E_VARIANT" --include="$E2E_PKGS" "$E2E_SUITE" "$BUILD/root" ${E2E_MIRROR:+"$E2E_MIRROR"} \
  >"$BUILD/debootstrap.log" 2>&1 || {
    tail -n 30 "$BUILD/debootstrap.log" >&2
    echo "setup.sh: debootstrap failed" >&2
    exit 1
  }
log "debootstrap done in $(ms_since "$t") ms"

R=$BUILD/root
chroot "$R" apt-get clean
rm -rf "$R"/var/lib/apt/lists/* "$R"/usr/share/doc/* "$R"/usr/share/man/* "$R"/usr/share/info/* \
       "$R"/usr/share/locale/* "$R"/var/log/*.log "$R"/var/cache/debconf/*-old
# An image has no identity of its own (run.sh writes a new machine-id into every root it extracts,
# so the host root and its guests never share one).
: > "$R/etc/machine-id"
rm -f "$R/var/lib/dbus/machine-id"
# Record what is in it.
chroot "$R" dpkg-query -W -f='${Package}=${Version}\n' > "$BUILD/packages.txt"
cp "$BUILD/packages.txt" "$R/etc/berth-e2e-packages.txt"

t=$(now_us)
tar -C "$R" --numeric-owner --xattrs --acls -cpf - . | zstd -q -T0 -o "$TARBALL.tmp"
mv "$TARBALL.tmp" "$TARBALL"
# Drop tarballs built for other package lists.
find "$E2E_CACHE" -maxdepth 1 -name 'rootfs-*.tar.zst' ! -path "$TARBALL" -delete
log "rootfs $(du -sh "$R" | cut -f1), $(wc -l < "$BUILD/packages.txt") packages -> $TARBALL ($(du -h "$TARBALL" | cut -f1)) in $(ms_since "$t") ms"
echo "$TARBALL"
