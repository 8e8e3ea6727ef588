#!/usr/bin/env python3
"""Score a breakdown command on pasted news pages (tests/corpus/pages).

Each page JSON holds what a reader's select-all paste of a news page contains
(`text`: the text/plain flavour, `html`: the text/html flavour) and which lines
of `text` are page furniture. For every page the command is run with the page
on stdin, and again with the clean article (its labelled JSON under
tests/corpus) on stdin; both answers are compared:

  headline_found    predicted meta.headline.text equals the page headline
                    (after folding case, space and quote marks)
  furniture_shown   furniture lines touched by a fact, a non-term quote or a
                    figure (a line counts when any such item's span overlaps it)
  quotes_kept       gold quotes of the article that the command finds in the
                    clean article and still finds in the page (matched as in
                    shared/eval/score.py: equal after folding, or word-overlap
                    F1 >= 0.8, one-to-one)
  parties_added     parties in the page's answer that share no name with the
                    clean article's answer nor with the article's gold parties

    score.py --cmd "target/release/factsheet --json" [--verbose] [--json]
    score.py --html-cmd "target/release/factsheet --json --html"
    score.py --cmd "..." --html-cmd "..." --min-headline 0.95 --max-furniture-shown 0.02 \\
             --min-quotes-kept 1.0 --max-parties-added 0

--cmd scores the text/plain flavour, --html-cmd the text/html flavour; the
clean article always goes through --clean-cmd (default: --cmd, or --html-cmd
with its --html argument removed). Prints one line per metric (--json: one JSON
object). Exits 1 when a threshold is missed, 2 when a command failed on every
page or the input is unusable. Python 3.11 standard library only.
"""
import argparse
import html as htmllib
import json
import re
import shlex
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent

TARGETS = {"headline_found": 0.95, "furniture_shown": 0.02, "quotes_kept": 1.0, "parties_added": 0}

# ----------------------------------------------------------------------------------------------
# Folding and matching, as in shared/eval/score.py
# ----------------------------------------------------------------------------------------------
QUOTE_CHARS = "\"'“”„‟«»‹›‘’‚‛「」『』`´"
LEADING_WORDS = re.compile(r"^(the|a|an)\s+", re.I)


def norm(s):
    """Comparable form of a span: NFKC, no quote marks, folded space, lower case, no edge punctuation."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", s)
    s = s.translate({ord(c): None for c in QUOTE_CHARS})
    s = re.sub(r"\s+", " ", s).strip().strip(" .,;:!?-—–…").lower()
    return s


def fold_headline(s):
    """Headline comparison: case, space and quote marks folded (NFKC)."""
    if s is None:
        return None
    s = unicodedata.normalize("NFKC", s)
    s = s.translate({ord(c): None for c in QUOTE_CHARS})
    return re.sub(r"\s+", " ", s).strip().casefold()


def tokens(s):
    return re.findall(r"\w+", norm(s))


def overlap_f1(a, b):
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    common = {}
    for t in ta:
        common[t] = common.get(t, 0) + 1
    hit = 0
    for t in tb:
        if common.get(t, 0) > 0:
            hit += 1
            common[t] -= 1
    if hit == 0:
        return 0.0
    p, r = hit / len(tb), hit / len(ta)
    return 2 * p * r / (p + r)


def match_quotes(gold, pred):
    """Greedy one-to-one match by overlap; returns {gold_i: pred_j}."""
    pairs = []
    for gi, g in enumerate(gold):
        for pj, p in enumerate(pred):
            ng, np_ = norm(g["text"]), norm(p.get("text"))
            score = 1.0 if ng == np_ else overlap_f1(g["text"], p.get("text") or "")
            if score >= 0.8:
                pairs.append((score, gi, pj))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), {}
    for _, gi, pj in pairs:
        if gi in used_g or pj in used_p:
            continue
        used_g.add(gi)
        used_p.add(pj)
        out[gi] = pj
    return out


def name_form(s):
    """Names compare without leading articles or periods ("the U.S." ~ "US")."""
    return LEADING_WORDS.sub("", norm(s).replace(".", ""))


def same_speaker(a, b):
    if not a or not b:
        return not a and not b
    fa, fb = name_form(a), name_form(b)
    if fa == fb or fa in fb or fb in fa:
        return True
    ta, tb = fa.split(), fb.split()
    return bool(ta and tb and ta[-1] == tb[-1] and len(ta[-1]) >= 3)


# ----------------------------------------------------------------------------------------------
# The command's answer
# ----------------------------------------------------------------------------------------------
def run_cmd(cmd, data):
    try:
        r = subprocess.run(shlex.split(cmd), input=data.encode("utf-8"), capture_output=True, timeout=60)
    except FileNotFoundError as e:
        raise RuntimeError(f"cannot run: {e}") from None
    except subprocess.TimeoutExpired:
        raise RuntimeError("timed out after 60 s") from None
    if r.returncode != 0:
        err = r.stderr.decode(errors="replace").strip().splitlines()
        raise RuntimeError(f"exit {r.returncode}: {' | '.join(err[:3])[:300]}")
    try:
        out = json.loads(r.stdout)
    except json.JSONDecodeError as e:
        raise RuntimeError(f"output is not JSON: {e}") from None
    if not isinstance(out, dict):
        raise RuntimeError("output is not a JSON object")
    return out


def predicted_headline(pred):
    h = (pred.get("meta") or {}).get("headline")
    if isinstance(h, dict):
        return h.get("text")
    return h if isinstance(h, str) else None


def predicted_quotes(pred):
    return [q for q in pred.get("quotes") or [] if isinstance(q, dict) and q.get("kind", "direct") != "term"]


def shown_items(pred):
    """(kind, text, span) of every fact, non-term quote and figure in the answer."""
    items = []
    for f in pred.get("facts") or []:
        if not isinstance(f, dict):
            continue
        items.append(("fact", f.get("text") or "", f.get("span")))
        for g in f.get("figures") or []:
            if isinstance(g, dict):
                items.append(("figure", str(g.get("value") or ""), g.get("span")))
    for q in predicted_quotes(pred):
        items.append(("quote", q.get("text") or "", q.get("span")))
    for g in pred.get("figures") or []:
        if isinstance(g, dict):
            items.append(("figure", str(g.get("value") or ""), g.get("span")))
    return items


def party_names(pred):
    out = []
    for p in pred.get("parties") or []:
        if isinstance(p, dict):
            names = [p.get("name") or ""] + [a for a in p.get("aliases") or [] if isinstance(a, str)]
        else:
            names = [str(p)]
        out.append([n for n in names if n])
    return out


# ----------------------------------------------------------------------------------------------
# Where the furniture lines are in the input
# ----------------------------------------------------------------------------------------------
def text_line_spans(text, furniture):
    """Byte spans of the furniture lines in the plain text, matched in order."""
    spans, k, pos = [], 0, 0
    for line in text.split("\n"):
        b = len(line.encode("utf-8"))
        t = line.strip()
        if t and k < len(furniture) and t == furniture[k]:
            lead = len(line[: len(line) - len(line.lstrip())].encode("utf-8"))
            start = pos + lead
            spans.append((start, start + len(t.encode("utf-8"))))
            k += 1
        pos += b + 1
    if k < len(furniture):
        raise ValueError(f"furniture line not found in text: {furniture[k]!r}")
    return spans


SKIP_TAGS = {"script", "style", "head", "title", "noscript", "template"}


class Visible(HTMLParser):
    """Visible characters of an HTML fragment (text, img alt, input placeholder), each with the
    byte span in the source it comes from, and whether a word or element boundary precedes it."""

    def __init__(self, src):
        super().__init__(convert_charrefs=False)
        self.src = src
        self.line_starts = [0]
        for m in re.finditer("\n", src):
            self.line_starts.append(m.end())
        # char offset -> byte offset
        self.byte_at = [0] * (len(src) + 1)
        acc = 0
        for i, ch in enumerate(src):
            self.byte_at[i] = acc
            acc += len(ch.encode("utf-8"))
        self.byte_at[len(src)] = acc
        self.chars, self.starts, self.ends, self.boundary = [], [], [], []
        self.skip = 0
        self.pending_boundary = True

    def _offset(self):
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text, start, end, per_char):
        for i, ch in enumerate(text):
            if ch.isspace():
                self.pending_boundary = True
                continue
            s = start + i if per_char else start
            e = s + 1 if per_char else end
            self.chars.append(ch)
            self.starts.append(self.byte_at[s])
            self.ends.append(self.byte_at[e])
            self.boundary.append(self.pending_boundary)
            self.pending_boundary = False

    def handle_starttag(self, tag, attrs):
        self.pending_boundary = True
        if tag in SKIP_TAGS:
            self.skip += 1
            return
        if self.skip:
            return
        a = dict(attrs)
        start = self._offset()
        end = start + len(self.get_starttag_text() or "")
        for key in ("alt", "placeholder") if tag in ("img", "input", "textarea") else ():
            if a.get(key):
                self._emit(a[key], start, end, per_char=False)
                self.pending_boundary = True

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in SKIP_TAGS:
            self.skip -= 1

    def handle_endtag(self, tag):
        self.pending_boundary = True
        if tag in SKIP_TAGS and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self._emit(data, self._offset(), None, per_char=True)

    def _ref(self, raw):
        if self.skip:
            return
        start = self._offset()
        ch = htmllib.unescape(raw)
        end = start + len(raw) if self.src.startswith(raw, start) else start + 1
        self._emit(ch, start, end, per_char=False)
        # a reference inside a word is not a boundary
        if not ch.isspace():
            self.pending_boundary = False

    def handle_entityref(self, name):
        raw = f"&{name};" if self.src.startswith(f"&{name};", self._offset()) else f"&{name}"
        self._ref(raw)

    def handle_charref(self, name):
        raw = f"&#{name};" if self.src.startswith(f"&#{name};", self._offset()) else f"&#{name}"
        self._ref(raw)


def html_line_spans(src, furniture):
    """Byte spans in the HTML of the furniture lines (whitespace ignored, matched in order at
    element or word boundaries); None for a line that cannot be located."""
    v = Visible(src)
    v.feed(src)
    v.close()
    stream = "".join(v.chars)
    n = len(stream)
    spans, cursor = [], 0
    for line in furniture:
        key = re.sub(r"\s+", "", line)
        found = None
        for lo in (cursor, 0):
            i = stream.find(key, lo)
            while i != -1:
                j = i + len(key)
                if v.boundary[i] and (j == n or v.boundary[j]):
                    found = i
                    break
                i = stream.find(key, i + 1)
            if found is not None:
                break
        if found is None:
            spans.append(None)
            continue
        j = found + len(key)
        spans.append((min(v.starts[found:j]), max(v.ends[found:j])))
        cursor = j
    return spans


# ----------------------------------------------------------------------------------------------
# Is an item's span where its text is?
# ----------------------------------------------------------------------------------------------
def squash(s):
    s = unicodedata.normalize("NFKC", s or "")
    s = s.translate({ord(c): None for c in QUOTE_CHARS})
    return re.sub(r"\s+", "", s).casefold()


def span_ok(data_bytes, span, text, is_html):
    if not isinstance(span, dict):
        return None
    s, e = span.get("start"), span.get("end")
    if not isinstance(s, int) or not isinstance(e, int) or not 0 <= s <= e <= len(data_bytes):
        return None
    piece = data_bytes[s:e].decode("utf-8", errors="replace")
    if is_html:
        piece = htmllib.unescape(re.sub(r"<[^>]*>", " ", piece))
    a, b = squash(piece), squash(text)
    if not b:
        return (s, e)
    if a == b or (a and (b in a or a in b)) or overlap_f1(piece, text) >= 0.8:
        return (s, e)
    return None


# ----------------------------------------------------------------------------------------------
def score_flavour(pages, flavour, cmd, clean_cmd, clean_cache, verbose):
    is_html = flavour == "html"
    t = {
        "pages": 0, "page_failed": 0, "clean_failed": 0, "headline_ok": 0,
        "furniture": 0, "furniture_shown": 0, "furniture_unlocated": 0,
        "shown_by": {"fact": 0, "quote": 0, "figure": 0},
        "items": 0, "items_span_mismatch": 0,
        "gold_quotes": 0, "gold_found_page": 0, "gold_found_clean": 0, "kept": 0, "speaker_changed": 0,
        "parties_added": 0, "pages_with_added_parties": 0, "aliases_added": 0,
        "timestamps": 0, "timestamp_from_furniture": 0,
    }
    by_style = {}
    first_error = None
    log = []
    for page in pages:
        pid = page["id"]
        st = by_style.setdefault(page["style"], {"pages": 0, "headline_ok": 0, "furniture": 0, "furniture_shown": 0,
                                                  "kept": 0, "gold_found_clean": 0, "parties_added": 0})
        t["pages"] += 1
        st["pages"] += 1
        gold = page["_gold"]
        data = page[flavour]
        try:
            pred = run_cmd(cmd, data)
        except RuntimeError as e:
            t["page_failed"] += 1
            first_error = first_error or f"{pid}: {e}"
            if verbose:
                log.append(f"  [{pid}] command failed: {e}")
            pred = {}
        key = (clean_cmd, page["article"])
        if key not in clean_cache:
            try:
                clean_cache[key] = run_cmd(clean_cmd, gold["text"])
            except RuntimeError as e:
                clean_cache[key] = None
                if verbose:
                    log.append(f"  [{page['article']}] clean run failed: {e}")
        clean = clean_cache[key]
        if clean is None:
            t["clean_failed"] += 1
            clean = {}

        # headline
        got = predicted_headline(pred)
        if got is not None and fold_headline(got) == fold_headline(page["headline"]):
            t["headline_ok"] += 1
            st["headline_ok"] += 1
        elif verbose:
            log.append(f"  [{pid}] headline: want {page['headline']!r} got {got!r}")

        # furniture
        furniture = page["furniture"]
        spans = html_line_spans(data, furniture) if is_html else text_line_spans(data, furniture)
        data_bytes = data.encode("utf-8")
        placed = []  # (kind, text, (s, e) or None)
        for kind, text, span in shown_items(pred):
            t["items"] += 1
            ok = span_ok(data_bytes, span, text, is_html)
            if ok is None:
                t["items_span_mismatch"] += 1
            placed.append((kind, text, ok))
        t["furniture"] += len(furniture)
        st["furniture"] += len(furniture)
        for line, sp in zip(furniture, spans):
            if sp is None:
                t["furniture_unlocated"] += 1
            hit = None
            for kind, text, ok in placed:
                if ok is not None and sp is not None:
                    if ok[0] < sp[1] and ok[1] > sp[0]:
                        hit = (kind, text)
                        break
                elif ok is None and kind != "figure":
                    # no usable span: fall back to the texts
                    a, b = squash(line), squash(text)
                    # both ways 8 characters or more: a furniture line "X" or "Health" is not
                    # shown by every fact that holds those letters
                    if len(a) >= 8 and len(b) >= 8 and (a in b or b in a):
                        hit = (kind, text)
                        break
            if hit:
                t["furniture_shown"] += 1
                st["furniture_shown"] += 1
                t["shown_by"][hit[0]] += 1
                if verbose:
                    log.append(f"  [{pid}] furniture shown as {hit[0]}: {line[:70]!r} <- {hit[1][:60]!r}")

        # timestamp (information only): taken from a furniture line such as the site's date line?
        ts = (pred.get("meta") or {}).get("timestamp")
        if isinstance(ts, dict) and ts.get("text"):
            t["timestamps"] += 1
            ok = span_ok(data_bytes, ts.get("span"), ts["text"], is_html)
            from_furniture = None
            for line, sp in zip(furniture, spans):
                if (ok is not None and sp is not None and ok[0] < sp[1] and ok[1] > sp[0]) or (
                        ok is None and squash(ts["text"]) and squash(ts["text"]) in squash(line)):
                    from_furniture = line
                    break
            if from_furniture is not None:
                t["timestamp_from_furniture"] += 1
                if verbose:
                    log.append(f"  [{pid}] timestamp from furniture: {from_furniture[:70]!r}")

        # quotes
        gq = gold.get("quotes") or []
        m_page = match_quotes(gq, predicted_quotes(pred))
        m_clean = match_quotes(gq, predicted_quotes(clean))
        pq, cq = predicted_quotes(pred), predicted_quotes(clean)
        t["gold_quotes"] += len(gq)
        t["gold_found_page"] += len(m_page)
        t["gold_found_clean"] += len(m_clean)
        st["gold_found_clean"] += len(m_clean)
        for gi, cj in m_clean.items():
            if gi in m_page:
                t["kept"] += 1
                st["kept"] += 1
                if not same_speaker(pq[m_page[gi]].get("speaker"), cq[cj].get("speaker")):
                    t["speaker_changed"] += 1
                    if verbose:
                        log.append(f"  [{pid}] speaker changed: {cq[cj].get('speaker')!r} -> "
                                   f"{pq[m_page[gi]].get('speaker')!r} for “{gq[gi]['text'][:50]}”")
            elif verbose:
                log.append(f"  [{pid}] quote lost: “{gq[gi]['text'][:70]}”")

        # parties
        known = set()
        for names in party_names(clean):
            known.update(name_form(n) for n in names)
        for name, aliases in (gold.get("parties") or {}).items():
            known.update(name_form(n) for n in [name, *aliases])
        added_here = 0
        for names in party_names(pred):
            forms = {name_form(n) for n in names}
            if not forms & known:
                added_here += 1
                if verbose:
                    log.append(f"  [{pid}] party added: {names[0]!r} (aliases {names[1:6]})")
            else:
                for n in names:
                    if name_form(n) not in known:
                        t["aliases_added"] += 1
        t["parties_added"] += added_here
        st["parties_added"] += added_here
        t["pages_with_added_parties"] += int(added_here > 0)

    res = {
        "flavour": flavour,
        "cmd": cmd,
        "clean_cmd": clean_cmd,
        "pages": t["pages"],
        "failed_pages": t["page_failed"],
        "failed_clean_articles": t["clean_failed"],
        "headline_found": ratio(t["headline_ok"], t["pages"]),
        "furniture_shown": ratio(t["furniture_shown"], t["furniture"]),
        "furniture_shown_by": t["shown_by"],
        "quotes_kept": ratio(t["kept"], t["gold_found_clean"]),
        "gold_quotes_found_page": ratio(t["gold_found_page"], t["gold_quotes"]),
        "gold_quotes_found_clean": ratio(t["gold_found_clean"], t["gold_quotes"]),
        "speakers_changed": ratio(t["speaker_changed"], t["kept"]),
        "parties_added": t["parties_added"],
        "pages_with_added_parties": t["pages_with_added_parties"],
        "aliases_added": t["aliases_added"],
        "timestamp_from_furniture": ratio(t["timestamp_from_furniture"], t["timestamps"]),
        "items_with_span_off_text": ratio(t["items_span_mismatch"], t["items"]),
        "furniture_lines_not_located": t["furniture_unlocated"],
        "by_style": by_style,
        "first_error": first_error,
    }
    return res, log


def ratio(a, b):
    return {"n": a, "of": b, "rate": round(a / b, 4) if b else None}


def pct(r):
    return "n/a" if r["rate"] is None else f"{100 * r['rate']:.1f}%"


def print_report(res):
    print(f"flavour: {res['flavour']}   cmd: {res['cmd']}   clean: {res['clean_cmd']}")
    print(f"pages: {res['pages']}   failed: {res['failed_pages']}   clean articles failed: {res['failed_clean_articles']}")
    if res["first_error"]:
        print(f"  first failure: {res['first_error']}")
    h, f, q = res["headline_found"], res["furniture_shown"], res["quotes_kept"]
    print(f"headline_found: {h['n']}/{h['of']} = {pct(h)}   (target >= {100 * TARGETS['headline_found']:.0f}%)")
    sb = res["furniture_shown_by"]
    print(f"furniture_shown: {f['n']}/{f['of']} = {pct(f)}   (target <= {100 * TARGETS['furniture_shown']:.0f}%)"
          f"   [as fact {sb['fact']}, quote {sb['quote']}, figure {sb['figure']}]")
    gp, gc = res["gold_quotes_found_page"], res["gold_quotes_found_clean"]
    print(f"quotes_kept: {q['n']}/{q['of']} = {pct(q)}   (target 100%)"
          f"   [gold quotes found: page {gp['n']}/{gp['of']}, clean {gc['n']}/{gc['of']}]")
    s = res["speakers_changed"]
    print(f"speakers_changed: {s['n']}/{s['of']}")
    print(f"parties_added: {res['parties_added']} on {res['pages_with_added_parties']} pages   (target 0)"
          f"   [aliases added to known parties: {res['aliases_added']}]")
    ts = res["timestamp_from_furniture"]
    print(f"timestamp_from_furniture: {ts['n']} of {ts['of']} pages with a timestamp   (information; want 0)")
    m = res["items_with_span_off_text"]
    print(f"items whose span is not at their text: {m['n']}/{m['of']}"
          + (f"   furniture lines not located: {res['furniture_lines_not_located']}" if res["furniture_lines_not_located"] else ""))
    print("by style:  pages  headline  furniture shown  quotes kept  parties added")
    for style, st in sorted(res["by_style"].items()):
        print(f"  {style:<11} {st['pages']:>3}  {st['headline_ok']:>4}/{st['pages']:<3}  {st['furniture_shown']:>5}/{st['furniture']:<5}"
              f"      {st['kept']:>4}/{st['gold_found_clean']:<4}  {st['parties_added']:>6}")


def load_pages(pages_dir, only):
    pages = []
    for f in sorted(Path(pages_dir).glob("*--*.json")):
        page = json.loads(f.read_text(encoding="utf-8"))
        if only and only not in page["id"]:
            continue
        gold_file = CORPUS / (page["article"] + ".json")
        page["_gold"] = json.loads(gold_file.read_text(encoding="utf-8"))
        pages.append(page)
    return pages


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cmd", help="command for the text/plain flavour: page on stdin, breakdown JSON on stdout")
    ap.add_argument("--html-cmd", help="command for the text/html flavour")
    ap.add_argument("--clean-cmd", help="command for the clean article text (default: --cmd, or --html-cmd without --html)")
    ap.add_argument("--pages", default=str(HERE), help="folder of page JSON files (default: beside this script)")
    ap.add_argument("--only", help="score only pages whose id contains this")
    ap.add_argument("--verbose", action="store_true", help="list every miss")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--min-headline", type=float, help="fail below this share of headlines found")
    ap.add_argument("--max-furniture-shown", type=float, help="fail above this share of furniture lines shown")
    ap.add_argument("--min-quotes-kept", type=float, help="fail below this share of quotes kept")
    ap.add_argument("--max-parties-added", type=int, help="fail above this number of parties added")
    a = ap.parse_args()
    if not a.cmd and not a.html_cmd:
        ap.error("give --cmd and/or --html-cmd")
    clean_cmd = a.clean_cmd or a.cmd
    if not clean_cmd:
        parts = [p for p in shlex.split(a.html_cmd) if p != "--html"]
        clean_cmd = shlex.join(parts)

    try:
        pages = load_pages(a.pages, a.only)
    except (OSError, json.JSONDecodeError, KeyError) as e:
        print(f"cannot read the pages: {e}", file=sys.stderr)
        return 2
    if not pages:
        print("no pages found", file=sys.stderr)
        return 2

    clean_cache = {}
    results = []
    for flavour, cmd in (("text", a.cmd), ("html", a.html_cmd)):
        if not cmd:
            continue
        res, log = score_flavour(pages, flavour, cmd, clean_cmd, clean_cache, a.verbose)
        results.append(res)
        if not a.json:
            if results[:-1]:
                print()
            print_report(res)
            if a.verbose:
                print("\n".join(log))

    if a.json:
        print(json.dumps({"results": results, "targets": TARGETS}, ensure_ascii=False))

    status = 0
    bad = []
    for res in results:
        tag = res["flavour"]
        checks = [
            (a.min_headline, res["headline_found"]["rate"], "headline_found", lambda v, w: v >= w),
            (a.max_furniture_shown, res["furniture_shown"]["rate"], "furniture_shown", lambda v, w: v <= w),
            (a.min_quotes_kept, res["quotes_kept"]["rate"], "quotes_kept", lambda v, w: v >= w),
            (a.max_parties_added, res["parties_added"], "parties_added", lambda v, w: v <= w),
        ]
        for want, value, name, good in checks:
            if want is None:
                continue
            if value is None or not good(value, want):
                bad.append(f"{tag} {name} {value} vs {want}")
    if bad:
        print("threshold missed: " + "; ".join(bad), file=sys.stderr)
        status = 1
    for res in results:
        if res["pages"] and res["failed_pages"] == res["pages"]:
            print(f"{res['flavour']}: the command failed on every page ({res['first_error']})", file=sys.stderr)
            status = 2
    return status


if __name__ == "__main__":
    sys.exit(main())
