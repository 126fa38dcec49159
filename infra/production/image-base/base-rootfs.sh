#!/usr/bin/env bash
# The offline image base, for machines that can reach no container registry: Jib lays this folder over
# `scratch`. The Maven profile `images` calls it around jlink:
#   base-rootfs.sh clean DIR             empties DIR (jlink refuses an existing output folder)
#   base-rootfs.sh native-libraries DIR  after `jlink --output DIR/opt/java`: copies every C library the
#                                        runtime's binaries load (found with ldd, symlinks resolved) from this
#                                        machine into DIR at the same paths, plus the C++ runtime that native
#                                        libraries unpacked at run time (ONNX Runtime, the tokenizer) load,
#                                        and an empty /tmp.
set -euo pipefail

command=${1:?usage: base-rootfs.sh clean|native-libraries DIR}
root=${2:?usage: base-rootfs.sh clean|native-libraries DIR}

case "$command" in
clean)
    rm -rf "$root"
    mkdir -p "$root"
    ;;
native-libraries)
    [[ -x "$root/opt/java/bin/java" ]] || { echo "base-rootfs.sh: no Java runtime in $root/opt/java (run jlink first)" >&2; exit 1; }
    command -v ldd >/dev/null || { echo "base-rootfs.sh: ldd not found; the offline base needs a Linux build machine with glibc (or use -Djib.from.image=eclipse-temurin:21-jre)" >&2; exit 1; }
    libraries=$(
        find "$root/opt/java" -type f \( -name '*.so' -o -perm -u+x \) |
            while read -r binary; do ldd "$binary" 2>/dev/null || true; done |
            grep -v -F "$root" |
            sed -n -e 's/.*=> \(\/[^ ]*\) .*/\1/p' -e 's/^[[:space:]]*\(\/[^ ]*\) (.*/\1/p' |
            sort -u
    )
    # Loaded with dlopen, so ldd cannot see them: the C++ runtime and unwinder (pthread_exit needs libgcc_s).
    for extra in libstdc++.so.6 libgcc_s.so.1; do
        path=$(ldconfig -p 2>/dev/null | awk -v name="$extra" '$1 == name && /x86-64|AArch64/ { print $NF; exit }')
        [[ -n "$path" ]] && libraries+=$'\n'"$path"
    done
    for library in $libraries; do
        mkdir -p "$root$(dirname "$library")"
        cp -L "$library" "$root$library"
    done
    mkdir -p "$root/tmp"
    echo "base-rootfs.sh: $(du -sh "$root" | cut -f1) in $root ($(wc -w <<<"$libraries") C libraries)"
    ;;
*)
    echo "base-rootfs.sh: unknown command $command" >&2
    exit 1
    ;;
esac
