#!/usr/bin/env bash
# The whole test suite from a fresh machine: set up, build, run every test under CTest, then
# the sanitizer builds and a short run of each fuzz target (scripts/sanitize.sh).
#
# The case-store tests run on SQLite and on PostgreSQL: a throwaway cluster is started
# (scripts/pg-test-cluster.sh) and stopped on exit. If it cannot start, the run fails —
# set IMR_SKIP_PG=1 to run without PostgreSQL on purpose (its tests then report SKIPPED).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh

if [ "${IMR_SKIP_PG:-0}" = "1" ]; then
  echo "test: IMR_SKIP_PG=1, PostgreSQL store tests will be skipped" >&2
  unset IMR_TEST_PG_URL
else
  if ! IMR_TEST_PG_URL=$(bash scripts/pg-test-cluster.sh start); then
    echo "test: FAILED to start a PostgreSQL test cluster; the store must be tested on PostgreSQL." >&2
    echo "test: (set IMR_SKIP_PG=1 to run without it)" >&2
    exit 1
  fi
  export IMR_TEST_PG_URL
  trap 'bash scripts/pg-test-cluster.sh stop "$IMR_TEST_PG_URL"' EXIT
  echo "test: PostgreSQL test cluster at $IMR_TEST_PG_URL"
fi

status=0
ctest --test-dir build --output-on-failure --parallel "$(nproc)" || status=$?

# The suite again under ASan + UBSan, the threaded tests under TSan, and a short run of each
# fuzz target (scripts/sanitize.sh; IMR_SKIP_SANITIZE=1 skips it on a developer's machine).
if [ "${IMR_SKIP_SANITIZE:-0}" != "1" ]; then
  start=$SECONDS
  bash scripts/sanitize.sh || status=$?
  echo "test: sanitizer builds, tests and fuzzing took $((SECONDS - start)) s"
fi
exit "$status"
