# Shared by scripts/test.sh and scripts/test-int.sh (sourced, not run). Each stage prints a header, runs on even
# if an earlier one failed, and appends one line to $STAGES for scripts/test-summary.ts.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export TZ=Europe/Stockholm
export PATH="$PWD/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
mkdir -p .tmp
STAGES=.tmp/test-stages.tsv
: >"$STAGES"
FAILED_STAGES=0

stage_start() {
  printf '\n==> %s: %s\n' "$1" "$2"
  STAGE_STARTED=$SECONDS
}

stage_end() {
  local name=$1 rc=$2
  if [[ $rc -eq 0 ]]; then
    printf '<== %s: ok (%d s)\n' "$name" $((SECONDS - STAGE_STARTED))
  else
    printf '<== %s: FAILED with exit code %d (%d s)\n' "$name" "$rc" $((SECONDS - STAGE_STARTED))
    FAILED_STAGES=$((FAILED_STAGES + 1))
  fi
}

# run_check NAME COMMAND...  — a stage without test counts (lint, typecheck).
run_check() {
  local name=$1 rc=0
  shift
  stage_start "$name" "$*"
  "$@" || rc=$?
  stage_end "$name" "$rc"
  printf 'check\t%s\t%d\t\n' "$name" "$rc" >>"$STAGES"
}

# run_vitest NAME 'VAR=value ...' VITEST-ARGS...  — a Vitest tier with its JSON report in .tmp/NAME.json.
run_vitest() {
  local name=$1 env_spec=$2 rc=0
  shift 2
  local report=".tmp/$name.json"
  local -a env_vars=()
  read -r -a env_vars <<<"$env_spec"
  rm -f "$report"
  stage_start "$name" "${env_spec:+$env_spec }vitest run $*"
  env "${env_vars[@]}" vitest run "$@" --reporter=default --reporter=json --outputFile.json="$report" || rc=$?
  stage_end "$name" "$rc"
  printf 'vitest\t%s\t%d\t%s\n' "$name" "$rc" "$report" >>"$STAGES"
}

# run_playwright NAME  — browser tests; playwright.config.ts writes .tmp/e2e.json.
run_playwright() {
  local name=$1 rc=0
  rm -f .tmp/e2e.json
  stage_start "$name" 'playwright test'
  playwright test || rc=$?
  stage_end "$name" "$rc"
  printf 'playwright\t%s\t%d\t.tmp/e2e.json\n' "$name" "$rc" >>"$STAGES"
}

skip_stage() {
  printf '\n==> %s: skipped (%s)\n' "$1" "$2"
  printf 'skip\t%s\t0\t%s\n' "$1" "$2" >>"$STAGES"
}

# Prints the summary (last line: "N passed, M failed") and exits non-zero if any stage or test failed.
finish() {
  local rc=0
  node --import tsx scripts/test-summary.ts "$STAGES" | tee .tmp/test-summary.txt || rc=$?
  if [[ $rc -ne 0 || $FAILED_STAGES -ne 0 ]]; then exit 1; fi
  exit 0
}
