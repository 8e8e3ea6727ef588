//! Typed indices into the parser's lists, so that a sentence index cannot be
//! used for a mention or a quote. Each is a `u32` stored off by one in a
//! `NonZeroU32`, so `Option<Id>` takes no more room than the id itself and
//! "none" needs no placeholder value.

use std::num::NonZeroU32;

macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub(crate) struct $name(NonZeroU32);

        impl $name {
            /// The id of item `index` (lists longer than `u32::MAX - 1` share the last id).
            pub fn new(index: usize) -> Self {
                let index = u32::try_from(index).unwrap_or(u32::MAX - 1);
                $name(NonZeroU32::MIN.saturating_add(index))
            }

            /// The position of the item in its list.
            pub fn index(self) -> usize {
                (self.0.get() - 1) as usize
            }
        }
    };
}

index_type!(
    /// An outermost quote, as the lexer numbers them (the tokens inside it carry it).
    QuoteId
);
index_type!(
    /// A sentence: index into [`super::doc::Doc::sents`].
    SentId
);
index_type!(
    /// A match of the knowledge files' aliases in the article (in `mentions`).
    GazId
);
index_type!(
    /// A mention: index into [`super::entities::Entities::mentions`].
    MentionId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_none_costs_nothing() {
        for i in [0usize, 1, 41, u32::MAX as usize - 1] {
            assert_eq!(SentId::new(i).index(), i);
        }
        assert_eq!(std::mem::size_of::<Option<MentionId>>(), 4);
        assert!(QuoteId::new(3) < QuoteId::new(4));
    }
}
