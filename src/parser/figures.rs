//! Figures: numbers in digits or words, with their qualifier ("at least"),
//! unit or currency, and what they count ("35 bodies").

use super::dates::month_number;
use super::doc::Doc;
use super::lexer::{TokKind, CAP, HYPHEN, NUM, POSS};
use super::lexicon::{AUX, CONJ, DET, NUMBER_WORD, ORDINAL_WORD, PREP, PRONOUN, SPEECH, SUBORD, VERBISH};
use super::model::{Figure, FigureKind, Span};

/// Qualifiers before a number, longest first.
const QUALIFIERS: &[&[&str]] = &[
    &["no", "fewer", "than"],
    &["no", "more", "than"],
    &["no", "less", "than"],
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["as", "few", "as"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["just", "over"],
    &["just", "under"],
    &["close", "to"],
    &["upwards", "of"],
    &["an", "estimated"],
    &["approximately"],
    &["about"],
    &["around"],
    &["roughly"],
    &["some"],
    &["nearly"],
    &["almost"],
    &["over"],
    &["under"],
    &["below"],
    &["above"],
    &["exceeding"],
    &["only"],
    &["just"],
    &["estimated"],
];

const UNITS: &[(&str, FigureKind)] = &[
    ("percent", FigureKind::Percent),
    ("per", FigureKind::Percent), // "per cent"
    ("percentage", FigureKind::Percent),
    ("years", FigureKind::Duration),
    ("year", FigureKind::Duration),
    ("months", FigureKind::Duration),
    ("month", FigureKind::Duration),
    ("weeks", FigureKind::Duration),
    ("week", FigureKind::Duration),
    ("days", FigureKind::Duration),
    ("day", FigureKind::Duration),
    ("hours", FigureKind::Duration),
    ("hour", FigureKind::Duration),
    ("minutes", FigureKind::Duration),
    ("decades", FigureKind::Duration),
    ("decade", FigureKind::Duration),
    ("dollars", FigureKind::Money),
    ("dollar", FigureKind::Money),
    ("euros", FigureKind::Money),
    ("pounds", FigureKind::Money),
    ("yen", FigureKind::Money),
    ("yuan", FigureKind::Money),
    ("rupees", FigureKind::Money),
    ("shekels", FigureKind::Money),
    ("rubles", FigureKind::Money),
    ("roubles", FigureKind::Money),
    ("barrels", FigureKind::Measure),
    ("tons", FigureKind::Measure),
    ("tonnes", FigureKind::Measure),
    ("kilometers", FigureKind::Measure),
    ("kilometres", FigureKind::Measure),
    ("km", FigureKind::Measure),
    ("miles", FigureKind::Measure),
    ("meters", FigureKind::Measure),
    ("metres", FigureKind::Measure),
    ("kilograms", FigureKind::Measure),
    ("kg", FigureKind::Measure),
    ("liters", FigureKind::Measure),
    ("litres", FigureKind::Measure),
    ("gallons", FigureKind::Measure),
    ("acres", FigureKind::Measure),
    ("hectares", FigureKind::Measure),
    ("degrees", FigureKind::Measure),
    ("megawatts", FigureKind::Measure),
];

fn unit_kind(w: &str) -> Option<FigureKind> {
    let lw = w.to_ascii_lowercase();
    let base = lw.split('-').next_back().unwrap_or(&lw);
    UNITS.iter().find(|(u, _)| *u == base || *u == lw).map(|(_, k)| *k)
}

fn unit_word(w: &str) -> Option<FigureKind> {
    let lw = w.to_ascii_lowercase();
    UNITS.iter().find(|(u, _)| *u == lw).map(|(_, k)| *k)
}

fn currency_symbol(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" => "USD",
        "\u{20AC}" => "EUR",
        "\u{A3}" => "GBP",
        "\u{A5}" => "JPY",
        "\u{20B9}" => "INR",
        "\u{20AA}" => "ILS",
        _ => return None,
    })
}

fn scale(w: &str) -> Option<f64> {
    Some(match w.to_ascii_lowercase().trim_end_matches('s') {
        "hundred" => 100.0,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        "mln" | "m" => 1e6,
        "bn" | "b" => 1e9,
        _ => return None,
    })
}

fn unit_number(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "dozen" => 12.0,
        _ => return None,
    })
}

fn ordinal_number(w: &str) -> Option<f64> {
    Some(match w {
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        _ => return None,
    })
}

/// Reads number words ("two-hundred thirty-thousand", "one-point-two",
/// "forty-five") from tokens `i..`; returns the value and the first token
/// after them.
fn word_number(doc: &Doc, mut i: usize, end: usize) -> Option<(f64, usize, bool)> {
    let mut total = 0.0f64;
    let mut cur = 0.0f64;
    let mut seen = false;
    let mut decimal: Option<f64> = None;
    let mut point = false;
    let mut money_compound = false;
    let start = i;
    while i < end {
        let t = &doc.toks[i];
        if !t.is_word() || t.in_quote() != doc.toks[start].in_quote() {
            break;
        }
        let w = doc.word(i).to_ascii_lowercase();
        let mut consumed = false;
        for part in w.split('-') {
            if let Some(v) = unit_number(part) {
                if point {
                    decimal = Some(decimal.unwrap_or(0.0) * 10.0 + v);
                } else {
                    cur += v;
                }
                seen = true;
                consumed = true;
            } else if part == "point" && seen {
                point = true;
                consumed = true;
            } else if part == "hundred" && seen {
                cur = cur.max(1.0) * 100.0;
                consumed = true;
            } else if let Some(s) = scale(part).filter(|_| seen && part != "m" && part != "b") {
                let mut v = cur.max(1.0);
                if let Some(d) = decimal.take() {
                    let digits = integer_digits(d);
                    v += d / 10f64.powi(digits);
                    point = false;
                }
                total += v * s;
                cur = 0.0;
                consumed = true;
            } else if part == "dollar" || part == "dollars" {
                money_compound = seen;
            } else if part == "and" && seen {
                consumed = true;
            } else if seen && consumed && unit_word(part).is_some() {
                // "six-week", "five-year": the number is the token's head.
                i += 1;
                return Some((total + cur, i, false));
            } else {
                if consumed {
                    // "thirty-million": a part after numbers that is no number
                    // ends the token; keep what was read.
                }
                consumed = false;
                break;
            }
        }
        if !consumed {
            break;
        }
        i += 1;
    }
    // A token that only starts like a number ("sixty-i") is not one.
    if !seen || i == start {
        return None;
    }
    let mut v = total + cur;
    if let Some(d) = decimal {
        let digits = integer_digits(d);
        v += d / 10f64.powi(digits);
    }
    Some((v, i, money_compound))
}

/// How many digits the whole number `d` has (1 for 0 to 9).
fn integer_digits(d: f64) -> i32 {
    let mut digits = 1;
    let mut rest = d;
    while rest >= 10.0 && digits < 400 {
        rest /= 10.0;
        digits += 1;
    }
    digits
}

fn parse_digits(w: &str) -> Option<f64> {
    let core: String =
        w.chars().take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.').filter(|c| *c != ',').collect();
    let core = core.trim_end_matches('.');
    if core.is_empty() {
        return None;
    }
    core.parse().ok()
}

/// Finds the figures of sentence `s`.
pub(crate) fn find(doc: &Doc, s: usize, out: &mut Vec<Figure>) {
    let st = doc.sents[s];
    let mut i = st.a;
    while i < st.b {
        i = match read_number(doc, st, i) {
            Some(number) => figure(doc, s, i, number, out),
            None => i + 1,
        };
    }
}

/// A number read at a token, before its unit and qualifier.
struct Reading {
    value: f64,
    /// The token after the number's words.
    next: usize,
    kind: FigureKind,
    unit: Option<String>,
    /// A qualifier written into the number ("300-plus").
    qualifier: Option<&'static str>,
}

/// The number that token `i` starts (digits, number words, an ordinal
/// after a determiner, "half" after a qualifier), if it is one.
fn read_number(doc: &Doc, st: super::doc::Sent, i: usize) -> Option<Reading> {
    let t = &doc.toks[i];
    if !t.is_word() {
        return None;
    }
    let w = doc.word(i);
    let info = doc.info(i);
    // Only number-like words go further (most words stop here, cheaply).
    let hyphen_number =
        t.has(HYPHEN) && w.split('-').next().is_some_and(|p| unit_number(&p.to_ascii_lowercase()).is_some());
    if !t.has(NUM) && !info.is(NUMBER_WORD | ORDINAL_WORD) && !hyphen_number && !w.eq_ignore_ascii_case("half") {
        return None;
    }
    let lw = w.to_ascii_lowercase();
    let mut number: Option<f64> = None;
    let mut next = i + 1;
    let mut kind = FigureKind::Count;
    let mut unit: Option<String> = None;
    let mut qualifier_extra: Option<&str> = None;
    if t.has(NUM) {
        // Ordinals in names ("3rd Cavalry", "2nd Lt.") are not figures.
        let ordinal =
            w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd") || (w.ends_with("th") && w.len() <= 4);
        if ordinal && w.chars().next().is_some_and(|c| c.is_ascii_digit()) && w.len() <= 4 {
            if doc.toks.get(i + 1).is_some_and(|n| n.is_word() && n.has(CAP)) {
                return None;
            }
            number = parse_digits(w);
            kind = FigureKind::Ordinal;
        } else if w.contains('-') && w.len() == 10 && w.chars().filter(|c| *c == '-').count() == 2 {
            return None; // an ISO date
        } else {
            number = parse_digits(w);
            if w.ends_with("-plus") || w.ends_with("plus") {
                qualifier_extra = Some("plus");
            }
            // "100m", "3bn"
            let suffix: String = w.chars().skip_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',').collect();
            if let (Some(n), Some(sc)) = (number, scale(&suffix)) {
                number = Some(n * sc);
            }
        }
    } else if let Some((v, end, money)) = word_number(doc, i, st.b) {
        // "one" alone is rarely a figure; "half" needs a qualifier.
        let single = end == i + 1;
        if single && matches!(lw.as_str(), "one" | "zero") {
            return None;
        }
        number = Some(v);
        next = end;
        if money {
            kind = FigureKind::Money;
            unit = Some("USD".into());
        }
    } else if let Some(v) = ordinal_number(&lw) {
        // "its second test": an ordinal before a noun.
        if doc.toks.get(i + 1).is_some_and(|n| n.is_word() && !n.has(CAP)) && i > st.a && doc.info(i - 1).is(DET) {
            number = Some(v);
            kind = FigureKind::Ordinal;
        }
    } else if lw == "half"
        && i > st.a
        && matches!(doc.word(i - 1), "than" | "about" | "nearly" | "almost" | "over" | "roughly")
    {
        number = Some(0.5);
        kind = FigureKind::Count;
    }
    Some(Reading { value: number?, next, kind, unit, qualifier: qualifier_extra })
}

/// Pushes the figure whose number starts at token `i` (a date, a year, or a
/// figure with its scale, currency, unit, range, qualifier and what it
/// counts); returns the token after it.
fn figure(doc: &Doc, s: usize, i: usize, number: Reading, out: &mut Vec<Figure>) -> usize {
    let st = doc.sents[s];
    let t = &doc.toks[i];
    let w = doc.word(i);
    let Reading { value: mut n, mut next, mut kind, mut unit, qualifier: qualifier_extra } = number;
    let start_tok = i;
    // Month-day dates: "July 21", "May 11" (the month precedes).
    let month_before = i > st.a && month_number(doc.word(i - 1)).is_some() && doc.toks[i - 1].has(CAP);
    if month_before && t.has(NUM) && (1.0..=31.0).contains(&n) && !w.contains('.') {
        let mut end = i + 1;
        if doc.toks.get(end).is_some_and(|t| t.is_punct(','))
            && doc.word(end + 1).len() == 4
            && doc.toks.get(end + 1).is_some_and(|t| t.has(NUM))
        {
            end += 2;
        }
        push(doc, out, i - 1, end, n, None, FigureKind::Date, None, None, None, s);
        return end;
    }
    // Years stand alone: "in 1997".
    if t.has(NUM) && w.len() == 4 && !w.contains(',') && (1800.0..=2100.0).contains(&n) {
        let next_w = doc.word(i + 1);
        let unitish = doc.toks.get(i + 1).is_some_and(|t| t.is_word() && !t.has(CAP)) && unit_word(next_w).is_some();
        if !unitish {
            push(doc, out, i, i + 1, n, None, FigureKind::Year, None, None, None, s);
            return i + 1;
        }
    }
    // Scale words: "3 billion", "six million".
    while next < st.b && doc.toks[next].is_word() {
        if let Some(sc) = scale(doc.word(next)).filter(|_| !doc.word(next).eq_ignore_ascii_case("m")) {
            n *= sc;
            next += 1;
        } else {
            break;
        }
    }
    // Currency before: "$3", "US$ 5", "€2".
    let mut a = start_tok;
    if a > st.a {
        if let TokKind::Punct(c) = doc.toks[a - 1].kind {
            if let Some(cur) = currency_symbol(c.encode_utf8(&mut [0u8; 4])) {
                kind = FigureKind::Money;
                unit = Some(cur.into());
                a -= 1;
            }
        } else if doc.toks[a - 1].is_word()
            && matches!(doc.word(a - 1), "US" | "USD" | "EUR" | "GBP")
            && doc.toks[a - 1].end == doc.toks[a].start
        {
            a -= 1;
        }
    }
    // Unit after: "%", "percent", "barrels", "billion-dollar".
    if next < st.b {
        match doc.toks[next].kind {
            TokKind::Punct('%') => {
                kind = FigureKind::Percent;
                unit = Some("percent".into());
                next += 1;
            }
            TokKind::Word => {
                let nw = doc.word(next);
                if let Some(k) = unit_kind(nw).filter(|_| !doc.toks[next].has(CAP)) {
                    if kind != FigureKind::Money || k == FigureKind::Money {
                        kind = k;
                    }
                    let u = nw.to_ascii_lowercase();
                    unit = Some(match k {
                        FigureKind::Percent => "percent".to_string(),
                        FigureKind::Money if u.contains("dollar") => "USD".to_string(),
                        _ => u,
                    });
                    next += 1;
                    if k == FigureKind::Percent && doc.word(next) == "cent" {
                        next += 1;
                    }
                }
            }
            _ => {}
        }
    }
    // Range: "12,000 to 19,000", "5-10".
    let mut upper = None;
    if next + 1 < st.b && matches!(doc.word(next), "to" | "and") && doc.toks[next + 1].has(NUM) {
        let between = start_tok > st.a && doc.word(start_tok - 1) == "between";
        if doc.word(next) == "to" || between {
            upper = parse_digits(doc.word(next + 1));
            next += 2;
            if let Some(sc) = doc.toks.get(next).filter(|t| t.is_word()).and_then(|_| scale(doc.word(next))) {
                upper = upper.map(|u| u * sc);
                next += 1;
            }
            if let Some(k) = doc.toks.get(next).filter(|t| t.is_word()).and_then(|_| unit_kind(doc.word(next))) {
                kind = if kind == FigureKind::Money { kind } else { k };
                unit.get_or_insert_with(|| doc.word(next).to_ascii_lowercase());
                next += 1;
            }
        }
    }
    // Qualifier before.
    let mut qualifier = qualifier_extra.map(str::to_string);
    for q in QUALIFIERS {
        let len = q.len();
        if a >= st.a + len && (0..len).all(|k| doc.word(a - len + k).eq_ignore_ascii_case(q[k])) {
            qualifier = Some(q.join(" "));
            a -= len;
            break;
        }
    }
    if kind == FigureKind::Count && unit.is_none() && qualifier.is_none() && a > st.a {
        // "some" etc. already handled; nothing else to do.
    }
    let what = what_it_counts(doc, next, st.b);
    push(doc, out, a, next, n, upper, kind, qualifier, unit, what, s);
    next.max(i + 1)
}

/// The noun phrase after a figure: "living captives", "Palestinian
/// prisoners and detainees", "barrels of oil".
fn what_it_counts(doc: &Doc, from: usize, end: usize) -> Option<String> {
    let mut k = from;
    let mut last = None;
    let mut of_used = false;
    let mut and_used = false;
    while k < end && k - from < 6 {
        let t = &doc.toks[k];
        if !t.is_word() {
            break;
        }
        let w = doc.word(k);
        let info = doc.info(k);
        if w == "of" && !of_used && last.is_some() && k + 1 < end && doc.toks[k + 1].is_word() {
            of_used = true;
            k += 1;
            continue;
        }
        if w == "and"
            && !and_used
            && last.is_some()
            && k + 1 < end
            && doc.toks[k + 1].is_word()
            && !doc.info(k + 1).is(DET | PRONOUN | AUX)
        {
            and_used = true;
            k += 1;
            continue;
        }
        if info.is(PREP | DET | SUBORD | AUX | CONJ | PRONOUN | SPEECH) || (info.is(VERBISH) && !t.has(CAP)) {
            break;
        }
        // A verb after the noun: "hostages released", "captives holding".
        if last.is_some() && !t.has(CAP) && (w.ends_with("ed") || w.ends_with("ing")) {
            break;
        }
        if t.has(NUM) {
            break;
        }
        last = Some(k);
        k += 1;
        if t.has(POSS) {
            break;
        }
    }
    let last = last?;
    Some(Span::new(doc.toks[from].start, doc.toks[last].end).of(doc.text).to_string())
}

#[allow(clippy::too_many_arguments)]
fn push(
    doc: &Doc,
    out: &mut Vec<Figure>,
    a: usize,
    b: usize,
    number: f64,
    upper: Option<f64>,
    kind: FigureKind,
    qualifier: Option<String>,
    unit: Option<String>,
    what: Option<String>,
    sentence: usize,
) {
    let span = Span::new(doc.toks[a].start, doc.toks[b - 1].end);
    if out.last().is_some_and(|f| f.span.end > span.start) {
        return;
    }
    out.push(Figure {
        value: span.of(doc.text).to_string(),
        span,
        number: number.is_finite().then_some(number),
        upper,
        kind,
        qualifier,
        unit,
        what,
        sentence,
    });
}
