#!/usr/bin/env bash
# Tests the C library end to end (scripts/test.sh calls it). Installs what it needs
# first (idempotent): cbindgen (pinned), gcc, g++, make, valgrind, pkg-config, nm.
#
#   1. cargo build -p vmkcheck-c --release --locked
#   2. header drift: regenerate vmkcheck.h with the pinned cbindgen, fail on any diff
#   3. symbols: every exported vmkcheck_* symbol (nm) is declared in the header and
#      every function the header declares is exported, by libvmkcheck.a and .so
#   4. C tests (gcc -std=c99 -Wall -Wextra -Werror -pedantic, static link), run plain,
#      under AddressSanitizer + LeakSanitizer + UBSan, and under valgrind
#   5. a C++ translation unit including the header (g++ -std=c++11 ... -Werror)
#   6. install into a scratch prefix; build examples/check.c with its Makefile through
#      pkg-config (static) and run it; link it against the shared library too
set -euo pipefail
cd "$(dirname "$0")/.."

CBINDGEN_VERSION=0.29.4
step() { printf '\n--> ffi-c: %s\n' "$*"; }

step "tools"
if [ "$(cbindgen --version 2>/dev/null || true)" != "cbindgen $CBINDGEN_VERSION" ]; then
  cargo install --locked --force "cbindgen@$CBINDGEN_VERSION"
fi
missing=()
for tool in gcc:gcc g++:g++ make:make valgrind:valgrind pkg-config:pkg-config nm:binutils; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update && apt-get install -y "${missing[@]}"
fi

target=${CARGO_TARGET_DIR:-$PWD/target}
lib="$target/release"
out="$target/ffi-c"
mkdir -p "$out"

step "build libvmkcheck (release)"
cargo build -p vmkcheck-c --release --locked

step "header drift (cbindgen $CBINDGEN_VERSION)"
cbindgen -q --config ffi-c/cbindgen.toml --crate vmkcheck-c --output "$out/vmkcheck.h" ffi-c
if ! diff -u ffi-c/include/vmkcheck.h "$out/vmkcheck.h"; then
  echo "ffi-c/include/vmkcheck.h is stale: regenerate it with" >&2
  echo "  cbindgen --config ffi-c/cbindgen.toml --crate vmkcheck-c --output ffi-c/include/vmkcheck.h ffi-c" >&2
  exit 1
fi
echo "header up to date"

step "exported symbols vs header"
declared=$(grep -oE '^[a-z][a-z_ *]*[ *](vmkcheck_[a-z_]+)\(' ffi-c/include/vmkcheck.h \
  | grep -oE 'vmkcheck_[a-z_]+' | sort -u)
# The archive's objects embed LLVM bitcode, which binutils' LTO plugin may fail to read
# (then nm lists "no symbols"): name the ELF target so nm reads the machine code.
bfd_target=$(objdump -f "$lib/libvmkcheck.so" | sed -n 's/.*file format //p')
exported_a=$(nm --target="$bfd_target" --defined-only "$lib/libvmkcheck.a" 2>/dev/null \
  | awk '$2 == "T" && $3 ~ /^vmkcheck_/ {print $3}' | sort -u)
exported_so=$(nm -D --defined-only "$lib/libvmkcheck.so" | awk '$2 == "T" {print $3}' | sort -u)
status=0
for sym in $exported_a $exported_so; do
  grep -qx "$sym" <<<"$declared" || { echo "exported but not in vmkcheck.h: $sym" >&2; status=1; }
done
for sym in $declared; do
  grep -qx "$sym" <<<"$exported_a" || { echo "declared but not in libvmkcheck.a: $sym" >&2; status=1; }
  grep -qx "$sym" <<<"$exported_so" || { echo "declared but not in libvmkcheck.so: $sym" >&2; status=1; }
done
[ "$status" = 0 ] || exit 1
echo "$(wc -w <<<"$declared") functions: declared = exported (.a and .so); the .so exports nothing else"

# What Rust's std needs from the system when linking the static library.
syslibs="-lgcc_s -lutil -lrt -lpthread -lm -ldl"
cflags="-std=c99 -Wall -Wextra -Werror -pedantic -g -O1 -Iffi-c/include"

step "C tests (static, plain)"
gcc $cflags ffi-c/tests/test_vmkcheck.c "$lib/libvmkcheck.a" $syslibs -o "$out/test_vmkcheck"
"$out/test_vmkcheck" tests/corpus

step "C tests under AddressSanitizer + LeakSanitizer + UBSan"
gcc $cflags -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
  ffi-c/tests/test_vmkcheck.c "$lib/libvmkcheck.a" $syslibs -o "$out/test_vmkcheck_asan"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "$out/test_vmkcheck_asan" tests/corpus

step "C tests under valgrind"
valgrind -q --error-exitcode=1 --leak-check=full --show-leak-kinds=definite,indirect,possible \
  --errors-for-leak-kinds=definite,indirect,possible "$out/test_vmkcheck" tests/corpus

step "C++ translation unit (g++ -std=c++11)"
g++ -std=c++11 -Wall -Wextra -Werror -pedantic -Iffi-c/include ffi-c/tests/cpp_compat.cpp \
  "$lib/libvmkcheck.a" $syslibs -o "$out/cpp_compat"
"$out/cpp_compat"

step "install + examples/check.c through its Makefile (pkg-config)"
prefix="$out/prefix"
rm -rf "$prefix"
ffi-c/install.sh --no-build "$prefix" >/dev/null
rm -rf "$out/examples"
cp -r ffi-c/examples "$out/examples"
rm -f "$out/examples/check"
PKG_CONFIG_PATH="$prefix/lib/pkgconfig" make -s -C "$out/examples"
set +e
"$out/examples/check" tests/corpus/s05-multi-nic-vmotion/esx01.txt tests/corpus/s05-multi-nic-vmotion/esx02.txt
code=$?
"$out/examples/check" tests/corpus/s28-jumbo-path-failed/*.txt >/dev/null
code2=$?
set -e
[ "$code" = 0 ] && [ "$code2" = 1 ] || { echo "example: exit codes $code, $code2 (want 0, 1)" >&2; exit 1; }
# The hosts' prompts name them as their file stems do: the report is the expected one.
"$out/examples/check" --json tests/corpus/s05-multi-nic-vmotion/esx0{1,2}.txt \
  | cmp - tests/corpus/s05-multi-nic-vmotion/report.json
gcc -std=c99 -Wall -Wextra -Werror -pedantic -I"$prefix/include" ffi-c/examples/check.c \
  -L"$prefix/lib" -lvmkcheck -Wl,-rpath,"$prefix/lib" -o "$out/check_shared"
"$out/check_shared" tests/corpus/s05-multi-nic-vmotion/esx0{1,2}.txt >/dev/null
echo "example built statically (pkg-config) and against libvmkcheck.so; both run"

step "ffi-c passed"
