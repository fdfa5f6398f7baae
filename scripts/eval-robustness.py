#!/usr/bin/env python3
"""How much the engine's decisions depend on how a record is written.

    scripts/eval-robustness.py [--imr build/src/imr] [--keep DIR] LETTERS_DIR

Reads each letter (PDF through pdftotext, or text), rewrites its clinical case summary in
several ways a different writer might have written the same facts -- line wrapping, clinical
shorthand, the long forms of that shorthand, dates in another layout, numbers as words or
digits, upper case -- and runs `imr eval` on every rewritten set. The requests, decisions and
the rest of the letter are left as they are, so the reviewer's answers do not change.

Prints, for each rewriting, how many of the engine's decisions changed from the unmodified
letters and its agreement, overturn recall and precision against the reviewers. A rule that
only works on one phrasing shows up as decisions that flip here; rules that follow the
guideline criteria and an extraction robust to how people write keep them. Exit status 1 when
any rewriting flips more than --max-flips decisions (default: report only).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap

SUMMARY_START = re.compile(r"CLINICAL CASE SUMMARY", re.I)
SUMMARY_END = re.compile(r"IMR ISSUES,? DECISIONS AND RATIONALES", re.I)

NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve"]

# Clinical shorthand a treating physician or a nurse reviewer writes, and its long forms.
# Each pair: (long form, shorthand). Matched on word boundaries, case-insensitive.
SHORTHAND = [
    ("physical therapy", "PT"),
    ("range of motion", "ROM"),
    ("straight leg raise", "SLR"),
    ("bilateral", "bilat"),
    ("without", "w/o"),
    ("history of", "h/o"),
    ("complains of", "c/o"),
    ("complained of", "c/o"),
    ("status post", "s/p"),
    ("positive", "(+)"),
    ("lumbar spine", "L-spine"),
    ("cervical spine", "C-spine"),
    ("magnetic resonance imaging", "MRI"),
    ("electromyography", "EMG"),
    ("nerve conduction", "NCV"),
    ("times a week", "x/week"),
    ("medications", "meds"),
    ("treatment", "tx"),
    ("diagnosis", "dx"),
    ("right", "R"),
    ("left", "L"),
]


def letter_text(path):
    if path.lower().endswith(".pdf"):
        return subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True,
                              text=True, errors="replace").stdout
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def split_summary(text):
    """(before, summary, after), or None when the letter has no summary to rewrite."""
    start = SUMMARY_START.search(text)
    if not start:
        return None
    end = SUMMARY_END.search(text, start.end())
    if not end:
        return None
    # The summary starts after its heading line and the line that introduces it.
    body_start = text.find("\n", start.end()) + 1
    return text[:body_start], text[body_start:end.start()], text[end.start():]


def sub_words(pairs, s):
    for old, new in pairs:
        s = re.sub(r"(?<![\w/-])" + re.escape(old) + r"(?![\w/-])", new, s, flags=re.I)
    return s


def rewrap(s):
    paragraphs = re.split(r"\n\s*\n", s)
    out = []
    for p in paragraphs:
        words = " ".join(line.strip() for line in p.splitlines()).strip()
        out.append(textwrap.fill(words, width=58) if words else "")
    return "\n\n".join(out) + "\n"


def shorthand(s):
    return sub_words(SHORTHAND, s)


def long_forms(s):
    # Only the shorthand that reads unambiguously when spelled out.
    pairs = [(short, long) for long, short in SHORTHAND
             if short not in ("R", "L", "(+)", "tx", "dx", "meds", "x/week")]
    return sub_words(pairs, s)


def dates(s):
    # 11-14-2016 -> 11/14/16 and 11/14/2016 -> 2016-11-14.
    s = re.sub(r"\b(\d{1,2})-(\d{1,2})-(\d{2})(\d{2})\b", lambda m: f"{m[1]}/{m[2]}/{m[4]}", s)
    return re.sub(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b",
                  lambda m: f"{m[3]}-{int(m[1]):02d}-{int(m[2]):02d}", s)


def numbers(s):
    # Small counts flip between words and digits: "two times a week" <-> "2 times a week".
    def word_to_digit(m):
        return str(NUMBER_WORDS.index(m[1].lower()))
    s2 = re.sub(r"\b(" + "|".join(NUMBER_WORDS[2:]) + r")\b(?=\s+(?:times|sessions|visits|weeks|months|days|years|hours))",
                word_to_digit, s, flags=re.I)
    if s2 != s:
        return s2
    return re.sub(r"\b([2-9]|1[0-2])\b(?=\s+(?:times|sessions|visits|weeks|months|days|years|hours))",
                  lambda m: NUMBER_WORDS[int(m[1])], s)


def upper(s):
    return s.upper()


REWRITINGS = [
    ("rewrapped at 58 columns", rewrap),
    ("clinical shorthand (PT, ROM, SLR, c/o, s/p, R/L ...)", shorthand),
    ("long forms of the shorthand", long_forms),
    ("dates as 11/14/16 or 2016-11-14", dates),
    ("counts as words or digits", numbers),
    ("upper case", upper),
]


def run_eval(imr, directory):
    out = subprocess.run([imr, "eval", directory, "--format", "json"], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"eval-robustness: imr eval {directory} failed: {out.stderr.strip()[:400]}")
    items = json.loads(out.stdout)["items"]
    return {(os.path.splitext(os.path.basename(i["file"]))[0], n, i["request"]): i
            for n, i in enumerate(items)}


def score(items):
    agree = sum(1 for i in items.values() if i["agree"])
    ov = [i for i in items.values() if i["reviewer"] == "overturned"]
    found = sum(1 for i in ov if i["engine"] == "overturned")
    engine_ov = sum(1 for i in items.values() if i["engine"] == "overturned")
    return agree, len(items), found, len(ov), engine_ov


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("letters")
    ap.add_argument("--imr", default=os.path.join(os.path.dirname(__file__), "..", "build", "src", "imr"))
    ap.add_argument("--keep", help="write the rewritten letters here instead of a temporary directory")
    ap.add_argument("--max-flips", type=int, default=-1, help="fail when a rewriting flips more decisions")
    ap.add_argument("--show", action="store_true", help="list every flipped decision")
    args = ap.parse_args()

    letters = sorted(os.path.join(args.letters, f) for f in os.listdir(args.letters)
                     if f.lower().endswith((".pdf", ".txt")))
    if not letters:
        sys.exit(f"eval-robustness: {args.letters}: no letters (.pdf or .txt)")
    work = args.keep or tempfile.mkdtemp(prefix="imr-robustness-")
    texts = {}
    for path in letters:
        name = os.path.splitext(os.path.basename(path))[0]
        texts[name] = letter_text(path)

    def write_set(label, rewrite):
        d = os.path.join(work, label)
        os.makedirs(d, exist_ok=True)
        for name, text in texts.items():
            parts = split_summary(text)
            if parts and rewrite:
                before, summary, after = parts
                text = before + rewrite(summary) + after
            with open(os.path.join(d, name + ".txt"), "w", encoding="utf-8") as f:
                f.write(text)
        return d

    base = run_eval(args.imr, write_set("unchanged", None))
    agree, total, found, ov, engine_ov = score(base)
    print(f"{'rewriting':55} {'flipped':>8} {'agree':>9} {'recall':>7} {'precision':>9}")
    print(f"{'(unchanged)':55} {'-':>8} {agree:>4}/{total:<4} {found:>3}/{ov:<3} {found:>4}/{engine_ov:<4}")
    worst = 0
    for n, (label, rewrite) in enumerate(REWRITINGS):
        items = run_eval(args.imr, write_set(f"r{n}", rewrite))
        flips = [k for k in base if k in items and items[k]["engine"] != base[k]["engine"]]
        worst = max(worst, len(flips))
        agree, total, found, ov, engine_ov = score(items)
        print(f"{label:55} {len(flips):>8} {agree:>4}/{total:<4} {found:>3}/{ov:<3} {found:>4}/{engine_ov:<4}")
        if args.show:
            for k in flips:
                print(f"    {k[0]}: {k[2][:60]}: {base[k]['engine']} -> {items[k]['engine']} (reviewer {base[k]['reviewer']})")
    if not args.keep:
        shutil.rmtree(work)
    if args.max_flips >= 0 and worst > args.max_flips:
        sys.exit(f"eval-robustness: a rewriting flipped {worst} decisions (at most {args.max_flips} allowed)")


if __name__ == "__main__":
    main()
