#!/usr/bin/env bash
# npm run install:check — proves the production install recipe that README and deploy/clearsight.service give:
#   npm ci && npm run build && npm prune --omit=dev
# It copies the repository's tracked files (as committed at HEAD; INSTALL_CHECK_WORKTREE=1: as they are in
# the working tree) to a temporary directory, runs the recipe there, starts `node dist/src/main.js` on the embedded default (a temporary
# DATA_DIR, a free PORT), waits up to 60 s for /readyz to answer 200, checks that / and /chat answer 200,
# and stops the service. The service and the temporary directory are always cleaned up (trap).
# Slow (npm ci may compile better-sqlite3): not part of npm test or .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d "${TMPDIR:-/tmp}/clearsight-install-XXXXXX")"
pid=""
cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$work/app" "$work/data"
if [[ "${INSTALL_CHECK_WORKTREE:-}" == 1 ]]; then
  # The tracked files as they are in the working tree (uncommitted edits included; a deleted file skipped).
  echo "== node $(node --version), npm $(npm --version); copying the working tree's tracked files to $work/app"
  git ls-files -z | while IFS= read -r -d '' f; do [[ -e "$f" ]] && printf '%s\0' "$f"; done \
    | tar --null -T - -cf - | tar -xf - -C "$work/app"
else
  # The tracked files as committed (what a clone gets): edits in progress cannot make it pass or fail.
  echo "== node $(node --version), npm $(npm --version); copying the tracked files of $(git rev-parse --short HEAD) to $work/app"
  git archive --format=tar HEAD | tar -xf - -C "$work/app"
fi

cd "$work/app"
echo "== npm ci"
npm ci --no-audit --no-fund
echo "== npm run build"
npm run build
echo "== npm prune --omit=dev"
npm prune --omit=dev --no-audit --no-fund
if [[ -e node_modules/typescript || -e node_modules/jest ]]; then
  echo "FAIL: dev dependencies are still installed after npm prune --omit=dev" >&2
  exit 1
fi
if [[ ! -s dist/webchat/webchat.js.gz ]]; then
  echo "FAIL: the build did not write dist/webchat/webchat.js.gz" >&2
  exit 1
fi

port="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
echo "== starting node dist/src/main.js on port $port"
DATA_DIR="$work/data" PORT="$port" HOST=127.0.0.1 PATH="$PATH" SHUTDOWN_GRACE_SECONDS=1 \
  node dist/src/main.js >"$work/service.log" 2>&1 &
pid=$!

status() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$1" || true; }
ready=""
for _ in $(seq 1 600); do
  if [[ "$(status /readyz)" == 200 ]]; then ready=yes; break; fi
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if [[ -z "$ready" ]]; then
  echo "FAIL: /readyz did not answer 200 within 60 s; the service's log:" >&2
  tail -n 40 "$work/service.log" >&2
  exit 1
fi
for path in / /chat /webchat/webchat.js; do
  code="$(status "$path")"
  if [[ "$code" != 200 ]]; then
    echo "FAIL: GET $path answered $code" >&2
    exit 1
  fi
  echo "== GET $path: 200"
done
echo "== /readyz 200, / 200, /chat 200: the production install works"
