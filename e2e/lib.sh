# e2e/lib.sh - shared by setup.sh, run.sh and selftest-negative.sh (sourced, not run).
# shellcheck shell=bash

E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$E2E_DIR/.." && pwd)

# ---------------------------------------------------------------- the cached Debian root
# One rootfs serves as the outer "host" root and as every guest root.
#   systemd, systemd-sysv  real init for host and guest
#   dbus                   systemctl/machinectl inside the containers
#   openssh-server         the book's guest service: `sshd -i` per connection (inetd style)
#   systemd-container      nspawn inside the outer root (the host units run it), machined
#   busybox                ~1 MB: `busybox httpd -i` is an inetd-style HTTP server (Accept=yes,
#                          StandardInput=socket) for HTTP examples; also nc/wget for debugging
#   python3                Ansible's modules run on the hosts of the fleet test (fleet.sh)
# DNS over UDP needs no extra package: perl-base is Essential (in every minbase) and a ~20 line
# Perl responder can answer on the datagram socket handed over as stdin (Accept=no,
# StandardInput=socket, inetd "wait" style). See README.md.
E2E_SUITE=${BERTH_E2E_SUITE:-bookworm}
E2E_VARIANT=minbase
E2E_PKGS=${BERTH_E2E_PKGS:-systemd,systemd-sysv,dbus,openssh-server,systemd-container,busybox,python3}
E2E_MIRROR=${BERTH_E2E_MIRROR:-}
# Bump when the way the rootfs is post-processed in setup.sh changes.
E2E_ROOTFS_REV=1
E2E_CACHE=${BERTH_E2E_CACHE:-/var/cache/berth-e2e}
# Debian packages the harness itself needs on the machine (one apt-get call in setup.sh).
E2E_HOST_PKGS=(systemd-container debootstrap zstd iproute2 procps util-linux debian-archive-keyring)

rootfs_key() {
  local pkgs
  pkgs=$(tr ',' '\n' <<<"$E2E_PKGS" | sort -u | paste -sd, -)
  printf '%s\n' "suite=$E2E_SUITE" "variant=$E2E_VARIANT" "pkgs=$pkgs" "mirror=$E2E_MIRROR" \
    "arch=$(dpkg --print-architecture)" "rev=$E2E_ROOTFS_REV" | sha256sum | cut -c1-12
}
rootfs_tarball() { echo "$E2E_CACHE/rootfs-$E2E_SUITE-$(rootfs_key).tar.zst"; }

# ---------------------------------------------------------------- logging and timing
E2E_T0=${EPOCHREALTIME/./}
now_us() { echo "${EPOCHREALTIME/./}"; }
ms_since() { echo $(( ($(now_us) - $1) / 1000 )); }
log() {
  local d=$(( ($(now_us) - E2E_T0) / 100000 ))
  printf '[%4d.%ds] %s\n' $((d / 10)) $((d % 10)) "$*"
}
warn() { log "WARN: $*" >&2; }

missing_host_pkgs() {
  local p
  for p in "${E2E_HOST_PKGS[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
  done
}
