#!/usr/bin/env bash
# The parser's outputs over every text we have, to prove that a refactoring
# changes nothing:
#
#   scripts/parser-outputs.sh save DIR      # run the release CLI, store outputs in DIR
#   scripts/parser-outputs.sh compare BASE  # run it again and list every difference from BASE
#
# Inputs: the texts of tests/corpus/*/*.json and tests/fixtures/*.txt; when
# present, PolNeAR dev (/tmp/polnear/dev/*.json, or $POLNEAR_DEV) and the
# web-page corpus (/work/wt/pages-corpus/tests/corpus/pages/*.json, or
# $PAGES_CORPUS, field "text"); and synthetic texts generated here from a
# fixed seed (odd shapes: quote marks of every family, endless capitalised
# runs, no spaces, deep nesting, markup, numbers). Texts that are not in the
# repository are never copied into it: inputs and outputs live in DIR (keep
# it outside the repository).
#
# Each text gives DIR/out/<name>.json, the breakdown of
# `target/release/factsheet --json` (built first with `cargo build --release`).
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-}"
dir="${2:-}"
if [ -z "$mode" ] || [ -z "$dir" ]; then
  sed -n '2,18p' "$0" >&2
  exit 2
fi
case "$mode" in
  save) out="$dir" ;;
  compare) out="$(mktemp -d "${TMPDIR:-/tmp}/parser-outputs.XXXXXX")" ;;
  *)
    echo "unknown mode '$mode' (save or compare)" >&2
    exit 2
    ;;
esac

cargo build --release --quiet --bin factsheet
bin="$PWD/target/release/factsheet"

mkdir -p "$out/in" "$out/out"
POLNEAR_DEV="${POLNEAR_DEV:-/tmp/polnear/dev}" \
PAGES_CORPUS="${PAGES_CORPUS:-/work/wt/pages-corpus/tests/corpus/pages}" \
python3 - "$out/in" <<'PY'
import glob, json, os, random, sys

dest = sys.argv[1]

def put(name, text):
    with open(os.path.join(dest, name + ".txt"), "w", encoding="utf-8") as f:
        f.write(text)

for path in sorted(glob.glob("tests/corpus/*/*.json")):
    corpus = path.split("/")[-2]
    with open(path, encoding="utf-8") as f:
        put(f"corpus-{corpus}-" + os.path.basename(path)[:-5], json.load(f)["text"])
for path in sorted(glob.glob("tests/fixtures/*.txt")):
    with open(path, encoding="utf-8") as f:
        put("fixture-" + os.path.basename(path)[:-4], f.read())
for env, prefix in (("POLNEAR_DEV", "polnear"), ("PAGES_CORPUS", "pages")):
    for path in sorted(glob.glob(os.path.join(os.environ[env], "*.json"))):
        with open(path, encoding="utf-8") as f:
            put(f"{prefix}-" + os.path.basename(path)[:-5], json.load(f)["text"])

# Synthetic texts: the same on every run (fixed seed, fixed word lists).
rng = random.Random(20261205)
marks = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "\u2039", "\u203a",
         "\u300c", "\u300d", "''", "<a href=\"x\">", "</a>"]
words = ("said the minister Hamas United States he she they it official a an of in on at for Mr. Dr. Gen. "
         "U.S. Inc. Jan. March 6, 2025 Monday yesterday last week 2,000 3.5 $3 billion percent twelve "
         "thirty-five one-point-two six-week first 3rd Cavalry Regiment Ministry of Health according to "
         "spokesman told reporters added, adding: \u2014 -- ... ; ( ) [ ] Ab Cd Ef \u00c9lise \u0130stanbul "
         "\u015etefan MOSCOW \u041c\u043e\u0441\u043a\u0432\u0430 \u0391\u03b8\u03ae\u03bd\u03b1 "
         "\u6771\u4eac \U0001F600 al-Hamdani O'Brien don't leaders' '90s Sa'ad VOA's AT&T HIV/AIDS "
         "Reuters AP Associated Press White House Kremlin Secretary of State nominee Council").split(" ")
for n in range(120):
    parts = []
    for _ in range(rng.randint(5, 400)):
        r = rng.random()
        if r < 0.12:
            parts.append(rng.choice(marks))
        elif r < 0.16:
            parts.append(rng.choice([".", ",", "!", "?", ":", "\n", "\n\n", "\r\n"]))
        else:
            parts.append(rng.choice(words))
    sep = "" if n % 17 == 0 else " "
    put(f"synthetic-random-{n:03d}", sep.join(parts))
put("synthetic-no-spaces", "TheministersaidthatHamas\u201cwouldnot\u201dagree." * 2000)
put("synthetic-endless-name", "Mr. Ab Cd Ef Gh Ij Kl Mn Op Qr St Uv Wx Yz " * 1500)
put("synthetic-capitals", "ALPHA BETA GAMMA DELTA Epsilon Zeta Eta Theta Iota Kappa " * 1000)
put("synthetic-unmatched", "He said \" and \u201c then \u00ab again ' \u2018 " * 1500)
put("synthetic-nesting", "\u201c'\u00ab" * 300 + "deep words here" + "\u00bb'\u201d" * 300 + " he said.")
put("synthetic-one-paragraph", ("The minister said \u201cwe will act,\u201d adding that 2,000 troops "
                                "would leave on Monday, according to Reuters. ") * 800)
put("synthetic-markup", "<p class=\"a\">\u201cYes,\u201d she said.</p><tweet id='1'>" * 500)
put("synthetic-empty", "")
put("synthetic-blank", "   \n\n \t \n")
PY

ls "$out/in" | sed 's/\.txt$//' | xargs -P 2 -I{} sh -c '"$1" --json < "$2/in/$3.txt" > "$2/out/$3.json"' _ "$bin" "$out" {}
count=$(ls "$out/out" | wc -l)

if [ "$mode" = save ]; then
  git rev-parse HEAD > "$out/commit"
  echo "parser-outputs: saved $count outputs in $out/out (commit $(cut -c1-12 "$out/commit"))"
  exit 0
fi

# compare: every output that differs, or is missing on either side.
base="$dir"
differ=0
for f in "$base"/out/*.json "$out"/out/*.json; do
  name="$(basename "$f")"
  [ -f "$base/out/$name" ] && [ -f "$out/out/$name" ] || {
    echo "only on one side: $name"
    differ=$((differ + 1))
    continue
  }
  [ "$f" = "$out/out/$name" ] && continue
  if ! cmp -s "$base/out/$name" "$out/out/$name"; then
    echo "differs: $name"
    differ=$((differ + 1))
  fi
done
if [ "$differ" -eq 0 ]; then
  echo "parser-outputs: all $count outputs identical to the baseline ($(cut -c1-12 "$base/commit"))"
  rm -rf "$out"
else
  echo "parser-outputs: $differ of $count outputs differ from the baseline; current outputs kept in $out"
  echo "  (see one with: diff <(python3 -m json.tool $base/out/NAME.json) <(python3 -m json.tool $out/out/NAME.json))"
  exit 1
fi
