//! The lookup tables compiled from the rules once per [`Rules`] and shared by every document:
//! phrase tables looked up at token positions ([`PhraseTable`]), the word sets and phrase
//! tables of every reader ([`Compiled`]), and the rules with their tables as the readers take
//! them ([`Tables`]), which also classify each token's word as it is cut.

// FxHash: the lookup tables are hit for every token; SipHash was a fifth of the run time.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;

use super::lexical;
use super::tokens::{self, Token, WordClass};
use super::words::{singular, stem_phrase};
use crate::rules::{LexiconRule, Rules};

/// Multi-word phrases looked up at token positions, longest first. The tables of [`Compiled`]
/// are looked up with tokens classified against it ([`Tables::tokenize_into`]): a token
/// without [`WordClass::PHRASE_FIRST`] (or `PHRASE_LAST`) starts (or ends) no phrase.
#[derive(Debug, Default)]
pub struct PhraseTable<T> {
    by_first: HashMap<String, Vec<(Vec<String>, T)>>,
    by_last: HashMap<String, Vec<(Vec<String>, T)>>,
}

impl<T: Clone> PhraseTable<T> {
    pub fn insert(&mut self, phrase: &str, value: T) {
        let words: Vec<String> = phrase_words(phrase);
        let (Some(first), Some(last)) = (words.first().cloned(), words.last().cloned()) else {
            return;
        };
        for (key, map) in [(first, &mut self.by_first), (last, &mut self.by_last)] {
            let list = map.entry(key).or_default();
            list.push((words.clone(), value.clone()));
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
    }

    /// The longest phrase that starts at token `i`: its length in tokens and its value.
    #[inline]
    pub fn at(&self, tokens: &[Token], i: usize) -> Option<(usize, &T)> {
        // A word that starts no phrase of any table is not looked up (most words, so this
        // test is inlined into the callers).
        if !tokens.get(i)?.class.has(WordClass::PHRASE_FIRST) {
            return None;
        }
        self.lookup_at(tokens, i)
    }

    fn lookup_at(&self, tokens: &[Token], i: usize) -> Option<(usize, &T)> {
        let list = self.by_first.get(&tokens.get(i)?.lower)?;
        list.iter().find_map(|(words, v)| {
            let ok = words.iter().enumerate().all(|(k, w)| {
                tokens.get(i + k).is_some_and(|tk| {
                    &tk.lower == w && (k == 0 || tk.sentence == tokens[i].sentence)
                })
            });
            ok.then_some((words.len(), v))
        })
    }

    /// Adds the first and the last words of this table's phrases to `firsts` and `lasts`.
    fn add_ends(&self, firsts: &mut HashSet<String>, lasts: &mut HashSet<String>) {
        firsts.extend(self.by_first.keys().cloned());
        lasts.extend(self.by_last.keys().cloned());
    }

    /// The longest phrase that ends right before token `end` (exclusive).
    #[inline]
    pub fn ending_before(&self, tokens: &[Token], end: usize) -> Option<(usize, &T)> {
        if !tokens
            .get(end.checked_sub(1)?)?
            .class
            .has(WordClass::PHRASE_LAST)
        {
            return None;
        }
        self.lookup_ending_before(tokens, end)
    }

    fn lookup_ending_before(&self, tokens: &[Token], end: usize) -> Option<(usize, &T)> {
        let list = self.by_last.get(&tokens.get(end.checked_sub(1)?)?.lower)?;
        list.iter().find_map(|(words, v)| {
            let n = words.len();
            if n > end {
                return None;
            }
            let ok = words
                .iter()
                .enumerate()
                .all(|(k, w)| tokens[end - n + k].lower == *w);
            ok.then_some((n, v))
        })
    }
}

/// Splits a rules phrase into the words the tokenizer would make of it.
fn phrase_words(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in phrase.split_whitespace() {
        let w = w.to_lowercase().replace('’', "'");
        // Split leading/trailing punctuation the tokenizer keeps apart ("(photo:" -> "(", "photo", ":").
        let mut rest = w.as_str();
        let mut tail = Vec::new();
        while let Some(c) = rest.chars().next().filter(|c| !c.is_alphanumeric()) {
            out.push(c.to_string());
            rest = &rest[c.len_utf8()..];
        }
        while let Some(c) = rest
            .chars()
            .last()
            .filter(|c| !c.is_alphanumeric() && *c != '.')
        {
            tail.push(c.to_string());
            rest = &rest[..rest.len() - c.len_utf8()];
        }
        if !rest.is_empty() {
            out.push(rest.to_string());
        }
        out.extend(tail.into_iter().rev());
    }
    out
}

/// Lookup tables compiled from the rules, built once per [`Rules`] and shared.
#[derive(Debug, Default)]
pub struct Compiled {
    pub abbreviations: HashSet<String>,
    pub number_phrases: PhraseTable<(Option<f64>, Option<f64>)>,
    /// Qualifier index into `rules.qualifiers`, for those before the figure.
    pub qualifiers_before: PhraseTable<usize>,
    pub qualifiers_after: PhraseTable<usize>,
    pub increment_before: PhraseTable<()>,
    pub increment_after: PhraseTable<()>,
    /// Unit index into `rules.units`, by the words after the figure.
    pub unit_names: PhraseTable<usize>,
    /// Unit index by the symbol or code before the figure ("$", "us$").
    pub unit_prefixes: HashMap<String, usize>,
    /// Property index into `rules.properties`, by trigger words.
    pub property_words: PhraseTable<usize>,
    /// Trigger words and nouns of the properties read with the victim grammar.
    pub victim_words: PhraseTable<usize>,
    pub victim_nouns: PhraseTable<usize>,
    /// Event nouns a multiple before them counts in victims ("double homicide"), by property.
    pub counted_events: PhraseTable<usize>,
    pub person_nouns: HashSet<String>,
    pub events: PhraseTable<String>,
    pub planned: PhraseTable<()>,
    pub hypothetical: PhraseTable<()>,
    pub negations: PhraseTable<()>,
    pub retractions: PhraseTable<()>,
    /// Phrases that make a casualty figure a tally over many events ("separate shootings").
    pub tallies: PhraseTable<()>,
    /// Words for victims casualty tallies do not count ("unborn").
    pub uncounted_victims: HashSet<String>,
    pub renaming: PhraseTable<()>,
    pub stop_words: HashSet<String>,
    pub generic_heads: HashSet<String>,
    pub product_kinds: HashSet<String>,
    pub name_suffixes: HashSet<String>,
    pub not_names: HashSet<String>,
    pub street_words: HashSet<String>,
    pub ordinals: HashSet<String>,
    pub title_heads: HashSet<String>,
    pub ranks: HashSet<String>,
    pub honorifics: HashSet<String>,
    pub jurisdictions: HashSet<String>,
    pub title_connectors: HashSet<String>,
    /// Every word that appears in a post's variants ("defense", "joint", "chiefs").
    pub post_words: HashSet<String>,
    /// What a title names, by the title folded with [`normal_title`]: a post's name
    /// for one of its variants, or a broader description as written; the first post listed
    /// wins.
    pub post_titles: HashMap<String, String>,
    /// The word lists that tie figures to a document's topic.
    pub topic: TopicWords,
    /// The class of every lowercase word that has one (see [`Tables::class_of`]).
    word_classes: HashMap<String, WordClass>,
    /// The first and the last words of the phrases of every phrase table above.
    phrase_firsts: HashSet<String>,
    phrase_lasts: HashSet<String>,
}

impl Compiled {
    pub fn new(rules: &Rules) -> Self {
        let mut c = Compiled::default();
        let set = |v: &[String]| -> HashSet<String> { v.iter().cloned().collect() };
        c.abbreviations = set(&rules.lexicon.abbreviations);
        c.abbreviations.extend(
            rules
                .title_words
                .ranks
                .iter()
                .filter(|r| r.ends_with('.'))
                .cloned(),
        );
        c.abbreviations.extend(
            rules
                .title_words
                .honorifics
                .iter()
                .filter(|r| r.ends_with('.'))
                .cloned(),
        );
        c.abbreviations.extend(
            rules
                .lexicon
                .street_words
                .iter()
                .filter(|r| r.ends_with('.'))
                .cloned(),
        );
        for p in &rules.number_phrases {
            c.number_phrases.insert(&p.text, (p.low, p.high));
        }
        for (idx, q) in rules.qualifiers.iter().enumerate() {
            for p in &q.phrases {
                match q.position {
                    crate::rules::QualifierPosition::Before => c.qualifiers_before.insert(p, idx),
                    crate::rules::QualifierPosition::After => c.qualifiers_after.insert(p, idx),
                }
            }
        }
        for p in &rules.increment.before {
            c.increment_before.insert(p, ());
        }
        for p in &rules.increment.after {
            c.increment_after.insert(p, ());
        }
        for (idx, u) in rules.units.iter().enumerate() {
            for n in &u.names {
                c.unit_names.insert(n, idx);
            }
            for p in &u.prefixes {
                c.unit_prefixes.entry(p.to_lowercase()).or_insert(idx);
            }
        }
        for (idx, p) in rules.properties.iter().enumerate() {
            for w in p.words.iter().chain(&p.nouns) {
                c.property_words.insert(w, idx);
            }
            if p.victims {
                for w in &p.words {
                    c.victim_words.insert(w, idx);
                }
                for w in &p.nouns {
                    c.victim_nouns.insert(w, idx);
                }
                for w in &p.counted_events {
                    c.counted_events.insert(w, idx);
                }
            }
        }
        c.person_nouns = set(&rules.lexicon.person_nouns);
        for (word, key) in &rules.events {
            c.events.insert(word, key.clone());
        }
        for w in &rules.lexicon.planned {
            c.planned.insert(w, ());
        }
        for w in &rules.lexicon.hypothetical {
            c.hypothetical.insert(w, ());
        }
        for w in &rules.lexicon.negations {
            c.negations.insert(w, ());
        }
        for w in &rules.lexicon.retractions {
            c.retractions.insert(w, ());
        }
        for w in &rules.lexicon.tallies {
            c.tallies.insert(w, ());
        }
        c.uncounted_victims = set(&rules.lexicon.uncounted_victims);
        for r in &rules.lexicon.renaming {
            c.renaming.insert(r, ());
        }
        c.stop_words = set(&rules.lexicon.stop_words);
        c.generic_heads = set(&rules.lexicon.generic_heads);
        c.product_kinds = set(&rules.lexicon.product_kinds);
        c.name_suffixes = set(&rules.lexicon.name_suffixes);
        c.not_names = set(&rules.lexicon.not_names);
        c.street_words = set(&rules.lexicon.street_words);
        c.ordinals = rules.ordinals.iter().cloned().collect();
        let tw = &rules.title_words;
        c.title_heads = set(&tw.heads);
        c.ranks = set(&tw.ranks);
        c.honorifics = set(&tw.honorifics);
        c.jurisdictions = set(&tw.jurisdictions);
        c.title_connectors = set(&tw.connectors);
        for post in &rules.posts {
            for v in post.variants.iter().chain(&post.broader) {
                for w in phrase_words(&rules.fold_phrase(v)) {
                    // "of", "the", "under" are in many posts but make nothing a title.
                    if c.title_connectors.contains(&w) || c.stop_words.contains(&w) {
                        continue;
                    }
                    c.post_words.insert(w);
                }
            }
            for v in &post.variants {
                c.post_titles
                    .entry(normal_title(rules, v))
                    .or_insert_with(|| post.name.clone());
            }
            for b in &post.broader {
                c.post_titles
                    .entry(normal_title(rules, b))
                    .or_insert_with(|| b.clone());
            }
        }
        c.topic = TopicWords::new(&rules.lexicon);
        (c.phrase_firsts, c.phrase_lasts) = c.phrase_ends();
        // Every word in a set a class is made of, and every spelling that folds to one.
        let words: HashSet<&str> = [
            &c.title_heads,
            &c.ranks,
            &c.jurisdictions,
            &c.honorifics,
            &c.post_words,
            &c.not_names,
            &c.name_suffixes,
            &c.phrase_firsts,
            &c.phrase_lasts,
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .chain(rules.spelling.keys().map(String::as_str))
        .chain(lexical::figure_words(rules))
        .chain(c.number_phrases.by_first.keys().map(String::as_str))
        .chain(["a", "one", "half"])
        .collect();
        let classes: Vec<(String, WordClass)> = words
            .into_iter()
            .filter(|w| is_lowercase(w))
            .map(|w| (w.to_string(), c.class_by_sets(rules, w)))
            .filter(|(_, class)| *class != WordClass::default())
            .collect();
        c.word_classes = classes.into_iter().collect();
        c
    }

    /// The first and the last words of the phrases of every phrase table. (Every field is
    /// named, so that a new table cannot be left out: the tables skip words without these
    /// classes.)
    fn phrase_ends(&self) -> (HashSet<String>, HashSet<String>) {
        let Compiled {
            abbreviations: _,
            number_phrases,
            qualifiers_before,
            qualifiers_after,
            increment_before,
            increment_after,
            unit_names,
            unit_prefixes: _,
            property_words,
            victim_words,
            victim_nouns,
            counted_events,
            person_nouns: _,
            events,
            planned,
            hypothetical,
            negations,
            retractions,
            tallies,
            uncounted_victims: _,
            renaming,
            stop_words: _,
            generic_heads: _,
            product_kinds: _,
            name_suffixes: _,
            not_names: _,
            street_words: _,
            ordinals: _,
            title_heads: _,
            ranks: _,
            honorifics: _,
            jurisdictions: _,
            title_connectors: _,
            post_words: _,
            post_titles: _,
            topic: _,
            word_classes: _,
            phrase_firsts: _,
            phrase_lasts: _,
        } = self;
        let (mut firsts, mut lasts) = (HashSet::default(), HashSet::default());
        number_phrases.add_ends(&mut firsts, &mut lasts);
        qualifiers_before.add_ends(&mut firsts, &mut lasts);
        qualifiers_after.add_ends(&mut firsts, &mut lasts);
        increment_before.add_ends(&mut firsts, &mut lasts);
        increment_after.add_ends(&mut firsts, &mut lasts);
        unit_names.add_ends(&mut firsts, &mut lasts);
        property_words.add_ends(&mut firsts, &mut lasts);
        victim_words.add_ends(&mut firsts, &mut lasts);
        victim_nouns.add_ends(&mut firsts, &mut lasts);
        counted_events.add_ends(&mut firsts, &mut lasts);
        events.add_ends(&mut firsts, &mut lasts);
        planned.add_ends(&mut firsts, &mut lasts);
        hypothetical.add_ends(&mut firsts, &mut lasts);
        negations.add_ends(&mut firsts, &mut lasts);
        retractions.add_ends(&mut firsts, &mut lasts);
        tallies.add_ends(&mut firsts, &mut lasts);
        renaming.add_ends(&mut firsts, &mut lasts);
        (firsts, lasts)
    }

    /// The class of a token's lowercase form, from the sets themselves.
    fn class_by_sets(&self, rules: &Rules, lower: &str) -> WordClass {
        let mut class = WordClass::default();
        let listed = |sets: &[&HashSet<String>]| sets.iter().any(|s| s.contains(lower));
        let (heads, ranks, places, courtesy) = (
            &self.title_heads,
            &self.ranks,
            &self.jurisdictions,
            &self.honorifics,
        );
        if listed(&[heads, ranks, places, courtesy])
            || self.post_words.contains(&*rules.fold_word(lower))
        {
            class = class.with(WordClass::TITLE);
        }
        if listed(&[heads]) {
            class = class.with(WordClass::TITLE_HEAD);
        }
        if listed(&[&self.not_names, heads, places, ranks, courtesy]) {
            class = class.with(WordClass::NOT_IN_NAME);
        }
        if listed(&[&self.name_suffixes]) {
            class = class.with(WordClass::NAME_SUFFIX);
        }
        if lexical::may_start_figure(rules, lower)
            || self.number_phrases.by_first.contains_key(lower)
        {
            class = class.with(WordClass::NUMBER);
        }
        if self.phrase_firsts.contains(lower) {
            class = class.with(WordClass::PHRASE_FIRST);
        }
        if self.phrase_lasts.contains(lower) {
            class = class.with(WordClass::PHRASE_LAST);
        }
        class
    }
}

/// A word that lowercasing leaves as it is (so that folding its spelling is looking it up in
/// the spelling table): every character its own lowercase. ("Σ" is not, so a final sigma
/// never makes a difference.)
fn is_lowercase(w: &str) -> bool {
    if w.is_ascii() {
        return !w.bytes().any(|b| b.is_ascii_uppercase());
    }
    w.chars().all(|c| {
        let mut lower = c.to_lowercase();
        lower.next() == Some(c) && lower.next().is_none()
    })
}

/// The rules and their compiled tables, as the readers use them.
pub struct Tables<'a> {
    pub rules: &'a Rules,
    pub c: Arc<Compiled>,
}

impl<'a> Tables<'a> {
    pub fn new(rules: &'a Rules) -> Self {
        Tables {
            rules,
            c: rules.cached(Compiled::new),
        }
    }

    /// Cuts `ranges` of `text` into `out` (see [`tokens::tokenize_ranges_into`]) and gives
    /// every token its [`WordClass`].
    pub fn tokenize_into(
        &self,
        out: &mut tokens::Tokens,
        text: &str,
        ranges: &[std::ops::Range<usize>],
    ) {
        tokens::tokenize_ranges_into(out, text, ranges, &self.c.abbreviations, |lower| {
            self.class_of(lower)
        });
    }

    /// The class of a token's lowercase form. A lowercase word has the class the table holds
    /// for it or none (every lowercase word of the sets and every spelling variant is in the
    /// table); anything else is looked up in the sets.
    pub fn class_of(&self, lower: &str) -> WordClass {
        if is_lowercase(lower) {
            return self.c.word_classes.get(lower).copied().unwrap_or_default();
        }
        self.c.class_by_sets(self.rules, lower)
    }

    /// The bound a hedge of the rules ending right before token `end` puts on the figure
    /// there ("more than", "at least", "up to", "younger than"), with its length in tokens;
    /// none for a band ("about") or no hedge.
    pub fn bound_before(&self, tokens: &[Token], end: usize) -> Option<Bound> {
        let (len, &q) = self.c.qualifiers_before.ending_before(tokens, end)?;
        let rule = self.rules.qualifiers.get(q)?;
        let lower = match rule.interval {
            crate::rules::IntervalShape::Above => true,
            crate::rules::IntervalShape::Below => false,
            _ => return None,
        };
        // The sign a label shows (`quantity::value`): `>` and `<` exclude the figure.
        let sign = rule
            .sign
            .as_deref()
            .unwrap_or(if lower { ">" } else { "≤" });
        Some(Bound {
            len,
            lower,
            strict: matches!(sign, ">" | "<"),
        })
    }

    pub fn number_phrase_at(
        &self,
        tokens: &[Token],
        i: usize,
    ) -> Option<(usize, Option<f64>, Option<f64>)> {
        self.c
            .number_phrases
            .at(tokens, i)
            .map(|(len, (low, high))| (len, *low, *high))
    }
}

/// A bound a hedge puts on the figure after it ([`Tables::bound_before`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound {
    /// The hedge's length in tokens.
    pub len: usize,
    /// Whether the figure is a lower bound ("more than 40") rather than an upper one.
    pub lower: bool,
    /// Whether the figure itself is left out ("more than", not "at least").
    pub strict: bool,
}

/// A title folded for comparison: lowercase, British spellings folded, periods dropped.
pub fn normal_title(rules: &crate::rules::Rules, title: &str) -> String {
    rules.fold_phrase(&title.to_lowercase().replace(['.', ','], ""))
}

/// The lexicon's word lists the topic reader ([`super::topic`]) reads, as sets.
#[derive(Debug, Clone, Default)]
pub struct TopicWords {
    pub headline_words: HashSet<String>,
    pub partial_modifiers: HashSet<String>,
    pub contrast_modifiers: HashSet<String>,
    pub scope_words: HashMap<String, String>,
    pub name_aliases: HashMap<String, String>,
    pub events: HashSet<String>,
    /// A property word's stem (or a phrase's, word by word) to the property's name.
    pub synonyms: HashMap<String, String>,
    pub figure_verbs: HashSet<String>,
}

impl TopicWords {
    pub fn new(lexicon: &LexiconRule) -> Self {
        let set = |v: &[String]| v.iter().cloned().collect::<HashSet<String>>();
        Self {
            headline_words: set(&lexicon.headline_words),
            partial_modifiers: set(&lexicon.partial_modifiers),
            contrast_modifiers: set(&lexicon.contrast_modifiers),
            scope_words: lexicon
                .scope_words
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            name_aliases: lexicon
                .name_aliases
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            events: set(&lexicon.topic_events),
            synonyms: lexicon
                .property_synonyms
                .iter()
                .flat_map(|(name, words)| {
                    std::iter::once(name).chain(words).flat_map(move |w| {
                        [(singular(w), name.clone()), (stem_phrase(w), name.clone())]
                    })
                })
                .collect(),
            figure_verbs: set(&lexicon.figure_verbs),
        }
    }

    /// A property under the name the lexicon gives its leading words ("earned worldwide" is
    /// "gross worldwide" when `gross` lists "earned"), or as it is.
    pub fn named(&self, property: &str) -> String {
        let words: Vec<&str> = property.split_whitespace().collect();
        for len in (1..=words.len().min(3)).rev() {
            let lead = words[..len].join(" ");
            if let Some(name) = self.synonym(&lead) {
                let mut named = name.clone();
                for w in &words[len..] {
                    named.push(' ');
                    named.push_str(w);
                }
                return named;
            }
        }
        property.to_string()
    }

    /// The property a word or phrase names, if the lexicon lists it: the word as written (in the
    /// singular), or its stem when that keeps four letters or more ("earning" is "earn"; "rate"
    /// is not "rated", whose stem is too short to tell them apart).
    pub fn synonym(&self, phrase: &str) -> Option<&String> {
        self.synonyms.get(&singular(phrase)).or_else(|| {
            let stemmed = stem_phrase(phrase);
            (stemmed.split_whitespace().all(|w| w.chars().count() >= 4))
                .then(|| self.synonyms.get(&stemmed))
                .flatten()
        })
    }
}
