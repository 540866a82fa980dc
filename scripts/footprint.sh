#!/usr/bin/env bash
# Embedded footprint: the core (transcript parser + rule engine + message text) built for
# a Cortex-M4F (thumbv7em-none-eabihf) with opt-level "z", LTO and panic=abort, through
# the no_std harness in core/footprint. Prints the code size and fails above the budget:
# 96 KiB for the vmknic/vmkping parsers and every rule (the embedded build, without the
# `esxi-commands` feature), 128 KiB with the other commands' parsers and rules too.
set -euo pipefail
cd "$(dirname "$0")/../core/footprint"
BUDGET=$((96 * 1024))

rustup target list --installed | grep -qx thumbv7em-none-eabihf || rustup target add thumbv7em-none-eabihf
rustup component list --installed | grep -q '^llvm-tools' || rustup component add llvm-tools
bin="$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin"

cargo build -q --release --target thumbv7em-none-eabihf
lib=target/thumbv7em-none-eabihf/release/libvmkcheck_footprint.a
# The crate's single LTO object holds the core; compiler-builtins objects are the
# linker's to drop, so they are left out.
size=$("$bin/llvm-size" "$lib" | awk '/vmkcheck_footprint.*rcgu/ {print $1}')
echo "footprint: core code (text+rodata) for thumbv7em-none-eabihf: $size bytes (budget $BUDGET)"
cargo build -q --release --target thumbv7em-none-eabihf --features esxi-commands
full=$("$bin/llvm-size" "$lib" | awk '/vmkcheck_footprint.*rcgu/ {print $1}')
FULL_BUDGET=$((128 * 1024))
echo "footprint: with esxi-commands (all parsers): $full bytes (budget $FULL_BUDGET)"
cargo build -q --release --target thumbv7em-none-eabihf
echo "footprint: largest functions:"
tmp=$(mktemp -d)
(cd "$tmp" && "$bin/llvm-ar" x "$OLDPWD/$lib" && "$bin/llvm-nm" --print-size --size-sort -t d --demangle vmkcheck_footprint-*.o) \
  | tail -5 | awk '{printf "  %7d  %s\n", $2, substr($0, index($0, $4))}' | cut -c1-110
rm -rf "$tmp"
[ "$size" -le "$BUDGET" ] && [ "$full" -le "$FULL_BUDGET" ]

# Worst stack depth: every corpus case parsed and checked on a painted stack (host
# build; Cortex-M frames, with 4-byte pointers, are smaller). Budget 16 KiB.
cd ../..
cargo run -q --release -p vmkcheck-core --example stack_depth -- tests/corpus $((16 * 1024))
