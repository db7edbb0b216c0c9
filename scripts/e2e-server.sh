#!/usr/bin/env bash
# The server Playwright tests run against: a fresh data folder (so first-run setup is part of
# the test), the production build (built when missing), on $PORT (default 3100).
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT=${PORT:-3100}
export HOST=127.0.0.1
export STRONGBOX_DATA_DIR=${E2E_DATA_DIR:-$(mktemp -d /tmp/strongbox-e2e-XXXXXX)}
unset DATABASE_URL
export NEXT_TELEMETRY_DISABLED=1
exec node node_modules/tsx/dist/cli.mjs scripts/start.ts
