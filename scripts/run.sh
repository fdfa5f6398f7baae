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
echo "== imr corpus: the example letters (and ../shared/real-letters) stored, searched and counted =="
CORPUS=build/corpus-demo.db
rm -f "$CORPUS" "$CORPUS"-*
"$IMR" corpus add examples/letters $([ -d ../shared/real-letters ] && echo ../shared/real-letters) --store "$CORPUS" --quiet
"$IMR" corpus search mri --limit 3 --store "$CORPUS"
"$IMR" corpus stats --by category --top 8 --store "$CORPUS"
echo
echo "== imr review examples/cases/* (the review engine; one line per disputed item) =="
for c in examples/cases/*.json; do
  "$IMR" review --format json "$c" | python3 scripts/review-summary.py "$(basename "$c" .json)"
done
echo "(a whole letter: $IMR review --format text examples/cases/<case>.json)"
if [ -d ../shared/seeds ]; then
  echo "== imr eval ../shared/seeds (engine vs. real reviewers) =="
  "$IMR" eval ../shared/seeds
fi

echo
echo "== the case service: application -> eligible -> assigned -> records -> draft -> signed -> letter =="
DEMO=build/demo
rm -rf "$DEMO" && mkdir -p "$DEMO"
export IMR_STORE="$DEMO/cases.db"
"$IMR" reviewers import examples/reviewers.json --as admin
IMR_NOW=2026-11-10T09:00 "$IMR" case create examples/applications/regular-eligible.json --as intake
CASE=CM26-0000001
IMR_NOW=2026-11-10T10:00 "$IMR" case assign "$CASE" --as intake | head -2
IMR_NOW=2026-11-10T10:05 "$IMR" case notice "$CASE" --method electronic --as intake
IMR_NOW=2026-11-12T14:00 "$IMR" case attach "$CASE" examples/records/delgado-pr2-2026-10-02.txt \
  --title "PR-2 progress report" --date 2026-10-02 --sender "requesting physician" --as intake
IMR_NOW=2026-11-12T14:05 "$IMR" case records-complete "$CASE" --as intake
IMR_NOW=2026-11-13T08:00 "$IMR" case list
REVIEWER=REV-101  # the example registry's choice for this case (printed by assign above)
# The reviewer answers each criterion that decided the draft (here: agrees), accepts the draft,
# previews the letter and signs with the attestation.
DRAFT=$(IMR_NOW=2026-11-13T08:30 "$IMR" case draft "$CASE" --format json --as "$REVIEWER")
AGREE=$(python3 -c 'import json,sys; print(" ".join("--agree " + c["id"] for c in json.load(sys.stdin)["items"][0]["criteria"] if c.get("decided")))' <<<"$DRAFT")
# shellcheck disable=SC2086  # one word per criterion id
IMR_NOW=2026-11-13T09:10 "$IMR" case decide "$CASE" 1 --accept $AGREE --as "$REVIEWER"
IMR_NOW=2026-11-13T09:15 "$IMR" case sign "$CASE" --attest --as "$REVIEWER"
IMR_NOW=2026-11-13T09:20 "$IMR" case letter "$CASE" --out "$DEMO" --as intake
echo "(the audit trail: $IMR case audit $CASE --store $IMR_STORE)"

echo
echo "== the workbench: imr serve on an example case waiting for its reviewer =="
WB=build/workbench-demo
rm -rf "$WB" && mkdir -p "$WB"
export IMR_STORE="$WB/cases.db"
unset IMR_NOW
"$IMR" reviewers import examples/reviewers.json --as admin >/dev/null
"$IMR" case create examples/applications/regular-eligible.json --as intake >/dev/null
"$IMR" case assign "$CASE" --as intake >/dev/null
"$IMR" case notice "$CASE" --method electronic --as intake >/dev/null
"$IMR" case attach "$CASE" examples/records/delgado-pr2-2026-10-02.txt \
  --title "PR-2 progress report" --date 2026-10-02 --sender "requesting physician" --as intake >/dev/null
"$IMR" case records-complete "$CASE" --as intake >/dev/null
# The published decisions the workbench searches, and the precedents beside the case's item.
"$IMR" corpus add examples/letters $([ -d ../shared/real-letters ] && echo ../shared/real-letters) --quiet >/dev/null
demo_password() { # user role [reviewer-id]: a fresh user with a generated password
  "$IMR" users add "$1" --role "$2" ${3:+--reviewer-id "$3"} --generate --as admin | sed -n 's/^Password (shown once): //p'
}
REVIEWER_PASSWORD=$(demo_password demo-reviewer reviewer "$REVIEWER")
INTAKE_PASSWORD=$(demo_password demo-intake intake)
ADMIN_PASSWORD=$(demo_password demo-admin administrator)
PORT=${IMR_PORT:-8080}
cat <<INFO

  The workbench: http://127.0.0.1:$PORT/  (case $CASE is waiting for its reviewer;
  "Published decisions" searches the letters stored above)
    reviewer       demo-reviewer / $REVIEWER_PASSWORD
    intake         demo-intake   / $INTAKE_PASSWORD
    administrator  demo-admin    / $ADMIN_PASSWORD
  (passwords generated just now; the store is $IMR_STORE)  Stop with Ctrl-C.

INFO
exec "$IMR" serve --port "$PORT" --quiet
