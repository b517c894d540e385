//! What someone typed into a full-text search, as the words the index is asked for.
//!
//! The words are matched in every interface language at once: the post's language is known,
//! the searcher's is not. PostgreSQL stems the raw words with each language's configuration.
//! The SQLite index holds unstemmed, case- and diacritic-folded words, so each query word is
//! cut back to the stem the Snowball stemmers of the interface languages give it and looked up
//! as a word beginning (German "Anlagen" finds "Anlage", English "studies" finds "study").

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Most words of a query that count; the rest are ignored.
pub const MAX_WORDS: usize = 8;
/// Longest query word (in characters) that is kept; longer ones are cut.
const MAX_WORD_CHARS: usize = 64;
/// Words this short are matched whole, never as a beginning.
const WHOLE_WORD_CHARS: usize = 3;
/// A stem is never more than this many characters shorter than the word...
const MAX_CUT_CHARS: usize = 3;
/// ...nor shorter than this.
const MIN_STEM_CHARS: usize = 4;

/// The languages whose stemmers shape the SQLite prefixes (Polish has none: matched as typed,
/// as on PostgreSQL, whose Polish posts use the 'simple' configuration).
const STEMMED: [Algorithm; 5] =
    [Algorithm::English, Algorithm::German, Algorithm::Swedish, Algorithm::Danish, Algorithm::Finnish];

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchWord {
    /// Lower case, as typed (for PostgreSQL's own stemming).
    pub lower: String,
    /// What the SQLite index is asked for: a word beginning, or the whole word when `whole`.
    pub prefix: String,
    pub whole: bool,
}

/// A parsed query: at least one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchText {
    words: Vec<SearchWord>,
}

impl SearchText {
    /// The words of `raw` (letters and digits; everything else separates), or None when it
    /// has none.
    pub fn parse(raw: &str) -> Option<Self> {
        let words: Vec<SearchWord> = raw
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(MAX_WORDS)
            .map(|w| word(&w.chars().take(MAX_WORD_CHARS).collect::<String>().to_lowercase()))
            .collect();
        (!words.is_empty()).then_some(Self { words })
    }

    pub fn words(&self) -> &[SearchWord] {
        &self.words
    }

    /// The words separated by spaces, for PostgreSQL's `plainto_tsquery`.
    pub fn plain(&self) -> String {
        self.words.iter().map(|w| w.lower.as_str()).collect::<Vec<_>>().join(" ")
    }

    /// An FTS5 query: every word, each as a quoted word or word beginning (so nothing typed is
    /// read as query syntax).
    pub fn fts5_match(&self) -> String {
        self.words
            .iter()
            .map(|w| if w.whole { format!("\"{}\"", w.prefix) } else { format!("\"{}\"*", w.prefix) })
            .collect::<Vec<_>>()
            .join(" AND ")
    }

    /// Whether a word of a found text is one the query asked for (to highlight it).
    pub fn matches(&self, text_word: &str) -> bool {
        let folded = fold(&text_word.to_lowercase());
        self.words.iter().any(|w| if w.whole { folded == w.prefix } else { folded.starts_with(&w.prefix) })
    }
}

fn word(lower: &str) -> SearchWord {
    let folded = fold(lower);
    let length = folded.chars().count();
    if length <= WHOLE_WORD_CHARS || !lower.chars().all(char::is_alphabetic) {
        return SearchWord { lower: lower.to_owned(), prefix: folded, whole: true };
    }
    let shortest_allowed = length.saturating_sub(MAX_CUT_CHARS).max(MIN_STEM_CHARS);
    let kept = STEMMED
        .iter()
        .map(|algorithm| {
            let mut stem = fold(&Stemmer::create(*algorithm).stem(lower));
            // English stems turn a final y into i ("study", "studies": "studi"): the word
            // as written only shares what comes before it.
            if *algorithm == Algorithm::English && stem.ends_with('i') {
                stem.pop();
            }
            common_prefix_chars(&folded, &stem)
        })
        .min()
        .unwrap_or(length)
        .max(shortest_allowed);
    SearchWord { lower: lower.to_owned(), prefix: folded.chars().take(kept).collect(), whole: false }
}

/// Lower case without diacritics, as the SQLite tokenizer (`remove_diacritics 2`) folds words.
pub fn fold(text: &str) -> String {
    let decomposed: Cow<'_, str> = if text.is_ascii() { Cow::Borrowed(text) } else { text.nfd().collect() };
    decomposed.chars().filter(|c| !is_combining_mark(*c)).collect()
}

fn common_prefix_chars(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefixes(raw: &str) -> Vec<(String, bool)> {
        SearchText::parse(raw)
            .map(|t| t.words().iter().map(|w| (w.prefix.clone(), w.whole)).collect())
            .unwrap_or_default()
    }

    #[test]
    fn words_are_cut_back_to_their_stems() {
        assert_eq!(prefixes("Anlagen"), [("anlag".to_owned(), false)]);
        assert_eq!(prefixes("Häuser"), [("haus".to_owned(), false)]);
        assert_eq!(prefixes("studies"), [("stud".to_owned(), false)]);
        assert_eq!(prefixes("EU"), [("eu".to_owned(), true)]);
        assert_eq!(prefixes("2030"), [("2030".to_owned(), true)]);
    }

    #[test]
    fn syntax_is_never_passed_on() {
        let text = SearchText::parse(r#"solar" OR NEAR(x) * -minus ^col:"#).expect("words");
        assert_eq!(text.fts5_match(), r#""sola"* AND "or" AND "near"* AND "x" AND "minus"* AND "col""#);
        assert_eq!(SearchText::parse(" \"*()- "), None);
        assert_eq!(SearchText::parse(&"a ".repeat(40)).map(|t| t.words().len()), Some(MAX_WORDS));
    }

    #[test]
    fn found_words_are_recognised_for_highlighting() {
        let text = SearchText::parse("Solaranlagen eu").expect("words");
        assert!(text.matches("Solaranlage"));
        assert!(text.matches("SOLARANLAGEN"));
        assert!(text.matches("EU"));
        assert!(!text.matches("Europa"));
        assert!(!text.matches("Solar"));
    }
}
