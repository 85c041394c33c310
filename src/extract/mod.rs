//! Extract: finds the claims one document states.
//!
//! The text is cut into tokens and sentences ([`tokens`]) with the lookup tables built from
//! the rules once and shared by every document ([`tables`]); dates and times are found first
//! ([`dates`]) so their digits are never read as counts; the document's shared facts (its
//! title, addresses and boilerplate lines) and the context every builder reads are in
//! [`document`]. Then the claim builders run: every remaining figure is read ([`numbers`]) and
//! turned into a quantity claim with its hedge, unit, subject and property ([`quantity`]);
//! titles before people's names become role claims ([`roles`]). This module only runs them in
//! order and resolves their claims against each other.
//!
//! Extraction is a pure function of the document and the rules.

pub mod casualty;
pub mod dates;
pub mod dating;
pub mod document;
pub mod event;
pub mod grammar;
pub mod labels;
pub mod lexical;
pub mod modality;
pub mod names;
pub mod numbers;
pub mod places;
pub mod quantity;
pub mod quotes;
pub mod rank;
pub mod roles;
pub mod score;
pub mod subject;
pub mod tables;
pub mod tokens;
pub mod topic;
pub mod words;

// The crate's public paths of the shared context and tables, which live on their own floors.
pub use document::{Context, Draft};
pub use labels::date_label;
pub use tables::{Compiled, PhraseTable, Tables};

use crate::model::{Claim, ClaimKind, DateValue, DocId, Document, Value};
use crate::rules::Rules;
use crate::text::LineIndex;
use document::{addresses, boilerplate_lines, title_range};

thread_local! {
    /// Token vectors kept between the documents one thread reads, so that they are allocated
    /// once per thread rather than grown for every document.
    static SCRATCH: std::cell::Cell<tokens::Tokens> = std::cell::Cell::default();
}

/// Every claim (and every recognised figure without a subject) in one document, by offset.
pub fn extract(id: DocId, doc: &Document, rules: &Rules) -> Vec<Claim> {
    let tables = Tables::new(rules);
    let text = doc.text.as_str();
    let start = doc.body_start.min(text.len());
    // The title in the front matter is read too: headlines state the figures most plainly.
    let mut ranges = Vec::new();
    if let Some(title) = title_range(text, start) {
        ranges.push(title);
    }
    ranges.push(start..text.len());
    // The token vectors of this thread's previous document, refilled.
    let mut toks = SCRATCH.take();
    tables.tokenize_into(&mut toks, text, &ranges);
    let boilerplate = boilerplate_lines(text, start, &tables);
    let index = LineIndex::new(text);
    let mut mentions = dates::find_dates(text, start, text.len(), rules);
    if let Some(title) = title_range(text, start) {
        let mut in_title = dates::find_dates(text, title.start, title.end, rules);
        in_title.append(&mut mentions);
        mentions = in_title;
    }

    let retracting = modality::retracting_buts(&toks.tokens, &toks.sentences, &tables.c);
    let ctx = Context {
        text,
        tokens: &toks.tokens,
        sentences: &toks.sentences,
        t: &tables,
        retracting: &retracting,
    };

    let mut drafts: Vec<Draft> = Vec::new();
    // Tokens inside web and mail addresses, dates and times are not figures.
    let mut taken = vec![false; toks.tokens.len()];
    let addresses = addresses(text, start);
    for r in &addresses {
        let first = toks.tokens.partition_point(|tk| tk.end <= r.start);
        for (tok, flag) in toks.tokens[first..].iter().zip(&mut taken[first..]) {
            if tok.start >= r.end {
                break;
            }
            *flag = true;
        }
    }
    let mentions: Vec<_> = mentions
        .into_iter()
        .filter(|m| !addresses.iter().any(|r| r.start < m.end && m.start < r.end))
        .collect();
    for m in &mentions {
        let first = toks.tokens.partition_point(|tk| tk.end <= m.start);
        let mut k = first;
        while k < toks.tokens.len() && toks.tokens[k].start < m.end {
            taken[k] = true;
            k += 1;
        }
        if let dates::MentionKind::Date(value) = &m.kind {
            drafts.push(date_draft(&ctx, m.start, m.end, *value, first));
        }
    }
    let today = lexical::relative::document_date(doc.meta.date.as_deref());
    if let Some(today) = today {
        // A report whose web address carries another day than its front matter: every day
        // worked out from its date is in doubt.
        let anchor_doubt = lexical::relative::anchor_in_doubt(doc.meta.url.as_deref(), today)
            .then_some(lexical::relative::ADDRESS_DATE);
        let known = dates::known_dates(&toks.tokens, &mentions);
        for r in lexical::relative::find_relative(&toks.tokens, rules, today, &taken, &known) {
            let (start, end) = (toks.tokens[r.first].start, toks.tokens[r.last].end);
            // A date told in words that takes a written date in replaces it.
            drafts.retain(|d| !(d.kind == ClaimKind::Date && d.start >= start && d.end <= end));
            let mut d = date_draft(&ctx, start, end, r.value, r.first);
            for why in r.doubt.into_iter().chain(anchor_doubt) {
                d.doubts
                    .push(crate::model::Doubt::new(crate::model::Aspect::Time, why));
            }
            drafts.push(d);
            for flag in &mut taken[r.first..=r.last] {
                *flag = true;
            }
        }
        dating::detach_out_of_time(&mut drafts, today, &rules.incidents);
    }
    dating::settle_dates(&ctx, &mut drafts, today);
    drafts.extend(roles::find_roles(&ctx));
    drafts.extend(quotes::find_quotes(&ctx));
    drafts.extend(places::find_places(&ctx));
    drafts.extend(casualty::find_casualties(&ctx, &mut taken));
    if let Some(today) = today {
        casualty::drop_earlier_events(&ctx, &mut drafts, today);
    }
    // The front matter's topic, or an undated page's title (a dated report's title is a
    // headline).
    let named = match (&doc.meta.topic, &doc.meta.date) {
        (Some(topic), _) => Some((topic.as_str(), true)),
        (None, None) => doc.meta.title.as_deref().map(|t| (t, false)),
        (None, Some(_)) => None,
    };
    let topic = named.and_then(|(name, explicit)| topic::topic(&ctx, name, explicit));
    // A topic's scores ("7.9/10") are read before its plain figures take their digits.
    if topic.is_some() {
        drafts.extend(score::find_scores(&ctx, &mut taken));
    }
    drafts.extend(quantity::find_quantities(&ctx, &mut taken));
    quantity::ages_named_later(&ctx, &mut drafts);
    if let Some(topic) = topic {
        drafts.extend(rank::find_ranks(&ctx, &taken));
        topic::attach(&ctx, &topic, &mut drafts);
        topic::attach_dates(&ctx, &topic, &mut drafts);
    }

    drafts.retain(|d| {
        !boilerplate
            .iter()
            .any(|r| r.start <= d.start && d.end <= r.end)
    });
    drafts.sort_by_key(|d| (d.start, d.end));
    quantity::inherit_increments(&mut drafts);
    for d in &mut drafts {
        if d.kind == ClaimKind::Quantity {
            let first = toks.tokens.partition_point(|t| t.end <= d.start);
            let last = toks
                .tokens
                .partition_point(|t| t.start < d.phrase_end())
                .saturating_sub(1);
            if first <= last && last < toks.tokens.len() {
                d.modality = modality::modality_of(&ctx, first, last);
            }
        }
    }
    // A figure the report denies or takes back is no claim of the report: "not four but
    // five" states five, and "early reports said one person had died, but that proved to be
    // incorrect" states no death.
    drafts.retain(|d| d.modality != crate::model::Modality::Negated);
    for d in &mut drafts {
        // "a 2. 3 GHz processor": a decimal broken apart by re-spacing reads as two figures.
        let before = &text.as_bytes()[..d.start];
        if d.kind == ClaimKind::Quantity
            && before.ends_with(b". ")
            && before.len() >= 3
            && before[before.len() - 3].is_ascii_digit()
        {
            d.doubts.push(crate::model::Doubt::new(
                crate::model::Aspect::Value,
                "the figure may be the decimals of the one before it, spaced apart",
            ));
        }
        let first = toks.tokens.partition_point(|t| t.end <= d.start);
        let indefinite = first > 0 && matches!(ctx.lower(first - 1), "a" | "an" | "another");
        if indefinite {
            doubt_common_subject(d, rules);
        }
    }

    SCRATCH.set(toks);

    let mut cursor = index.cursor(text);
    drafts
        .into_iter()
        .map(|d| Claim {
            doc: id,
            span: cursor.span(d.start, d.end),
            text: text[d.start..d.end].to_string(),
            kind: d.kind,
            subject: d.subject,
            property: d.property,
            increment: d.increment,
            modality: d.modality,
            scope: d.scope,
            doubts: d.doubts,
            base: base_value(&d.value, rules),
            value: d.value,
            label: d.label,
            noun: d
                .noun_end
                .and_then(|e| text.get(d.end..e))
                .filter(|words| words.contains('('))
                .map(Box::from),
        })
        .collect()
}

/// A figure that introduces its subject, one common noun, with an indefinite article ("a
/// two-year sentence", "a $20,000 reward") may be about any of several of its kind that one
/// story tells of (two defendants' sentences, a reward raised): it is not definite about its
/// subject. "The 40-metre span" is the one the story means. The report's incident and the
/// people that victim properties count are not such subjects.
fn doubt_common_subject(d: &mut Draft, rules: &Rules) {
    let Some(subject) = &d.subject else {
        return;
    };
    let common = d.kind == ClaimKind::Quantity
        && subject.is_common_noun()
        && !subject.text.trim().contains(' ')
        && subject.key != crate::model::EVENT_KEY
        && !rules.incidents.contains(&subject.key)
        && !rules
            .properties
            .iter()
            .any(|p| p.name == d.property && p.victims);
    if common {
        d.doubts.push(crate::model::Doubt::new(
            crate::model::Aspect::Subject,
            "a common noun, which may stand for any of several of its kind in one story",
        ));
    }
}

/// A measure in the base unit of its dimension: the unit of that dimension whose factor is 1.
fn base_value(value: &Value, rules: &Rules) -> Option<crate::model::BaseValue> {
    let Value::Quantity {
        low, high, unit, ..
    } = value
    else {
        return None;
    };
    let rule = rules.units.iter().find(|u| &u.code == unit)?;
    let base = rules
        .units
        .iter()
        .find(|u| u.dimension == rule.dimension && u.factor == 1.0)?;
    if base.code == rule.code {
        return None;
    }
    Some(crate::model::BaseValue {
        low: low.map(|v| v * rule.factor),
        high: high.map(|v| v * rule.factor),
        unit: base.code.clone(),
    })
}

fn date_draft(
    ctx: &Context,
    start: usize,
    end: usize,
    value: DateValue,
    first_tok: usize,
) -> Draft {
    let last_tok = ctx
        .tokens
        .partition_point(|t| t.start < end)
        .saturating_sub(1)
        .max(first_tok);
    let subject = dating::date_subject(
        ctx,
        first_tok,
        last_tok,
        &value,
        event::event_near(ctx, first_tok),
    );
    Draft {
        noun_end: None,
        start,
        end,
        kind: ClaimKind::Date,
        subject,
        property: "date".to_string(),
        increment: false,
        modality: crate::model::Modality::Asserted,
        value: Value::Date(value),
        label: date_label(&value),
        definite: false,
        scope: crate::model::Scope::Total,
        doubts: Vec::new(),
    }
}

/// Makes claims from a bare string, for tests.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    pub fn rules() -> Rules {
        Rules::builtin().expect("built-in rules load")
    }

    pub fn claims(text: &str, rules: &Rules) -> Vec<Claim> {
        extract(0, &Document::from_text("test.txt", text), rules)
    }

    /// The claims of `text` in a document whose front matter dates it `date`.
    pub fn claims_dated(date: &str, text: &str, rules: &Rules) -> Vec<Claim> {
        let front = format!("---\ndate: {date}\n---\n");
        let mut doc = Document::from_text("t.md", format!("{front}{text}"));
        doc.body_start = front.len();
        doc.meta.date = Some(date.to_string());
        extract(0, &doc, rules)
    }

    pub fn first_number(text: &str, rules: &Rules) -> Option<(numbers::NumberMatch, String)> {
        let t = Tables::new(rules);
        let mut toks = tokens::Tokens::default();
        t.tokenize_into(&mut toks, text, std::slice::from_ref(&(0..text.len())));
        (0..toks.tokens.len()).find_map(|i| {
            let m = numbers::number_at(&toks.tokens, i, text, &t)?;
            let covered = text[toks.tokens[m.first].start..toks.tokens[m.last].end].to_string();
            Some((m, covered))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::tests_support::{claims_dated, rules};
    use crate::model::{Aspect, ClaimKind};

    /// The texts of the claims of a body dated 2021-03-04.
    fn texts(body: &str) -> Vec<String> {
        claims_dated("2021-03-04", body, &rules())
            .into_iter()
            .map(|c| c.text)
            .collect()
    }

    const LEAD: &str = "Three people were hurt when a car struck a bus shelter on Main Street \
                        on Wednesday, police said.\n\n";

    #[test]
    fn links_under_a_label_are_not_the_article() {
        let body = format!(
            "{LEAD}ALSO\n\nGunman kills 3 at a mall in the valley\n\nWoman wins 2 awards for \
             her garden\n\nThe driver, 40, was not hurt, police said on Thursday morning.\n"
        );
        let got = texts(&body);
        assert!(
            !got.iter().any(|t| t.contains("kills 3") || t.contains('2')),
            "{got:?}"
        );
        // Running text after the links is the article again.
        assert!(got.iter().any(|t| t.contains("40")), "{got:?}");
    }

    #[test]
    fn teasers_and_captions_state_nothing() {
        let body = format!(
            "{LEAD}WATCH: Chief says 4 officers hurt in a crash downtown\n\n\
             SHOCKING: $2 million bail for man in a separate case\n\n\
             Neighbours left 12 candles at the shelter. (AP Photo/Jane Roe)\n\n\
             SPRINGFIELD, IL - MARCH 3: Six people were hurt in a crash here.\n\n\
             In a March 3 photo, 5 firefighters stand beside the bus.\n\n\
             Caption Double shooting in Ashford Caption Three men were shot dead in Ashford.\n\n\
             Seven mourners gather at the gate on Sunday. (Ann Lee/Channel 9)\n\n\
             UPDATE: Police said two people were hurt. The trial moved (see A/B test).\n"
        );
        let got = texts(&body);
        for furniture in [
            "4 officers",
            "$2 million",
            "12 candles",
            "Six people",
            "5 firefighters",
            "Three men",
            "Seven mourners",
        ] {
            assert!(
                !got.iter().any(|t| t.contains(furniture)),
                "{furniture}: {got:?}"
            );
        }
        // "UPDATE:" introduces the report's own news.
        assert!(got.iter().any(|t| t.contains("two people")), "{got:?}");
    }

    #[test]
    fn a_page_header_that_repeats_the_title_dates_nothing() {
        let front = "---\ntitle: \"Driver charged after bus shelter crash downtown\"\ndate: 2021-03-04\n---\n";
        let body = "Home News Local Driver charged after bus shelter crash downtown March 9th, \
                    2021 Jane Roe Share Tweet\n\nThe driver was charged on Thursday, police said \
                    in a statement.\n";
        let mut doc = crate::model::Document::from_text("t.md", format!("{front}{body}"));
        doc.body_start = front.len();
        doc.meta.date = Some("2021-03-04".into());
        let got: Vec<String> = super::extract(0, &doc, &rules())
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Date)
            .map(|c| c.text)
            .collect();
        assert!(!got.iter().any(|t| t.contains("March 9th")), "{got:?}");
    }

    #[test]
    fn a_decimal_spaced_apart_is_doubted() {
        let got = claims_dated(
            "2021-03-04",
            "The laptop has a 2. 8 GHz processor, the maker said.\n",
            &rules(),
        );
        let ghz = got
            .iter()
            .find(|c| c.text.contains("8 GHz"))
            .expect("the frequency is read");
        assert_eq!(ghz.doubts.first().map(|d| d.about), Some(Aspect::Value));
        let got = claims_dated(
            "2021-03-04",
            "The processor runs at 2.8 GHz, the maker said.\n",
            &rules(),
        );
        assert!(got.iter().all(|c| c.doubts.is_empty()), "{got:?}");
    }

    #[test]
    fn a_figure_of_a_common_noun_doubts_its_subject() {
        let rules = rules();
        let got = claims_dated(
            "2021-03-04",
            "The judge handed down a five-year sentence on Thursday.\n",
            &rules,
        );
        let sentence = got
            .iter()
            .find(|c| c.property == "duration")
            .expect("a duration claim");
        assert_eq!(
            sentence.doubts.first().map(|d| d.about),
            Some(Aspect::Subject)
        );
        // A named thing, and the one thing a definite description means, are definite about
        // their subject.
        for text in [
            "The army received six HIMARS on Thursday.\n",
            "The span is 40 metres long, the engineers said.\n",
        ] {
            let got = claims_dated("2021-03-04", text, &rules);
            assert!(
                !got.is_empty() && got.iter().all(|c| c.doubts.is_empty()),
                "{got:?}"
            );
        }
    }
}
