#!/usr/bin/env bash
# Tests the Python package as users get it: builds the abi3 wheel with maturin, installs
# it into a fresh venv, runs pytest (py/tests: the shared corpus, the API, errors,
# threads, jc compatibility, the README examples) and mypy --strict. Idempotent; needs
# Rust (cargo) and python3 >= 3.9 with venv. Venvs live in py/.venv/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> py: %s\n' "$*"; }
PYTHON=${PYTHON:-python3}
VENVS=py/.venv
TOOLS=$VENVS/tools
TEST=$VENVS/test
WHEELS=target/wheels-py

step "tools (py/requirements-dev.txt) in $TOOLS"
stamp=$TOOLS/.requirements
if [ ! -x "$TOOLS/bin/python" ] || ! cmp -s py/requirements-dev.txt "$stamp"; then
  "$PYTHON" -m venv --clear "$TOOLS"
  "$TOOLS/bin/python" -m pip install -q --disable-pip-version-check -r py/requirements-dev.txt
  cp py/requirements-dev.txt "$stamp"
fi

step "wheel (maturin build --release)"
rm -rf "$WHEELS"
"$TOOLS/bin/maturin" build --release --locked -m py/Cargo.toml --out "$WHEELS" -i "$TOOLS/bin/python"
wheels=("$WHEELS"/*.whl)
[ "${#wheels[@]}" -eq 1 ] || { echo "expected one wheel, got: ${wheels[*]}" >&2; exit 1; }
wheel=${wheels[0]}
case "$(basename "$wheel")" in
  vmkcheck-*-cp39-abi3-*.whl) echo "abi3 wheel: $(basename "$wheel")" ;;
  *) echo "not an abi3 (cp39) wheel: $wheel" >&2; exit 1 ;;
esac

step "fresh venv $TEST with the wheel"
"$PYTHON" -m venv --clear "$TEST"
"$TEST/bin/python" -m pip install -q --disable-pip-version-check "$wheel" -r py/requirements-dev.txt

step "vmkcheck CLI (to compare against)"
cargo build -q --locked -p vmkcheck-cli

step "pytest against the installed wheel"
export VMKCHECK_CLI=$PWD/target/debug/vmkcheck
export VMKCHECK_EXPECT_INSTALLED=1
export VMKCHECK_MYPY_CACHE=$PWD/$VENVS/mypy-cache
# From py/, where `import vmkcheck` can only find the installed wheel (conftest checks).
(cd py && "../$TEST/bin/python" -m pytest tests -q -p no:cacheprovider)

step "mypy --strict: the installed package and a typed client"
"$TEST/bin/python" -m mypy --strict --cache-dir "$VMKCHECK_MYPY_CACHE" -p vmkcheck
"$TEST/bin/python" -m mypy --strict --cache-dir "$VMKCHECK_MYPY_CACHE" py/tests/typed/client.py

step "py: all passed"
