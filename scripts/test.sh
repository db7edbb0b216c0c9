#!/usr/bin/env bash
# `npm test`: the whole suite. Type check, lint (ESLint + Prettier), unit and operation tests
# (vitest: SQLite, and PostgreSQL where a server answers on 127.0.0.1:5432), then the console end
# to end in Debian's Chromium (Playwright) against a fresh production build. Ends with the plain
# line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .reports && rm -f .reports/*.json
status=0
step() { echo; echo "== $*"; }

step "type check"
npx tsc --noEmit || status=1

step "lint"
npx eslint . || status=1
npx prettier --check . || status=1

step "unit and operation tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=.reports/vitest.json || status=1

step "build"
NEXT_TELEMETRY_DISABLED=1 npx next build || status=1

step "end to end (Playwright, Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME=.reports/playwright.json npx playwright test --reporter=list,json || status=1

node scripts/test-summary.mjs .reports/vitest.json .reports/playwright.json || status=1
exit $status
