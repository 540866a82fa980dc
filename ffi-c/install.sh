#!/usr/bin/env bash
# Builds libvmkcheck (release) and installs it under PREFIX (default /usr/local):
#   PREFIX/include/vmkcheck.h
#   PREFIX/lib/libvmkcheck.a, PREFIX/lib/libvmkcheck.so
#   PREFIX/lib/pkgconfig/vmkcheck.pc
# Usage: ffi-c/install.sh [PREFIX]     (--no-build: install what target/release holds)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")

build=1
args=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    *) args+=("$a") ;;
  esac
done
prefix=${args[0]:-${PREFIX:-/usr/local}}
case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac

if [ "$build" = 1 ]; then
  cargo build --manifest-path "$root/Cargo.toml" -p vmkcheck-c --release --locked
fi
lib=${CARGO_TARGET_DIR:-$root/target}/release
version=$(sed -n 's/^#define VMKCHECK_VERSION "\(.*\)"$/\1/p' "$here/include/vmkcheck.h")

install -d "$prefix/include" "$prefix/lib/pkgconfig"
install -m 644 "$here/include/vmkcheck.h" "$prefix/include/vmkcheck.h"
install -m 644 "$lib/libvmkcheck.a" "$prefix/lib/libvmkcheck.a"
install -m 755 "$lib/libvmkcheck.so" "$prefix/lib/libvmkcheck.so"
sed -e "s|@PREFIX@|$prefix|g" -e "s|@VERSION@|$version|g" "$here/vmkcheck.pc.in" \
  > "$prefix/lib/pkgconfig/vmkcheck.pc"
echo "installed libvmkcheck $version under $prefix"
