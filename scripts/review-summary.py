#!/usr/bin/env python3
"""One line per disputed item of a review (`imr review --format json` on stdin), for the demo:
    name: Item 1 "request" -> upheld (decided by: criterion; criterion)"""
import json
import sys


def main() -> int:
    name = sys.argv[1] if len(sys.argv) > 1 else "review"
    try:
        review = json.load(sys.stdin)
    except json.JSONDecodeError as e:
        print(f"{name}: the review is not JSON ({e})", file=sys.stderr)
        return 1
    for n, item in enumerate(review.get("items", []), 1):
        decision = item.get("decision") or "no draft (no rule covers it)"
        decided = [c.get("title", c.get("id", "")) for c in item.get("criteria", []) if c.get("decided")]
        why = f" (decided by: {'; '.join(decided)})" if decided else ""
        print(f"{name}: item {n} \"{item.get('request', '')}\" -> {decision}{why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
