#!/usr/bin/env bash
# CI: writes the API contract report (Markdown) to the file $1 and appends it to the job summary
# ($GITHUB_STEP_SUMMARY). Further arguments go to `check`. It never fails: the gate itself runs, and
# fails the build, inside the tests; this only reports (or says why there is nothing to report).
set -u
report="${1:-governance-report.md}"
shift || true
cli="$(cd "$(dirname "$0")/.." && pwd)/dist/cli.js"
node "$cli" check --format markdown "$@" > "$report" 2> "$report.err"
code=$?
if [ "$code" -ge 2 ] || [ ! -s "$report" ]; then
  {
    echo '### API contract check did not run'
    echo
    echo '```'
    cat "$report.err"
    echo '```'
  } > "$report"
fi
rm -f "$report.err"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$report" >> "$GITHUB_STEP_SUMMARY"; fi
exit 0
