#!/usr/bin/env bash
# The main job from a fresh machine: set up, build, then read the bundled example letters
# and review the bundled example cases.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
IMR=build/src/imr
echo "== imr parse examples/letters/* (the letter reader) =="
"$IMR" parse --format text examples/letters/*
echo
echo "== imr review examples/cases/* (the review engine) =="
for c in examples/cases/*.json; do
  "$IMR" review --format text "$c"
  echo
done
if [ -d ../shared/seeds ]; then
  echo "== imr eval ../shared/seeds (engine vs. real reviewers) =="
  "$IMR" eval ../shared/seeds
fi
