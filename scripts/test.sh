#!/usr/bin/env bash
# The one test command: installs the test tools if missing, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-deps.sh
cargo test --locked "$@"
