//! Between the UI and the parser (in its Web Worker, or loaded on the page as
//! the fallback): the parse [`Options`] on their way there, with the text (a
//! JS string, sent as it is), and the breakdown on its way back. Both as
//! [postcard], a compact binary form of the same serde types as the JSON,
//! several times smaller and faster to read than JSON, so the page spends
//! little time taking in the answer of a long text.
//!
//! Both ends are built from the same source in one build, but the two wasms are
//! separate files: a page could meet a parser of another build (an HTTP cache
//! serving an old worker). Every message therefore starts with [`WIRE_ID`], a
//! hash of the source of both types (`parser/model.rs`), and each end refuses
//! any other: the parser a request of another build ([`decode_options`]), the
//! page an answer ([`decode`]).

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::parser::{Breakdown, Options};

/// FNV-1a (64-bit) of `bytes`, usable in constants.
const fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u64).wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}

/// Identifies the shapes of [`Breakdown`] and [`Options`]: changes whenever
/// `parser/model.rs`, which defines both, does.
pub const WIRE_ID: u64 = fnv1a(include_bytes!("parser/model.rs"));

/// Why an answer could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WireError {
    /// The answer comes from a parser of another build.
    OtherBuild,
    /// The bytes are not a breakdown.
    Malformed(String),
}

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WireError::OtherBuild => f.write_str("the parser belongs to another version of Factsheet"),
            WireError::Malformed(why) => write!(f, "the parser's answer is unreadable ({why})"),
        }
    }
}

impl std::error::Error for WireError {}

/// `breakdown` as bytes for [`decode`].
pub fn encode(breakdown: &Breakdown) -> Result<Vec<u8>, WireError> {
    encode_with_id(breakdown)
}

/// The breakdown [`encode`] wrote (of this build).
pub fn decode(bytes: &[u8]) -> Result<Breakdown, WireError> {
    decode_with_id(bytes)
}

/// `options` as bytes for [`decode_options`] (sent with a text to the parser).
pub fn encode_options(options: &Options) -> Result<Vec<u8>, WireError> {
    encode_with_id(options)
}

/// The options [`encode_options`] wrote (of this build).
pub fn decode_options(bytes: &[u8]) -> Result<Options, WireError> {
    decode_with_id(bytes)
}

fn encode_with_id(value: &impl Serialize) -> Result<Vec<u8>, WireError> {
    let bytes = WIRE_ID.to_le_bytes().to_vec();
    postcard::to_extend(value, bytes).map_err(|e| WireError::Malformed(e.to_string()))
}

fn decode_with_id<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, WireError> {
    let body = bytes.strip_prefix(&WIRE_ID.to_le_bytes()).ok_or(WireError::OtherBuild)?;
    postcard::from_bytes(body).map_err(|e| WireError::Malformed(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::{parse, parse_with};

    const SEED: &str = include_str!("../tests/fixtures/seed-us-hamas-talks.txt");

    #[test]
    fn a_breakdown_comes_back_whole() {
        for text in [SEED, "", "\"Yes,\" Ann Lee said. Over 2,000 people came on Sunday.", "«Non», a dit M. Dupont."]
        {
            let b = parse(text);
            let bytes = encode(&b).expect("encodes");
            assert_eq!(decode(&bytes).as_ref(), Ok(&b), "{text:?}");
        }
    }

    #[test]
    fn it_is_much_smaller_than_the_json() {
        let b = parse(SEED);
        let bytes = encode(&b).expect("encodes").len();
        let json = serde_json::to_string(&b).expect("JSON").len();
        assert!(bytes * 2 < json, "{bytes} bytes vs {json} of JSON");
    }

    #[test]
    fn answers_of_another_build_or_broken_ones_are_refused() {
        let mut bytes = encode(&parse(SEED)).expect("encodes");
        assert_eq!(decode(&bytes[..4]), Err(WireError::OtherBuild));
        assert!(matches!(decode(&bytes[..bytes.len() / 2]), Err(WireError::Malformed(_))));
        bytes[0] ^= 1;
        assert_eq!(decode(&bytes), Err(WireError::OtherBuild));
        assert!(decode(&WIRE_ID.to_le_bytes()).is_err(), "no breakdown after the id");
    }

    #[test]
    fn options_come_through_and_other_builds_are_refused() {
        let options = Options { article_lines: vec!["Most read".into(), "Ünïcode — line".into()] };
        let bytes = encode_options(&options).expect("encodes");
        assert_eq!(decode_options(&bytes), Ok(options.clone()));
        assert_eq!(decode_options(&encode_options(&Options::default()).expect("encodes")), Ok(Options::default()));
        let mut other = bytes.clone();
        other[3] ^= 0x40;
        assert_eq!(decode_options(&other), Err(WireError::OtherBuild));
        assert_eq!(decode_options(&[]), Err(WireError::OtherBuild), "a request without options");
        assert!(matches!(decode_options(&bytes[..bytes.len() - 3]), Err(WireError::Malformed(_))));
    }

    #[test]
    fn the_options_change_the_breakdown_they_come_back_with() {
        // A page pasted as text: its related topic "Strikes" is furniture unless kept.
        let page = include_str!("../tests/fixtures/pages/broadcaster-ferry-strike.txt");
        let line = "Strikes";
        let plain = parse(page);
        let options = decode_options(&encode_options(&Options { article_lines: vec![line.into()] }).expect("encodes"))
            .expect("decodes");
        let kept = decode(&encode(&parse_with(page, &options)).expect("encodes")).expect("decodes");
        let role_of = |b: &Breakdown| {
            b.paragraphs
                .iter()
                .find(|p| p.span.of(page).trim() == line)
                .map(|p| p.role)
                .expect("the line is a paragraph")
        };
        assert_eq!(role_of(&plain), crate::parser::ParagraphRole::Furniture);
        assert_ne!(role_of(&kept), crate::parser::ParagraphRole::Furniture, "kept as article text");
    }
}
