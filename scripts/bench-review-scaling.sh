#!/usr/bin/env bash
# `imr review` time and peak memory as the input grows (docs/limits.md): one record made of
# the example opioid case's records repeated to 1, 2, 4 and 8 MiB, with 1 and with 100
# disputed items, and the same text with its sentence breaks removed (the worst shape for
# extraction). Prints a table; the ratios between rows show whether growth is linear.
#   scripts/bench-review-scaling.sh [build/src/imr]
set -euo pipefail
cd "$(dirname "$0")/.."
imr="${1:-build/src/imr}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
base = json.load(open("examples/cases/opioid-continued-documented.json"))
text = " ".join(r["text"] for r in base["records"]) + "\n"
for mb in (1, 2, 4, 8):
    n = mb << 20
    body = (text * (n // len(text) + 1))[:n]
    for shape, t in (("sentences", body), ("no-breaks", body.replace(".", " ").replace("\n", " "))):
        for items in (1, 100):
            c = dict(base)
            c["records"] = [{"title": "records", "date": base["records"][0].get("date"), "text": t}]
            c["requests"] = (base["requests"] * items)[:items]
            json.dump(c, open(f"{work}/{shape}-{mb}-{items}.json", "w"))
PY
printf '| text | MiB | items | seconds | peak MB | output MB |\n|---|---|---|---|---|---|\n'
for shape in sentences no-breaks; do
  for items in 1 100; do
    for mb in 1 2 4 8; do
      f="$work/$shape-$mb-$items.json"
      /usr/bin/time -f '%e %M' -o "$work/time" "$imr" review --format json "$f" >"$work/out" 2>/dev/null
      read -r secs kb <"$work/time"
      printf '| %s | %s | %s | %s | %s | %s |\n' "$shape" "$mb" "$items" "$secs" "$((kb / 1024))" \
        "$(( $(stat -c %s "$work/out") / 1048576 ))"
    done
  done
done
