#!/usr/bin/env bash
# `npm test`: lint, format, typecheck, dead code (knip: unused files, exports and dependencies; knip.json), unit,
# integration on PGlite and on PostgreSQL (the server at TEST_DATABASE_URL, then once more on a throwaway cluster so
# that path is exercised too), browser e2e. Prints a summary whose last
# line is "N passed, M failed"; exits non-zero if anything failed.
set -euo pipefail
export TZ=Europe/Stockholm
source "$(dirname "${BASH_SOURCE[0]}")/test-lib.sh"

run_check lint eslint --max-warnings 0 .
run_check format prettier --check --log-level warn .
run_check typecheck tsc --noEmit -p tsconfig.json
run_check deadcode knip --no-progress
run_vitest unit '' --project unit
run_vitest int-pglite 'ANVISA_TEST_ENGINE=pglite' --project int
run_vitest int-postgres 'ANVISA_TEST_ENGINE=postgres' --project int
run_vitest int-throwaway 'ANVISA_TEST_ENGINE=postgres ANVISA_TEST_FORCE_THROWAWAY=1' --project int \
  test/platform/db/migrate.int.test.ts test/support/harness.int.test.ts
if [[ -n "$(find e2e -name '*.spec.ts' -print -quit 2>/dev/null)" ]]; then
  run_playwright e2e
else
  skip_stage e2e 'no spec files in e2e/'
fi
finish
