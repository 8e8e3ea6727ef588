//! The breakdown on its way from the parser (in its Web Worker, or loaded on
//! the page as the fallback) to the UI: [postcard], a compact binary form of
//! the same serde types as the JSON, several times smaller and faster to read
//! than JSON, so the page spends little time taking in the answer of a long text.
//!
//! Both ends are built from the same source in one build, but the two wasms are
//! separate files: a page could meet a parser of another build (an HTTP cache
//! serving an old worker). Every message therefore starts with [`WIRE_ID`], a
//! hash of the model's source, and [`decode`] refuses any other.

use crate::parser::Breakdown;

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

/// Identifies the shape of [`Breakdown`]: changes whenever `parser/model.rs` does.
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
    let bytes = WIRE_ID.to_le_bytes().to_vec();
    postcard::to_extend(breakdown, bytes).map_err(|e| WireError::Malformed(e.to_string()))
}

/// The breakdown [`encode`] wrote (of this build).
pub fn decode(bytes: &[u8]) -> Result<Breakdown, WireError> {
    let body = bytes.strip_prefix(&WIRE_ID.to_le_bytes()).ok_or(WireError::OtherBuild)?;
    postcard::from_bytes(body).map_err(|e| WireError::Malformed(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::parse;

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
}
