//! A small JSON reader for the stored library ([`schema`](super::schema)).
//!
//! Storage is read by hand rather than through serde's derived
//! `Deserialize`: the derived visitors of every stored type cost the browser
//! app about 50 KB of wasm, this reader and the decoders a fraction of that.
//! (Writing still uses serde's `Serialize`, which is cheap.)
//!
//! It accepts exactly RFC 8259 JSON (no comments, no trailing commas, no
//! lone surrogates), nests at most [`MAX_DEPTH`] deep and never panics.
//! Numbers are only read as far as the schema needs: non-negative integers
//! that fit a `u64`; any other number is [`Json::Number`]`(None)`.

/// How deep arrays and objects may nest (as serde_json's default limit).
pub const MAX_DEPTH: usize = 128;

/// A parsed JSON value. Objects keep their members in order (a later
/// duplicate key is found after the first: [`Json::get`] takes the last).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    /// `Some` for an integer that fits a `u64`, `None` for any other number.
    Number(Option<u64>),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object (the last one, if repeated).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) => *n,
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }
}

/// Parses a whole JSON text; `None` if it is not valid JSON (or too deep).
pub fn parse(text: &str) -> Option<Json> {
    let mut reader = Reader { bytes: text.as_bytes(), at: 0 };
    let value = reader.value(0)?;
    reader.space();
    (reader.at == reader.bytes.len()).then_some(value)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Consumes `byte` (after whitespace) if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn literal(&mut self, word: &[u8], value: Json) -> Option<Json> {
        let end = self.at.checked_add(word.len())?;
        (self.bytes.get(self.at..end)? == word).then(|| {
            self.at = end;
            value
        })
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        self.space();
        match self.peek()? {
            b'{' => self.object(depth + 1),
            b'[' => self.array(depth + 1),
            b'"' => self.string().map(Json::String),
            b't' => self.literal(b"true", Json::Bool(true)),
            b'f' => self.literal(b"false", Json::Bool(false)),
            b'n' => self.literal(b"null", Json::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn object(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.at += 1; // '{'
        let mut members = Vec::new();
        if self.eat(b'}') {
            return Some(Json::Object(members));
        }
        loop {
            self.space();
            if self.peek()? != b'"' {
                return None;
            }
            let key = self.string()?;
            if !self.eat(b':') {
                return None;
            }
            members.push((key, self.value(depth)?));
            if self.eat(b'}') {
                return Some(Json::Object(members));
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.at += 1; // '['
        let mut items = Vec::new();
        if self.eat(b']') {
            return Some(Json::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            if self.eat(b']') {
                return Some(Json::Array(items));
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    /// A number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Option<Json> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let int_start = self.at;
        self.digits()?;
        if self.bytes[int_start] == b'0' && self.at - int_start > 1 {
            return None; // leading zero
        }
        let int_end = self.at;
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.digits()?;
            integer = false;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.digits()?;
            integer = false;
        }
        let value = if integer && !negative {
            self.bytes[int_start..int_end]
                .iter()
                .try_fold(0u64, |n, &d| n.checked_mul(10)?.checked_add(u64::from(d - b'0')))
        } else {
            None
        };
        Some(Json::Number(value))
    }

    /// One or more ASCII digits.
    fn digits(&mut self) -> Option<()> {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        (self.at > start).then_some(())
    }

    /// A string (the reader is on its opening quote).
    fn string(&mut self) -> Option<String> {
        self.at += 1; // '"'
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control char.
            let start = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            // The run ends before an ASCII byte, so it is whole UTF-8.
            out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).ok()?);
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.at += 1;
                    let escaped = self.peek()?;
                    self.at += 1;
                    out.push(match escaped {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return None,
                    });
                }
                _ => return None, // a raw control char
            }
        }
    }

    /// The char of `\uXXXX` (the reader is after the `u`), joining a
    /// surrogate pair; `None` for a lone surrogate.
    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        if (0xDC00..0xE000).contains(&first) {
            return None;
        }
        if (0xD800..0xDC00).contains(&first) {
            if self.bytes.get(self.at..self.at + 2)? != b"\\u" {
                return None;
            }
            self.at += 2;
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return None;
            }
            return char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00));
        }
        char::from_u32(first)
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.at..self.at + 4)?;
        self.at += 4;
        digits.iter().try_fold(0u32, |n, &d| Some(n * 16 + (d as char).to_digit(16)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn s(text: &str) -> Json {
        Json::String(text.into())
    }

    #[test]
    fn reads_every_kind_of_value() {
        let doc = parse(r#" { "a" : [1, 0, true, false, null, "x"], "b": {}, "c": [], "d": -1, "e": 1.5e3 } "#);
        let doc = doc.expect("valid");
        assert_eq!(
            doc.get("a").and_then(Json::as_array),
            Some(
                &[
                    Json::Number(Some(1)),
                    Json::Number(Some(0)),
                    Json::Bool(true),
                    Json::Bool(false),
                    Json::Null,
                    s("x")
                ][..]
            )
        );
        assert_eq!(doc.get("b"), Some(&Json::Object(Vec::new())));
        assert_eq!(doc.get("c"), Some(&Json::Array(Vec::new())));
        assert_eq!(doc.get("d"), Some(&Json::Number(None)));
        assert_eq!(doc.get("e"), Some(&Json::Number(None)));
        assert_eq!(doc.get("zzz"), None);
        assert_eq!(parse("18446744073709551615").and_then(|j| j.as_u64()), Some(u64::MAX));
        assert_eq!(parse("18446744073709551616"), Some(Json::Number(None)), "too big for a u64");
    }

    #[test]
    fn strings_decode_escapes_and_keep_unicode() {
        assert_eq!(parse(r#""a\"b\\c\/d\b\f\n\r\t""#), Some(s("a\"b\\c/d\u{8}\u{c}\n\r\t")));
        assert_eq!(parse(r#""\u00e9\u20AC\ud83d\ude00""#), Some(s("é€😀")));
        assert_eq!(parse("\"Jean-Pierre — “quoted” €\""), Some(s("Jean-Pierre — “quoted” €")));
        for lone in [r#""\ud83d""#, r#""\ude00""#, r#""\ud83d\u0041""#, r#""\u12""#, r#""\x""#] {
            assert_eq!(parse(lone), None, "{lone}");
        }
    }

    #[test]
    fn rejects_what_json_does_not_allow() {
        for bad in [
            "",
            " ",
            "{",
            "}",
            "[1,]",
            "{\"a\":1,}",
            "{a:1}",
            "'x'",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "tru",
            "nul",
            "\"unterminated",
            "\"tab\there\"",
            "[1] 2",
            "{\"a\" 1}",
            "NaN",
            "+1",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_last_duplicate_key_wins() {
        let doc = parse(r#"{"a":1,"a":2}"#).expect("valid");
        assert_eq!(doc.get("a").and_then(Json::as_u64), Some(2));
    }

    #[test]
    fn nesting_is_limited() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_some());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(parse(&deep), None);
        assert_eq!(parse(&"{\"a\":".repeat(100_000)), None, "no stack overflow");
    }

    #[test]
    fn agrees_with_serde_json_on_what_it_writes() {
        let text = serde_json::json!({
            "schema": 2, "list": [1, 2, {"x": "y\n\"z\""}], "none": null, "t": true, "s": "é\u{1}\u{7f}"
        })
        .to_string();
        let doc = parse(&text).expect("valid");
        assert_eq!(doc.get("schema").and_then(Json::as_u64), Some(2));
        assert_eq!(doc.get("s").and_then(Json::as_str), Some("é\u{1}\u{7f}"));
        assert_eq!(
            doc.get("list").and_then(Json::as_array).and_then(|l| l[2].get("x")).and_then(Json::as_str),
            Some("y\n\"z\"")
        );
    }

    proptest! {
        #[test]
        fn any_string_round_trips_through_serde_json(text in any::<String>()) {
            let json = serde_json::to_string(&text).expect("serializes");
            prop_assert_eq!(parse(&json), Some(Json::String(text)));
        }

        #[test]
        fn never_panics(text in any::<String>()) {
            let _ = parse(&text);
        }

        #[test]
        fn accepts_what_serde_json_accepts(text in "[\\[\\]{}\",:0-9a-z\\\\ .eE+-]{0,24}") {
            let theirs = serde_json::from_str::<serde_json::Value>(&text).is_ok();
            prop_assert_eq!(parse(&text).is_some(), theirs, "{:?}", text);
        }
    }
}
