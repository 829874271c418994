#!/usr/bin/env bash
# The one test command: installs the test tools if missing, runs every test, then builds
# the packages and tests them as an office would install them (scripts/test-package.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-deps.sh
cargo test --locked "$@"
scripts/test-package.sh
