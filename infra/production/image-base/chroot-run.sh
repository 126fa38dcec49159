#!/usr/bin/env bash
# Runs an image tarball (docker-save format, e.g. Jib's target/jib-image.tar) without a container engine, to
# prove on a machine with no Docker that the image's files, JVM and classpath work: unpacks the layers in order
# into a root folder, gives it what a container runtime would (/proc, /dev, /etc/hosts, /etc/resolv.conf), and
# runs the image's entrypoint (or the given command) in it with chroot, as the image's user and environment.
# It shares this machine's network, so a service can reach an embedded Kafka and PostgreSQL on localhost.
# Needs root (chroot, mount).
#   chroot-run.sh IMAGE.tar ROOTFS-DIR [NAME=value...] [command args...]
# NAME=value arguments are added to the image's environment (as `docker run -e`); without a command the
# image's entrypoint runs.
set -euo pipefail

tarball=${1:?usage: chroot-run.sh IMAGE.tar ROOTFS-DIR [NAME=value...] [command args...]}
rootfs=${2:?usage: chroot-run.sh IMAGE.tar ROOTFS-DIR [NAME=value...] [command args...]}
shift 2
[[ $(realpath -m "$rootfs") != / ]] || { echo "chroot-run.sh: ROOTFS-DIR is emptied first; / is refused" >&2; exit 1; }

unpacked=$(mktemp -d)
cleanup() {
    for mount in proc dev; do
        mountpoint -q "$rootfs/$mount" && umount -l "$rootfs/$mount"
    done
    rm -rf "$unpacked"
}
trap cleanup EXIT

tar -xf "$tarball" -C "$unpacked"
for mount in proc dev; do
    # Never empty a folder that still has the machine's /dev or /proc mounted in it.
    ! mountpoint -q "$rootfs/$mount" || { echo "chroot-run.sh: $rootfs/$mount is still mounted; umount it first" >&2; exit 1; }
done
rm -rf "$rootfs" && mkdir -p "$rootfs"
mapfile -t layers < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))[0]["Layers"]))' "$unpacked/manifest.json")
for layer in "${layers[@]}"; do
    tar --warning=no-unknown-keyword -xzf "$unpacked/$layer" -C "$rootfs"
done
config=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["Config"])' "$unpacked/manifest.json")
mapfile -t environment < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["config"].get("Env") or []))' "$unpacked/$config")
mapfile -t entrypoint < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["config"].get("Entrypoint") or []))' "$unpacked/$config")
user=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["config"].get("User") or "0")' "$unpacked/$config")

mkdir -p "$rootfs/proc" "$rootfs/dev" "$rootfs/etc" "$rootfs/tmp"
mount -t proc proc "$rootfs/proc"
mount --rbind /dev "$rootfs/dev"
cp /etc/hosts /etc/resolv.conf "$rootfs/etc/"
chmod 1777 "$rootfs/tmp"

while [[ $# -gt 0 && $1 =~ ^[A-Za-z_][A-Za-z0-9_]*= ]]; do
    environment+=("$1")
    shift
done
command=("$@")
[[ ${#command[@]} -gt 0 ]] || command=("${entrypoint[@]}")
# chroot resolves the command with the image's PATH, as a container runtime does.
image_path=$(printf '%s\n' "${environment[@]}" | sed -n 's/^PATH=//p')
executable=${command[0]}
if [[ $executable != /* ]]; then
    for directory in ${image_path//:/ }; do
        [[ -x "$rootfs$directory/$executable" ]] && { executable=$directory/$executable; break; }
    done
fi
echo "chroot-run.sh: user $user, ${#layers[@]} layers, running ${command[*]}" >&2
cd /
env -i "${environment[@]}" "$(command -v chroot)" --userspec="$user:$user" "$rootfs" "$executable" "${command[@]:1}"
