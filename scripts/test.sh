#!/usr/bin/env bash
# Runs every test of every layer. Installs what it needs first (idempotent), so it
# works on a fresh machine: this is the README's test command, and CI runs it.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "toolchain: rustfmt, clippy, thumbv7em-none-eabihf"
installed_components=$(rustup component list --installed 2>/dev/null || true)
for c in rustfmt clippy; do
  grep -q "^$c" <<<"$installed_components" || rustup component add "$c"
done
rustup target list --installed | grep -qx thumbv7em-none-eabihf \
  || rustup target add thumbv7em-none-eabihf

step "format"
cargo fmt --all --check

step "clippy (core denies unwrap/expect/panic/indexing/arithmetic side effects)"
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy -p vmkcheck-core --all-features --all-targets --locked -- -D warnings
cargo clippy -p vmkcheck-core --no-default-features --features serde --lib --locked -- -D warnings

step "tests (core unit + properties + docs, shared corpus through library and CLI)"
cargo test --workspace --locked
# The core alone, without the serde feature the workspace unifies in.
cargo test -p vmkcheck-core --locked --lib
# ... and without the other ESXi commands' parsers (the embedded build).
cargo test -p vmkcheck-core --locked --lib --no-default-features

step "docs (-D warnings)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --all-features --locked

step "bare-metal build: thumbv7em-none-eabihf, without and with serde, with and without esxi-commands"
cargo build -p vmkcheck-core --target thumbv7em-none-eabihf --locked
cargo build -p vmkcheck-core --target thumbv7em-none-eabihf --features serde --locked
cargo build -p vmkcheck-core --target thumbv7em-none-eabihf --no-default-features --locked
cargo build -p vmkcheck-core --target thumbv7em-none-eabihf --no-default-features --features serde --locked

step "embedded footprint (96 KiB without esxi-commands, 128 KiB with) and stack depth"
./scripts/footprint.sh

step "quick start: vmkcheck on the built-in sample"
cargo run -q --locked -p vmkcheck-cli -- check >/dev/null

# Each front end checks itself (installs its tools idempotently, then tests).
for frontend in ffi-c py wasm fuzz; do
  if [ -x "$frontend/test.sh" ]; then
    step "front end: $frontend"
    "./$frontend/test.sh"
  fi
done

step "all layers passed"
