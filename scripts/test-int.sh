#!/usr/bin/env bash
# `npm run test:int`: the integration tier on both engines. Extra arguments go to Vitest (e.g. a file filter).
set -euo pipefail
export TZ=Europe/Stockholm
source "$(dirname "${BASH_SOURCE[0]}")/test-lib.sh"

run_vitest int-pglite 'ANVISA_TEST_ENGINE=pglite' --project int "$@"
run_vitest int-postgres 'ANVISA_TEST_ENGINE=postgres' --project int "$@"
finish
