#!/usr/bin/env bash
# The workbench in a real browser: starts `imr serve` on a fresh store (reviewers imported,
# one user per role with a freshly generated password, a corpus of synthetic letters), then
# runs web/tests/ with playwright-core driving Debian's headless Chromium. Run by CTest (test "browser_workbench").
#
# Needs: build/src/imr (or $IMR), web/dist (scripts/build-web.sh), /usr/bin/chromium.
# IMR_SCREENSHOTS=dir saves the case view and the signing preview there (docs/images for the README).
set -euo pipefail
cd "$(dirname "$0")/.."
IMR=${IMR:-build/src/imr}
for need in "$IMR" web/dist/index.html web/node_modules/playwright-core /usr/bin/chromium; do
  if [ ! -e "$need" ]; then
    echo "browser-test: missing $need (run scripts/setup.sh, scripts/build.sh)" >&2
    exit 1
  fi
done

WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

export IMR_STORE="$WORK/cases.db"
export IMR_NOW=2026-11-10T09:00  # a fixed clock: the same deadlines on every run
"$IMR" reviewers import examples/reviewers.json --as setup >/dev/null
password() { # user role [reviewer-id] -> prints the generated password
  "$IMR" users add "$1" --role "$2" ${3:+--reviewer-id "$3"} --generate --format json --as setup |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).password))'
}
INTAKE_PASSWORD=$(password intake1 intake)
ADMIN_PASSWORD=$(password admin1 administrator)
REVIEWER_PASSWORD=$(password alvarez reviewer REV-101)  # the example application's reviewer
OTHER_PASSWORD=$(password chen reviewer REV-103)
# The decision corpus in the same store: synthetic letters (our own words) and the examples.
"$IMR" corpus generate --out "$WORK/letters" --letters 300 --seed 17 >/dev/null
"$IMR" corpus add "$WORK/letters" examples/letters --quiet >/dev/null

"$IMR" serve --port 0 --port-file "$WORK/port" --web web/dist --quiet >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do [ -s "$WORK/port" ] && break; sleep 0.1; done
if [ ! -s "$WORK/port" ]; then
  echo "browser-test: the server did not start:" >&2
  cat "$WORK/serve.log" >&2
  exit 1
fi
PORT=$(cat "$WORK/port")

status=0
IMR_BASE_URL="http://127.0.0.1:$PORT" \
  IMR_INTAKE_USER=intake1 IMR_INTAKE_PASSWORD="$INTAKE_PASSWORD" \
  IMR_ADMIN_USER=admin1 IMR_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  IMR_REVIEWER_USER=alvarez IMR_REVIEWER_PASSWORD="$REVIEWER_PASSWORD" \
  IMR_OTHER_REVIEWER_USER=chen IMR_OTHER_REVIEWER_PASSWORD="$OTHER_PASSWORD" \
  node --test web/tests/ || status=$?
if grep -q '"status":5' "$WORK/serve.log"; then
  echo "browser-test: the server answered 5xx:" >&2
  grep '"status":5' "$WORK/serve.log" >&2
  status=1
fi
exit "$status"
