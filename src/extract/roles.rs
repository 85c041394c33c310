//! Roles: people's titles as reports write them before names ("US Defense Secretary Lloyd J
//! Austin III", "Joint Chiefs of Staff chairman army general Mark Milley"), normalised to posts
//! through the rules, and the names themselves ("Lloyd J Austin III" is the person "lloyd
//! austin": initials and suffixes dropped). A title that is a job ("spokesman"), ends in a rank
//! or names no post known to the rules is doubted: it may agree, but is held against no title.

use super::document::{Context, Draft};
use super::names::{is_initial, person_name_at};
use super::tokens::{TokenKind, WordClass};
use crate::model::{Aspect, ClaimKind, Doubt, Subject, Value};

// Named here by compare, which read it from this module before it moved down.
pub use super::tables::normal_title;

/// Why a title is not held against another: it is a job, a rank, or no known post.
const JOB: &str = "a job done beside a post or rank (spokesman, media relations), not a post";
const RANK: &str = "a rank, not a post";
const UNKNOWN_POST: &str = "a title that names no post known to the rules";

/// Every "title + name" in the document.
pub fn find_roles(ctx: &Context) -> Vec<Draft> {
    let toks = ctx.tokens;
    let mut out = Vec::new();
    // People named in full so far: a later "Secretary Austin" is one of them.
    let mut known: Vec<Subject> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // A name starts here when the word before it is not part of a name.
        let starts_name = i == 0
            || !(toks[i - 1].capitalized && toks[i - 1].kind == TokenKind::Word)
            || is_title_word(ctx, i - 1);
        if !starts_name || is_title_word(ctx, i) {
            i += 1;
            continue;
        }
        let found = person_name_at(ctx, i).or_else(|| surname_of_known(ctx, i, &known));
        let Some((name_end, person)) = found else {
            i += 1;
            continue;
        };
        if person.key.contains(' ') && !known.iter().any(|k: &Subject| k.key == person.key) {
            known.push(person.clone());
        }
        let before = (i > 0 && is_title_word(ctx, i - 1))
            .then(|| role_before(ctx, i, name_end, person.clone()))
            .flatten();
        if let Some(draft) = before.or_else(|| role_after(ctx, i, name_end, person)) {
            out.push(draft);
        }
        i = name_end + 1;
    }
    out
}

/// A surname alone ("Secretary Austin said") that ends the full name of someone named earlier
/// in the document: that person, as one token.
fn surname_of_known(ctx: &Context, i: usize, known: &[Subject]) -> Option<(usize, Subject)> {
    let t = ctx.tokens.get(i)?;
    if !t.capitalized || t.kind != TokenKind::Word || i == 0 || !is_title_word(ctx, i - 1) {
        return None;
    }
    let surname = ctx.t.rules.fold_word(&t.lower);
    let mut matches = known
        .iter()
        .filter(|p| p.key.rsplit(' ').next() == Some(&*surname));
    let person = matches.next()?;
    // Two people with this surname: which one is meant is not known.
    if matches.next().is_some() {
        return None;
    }
    Some((i, person.clone()))
}

/// Whether token `k` can be part of a title: a title word from the rules, or a capitalised
/// word (an organisation's name inside the title: "Joint Chiefs of Staff").
fn is_title_word(ctx: &Context, k: usize) -> bool {
    let t = &ctx.tokens[k];
    t.kind == TokenKind::Word && t.class.has(WordClass::TITLE)
}

/// The title words right before a name at `name_start`, made into a role claim when they hold
/// a post (not only a rank or an honorific).
fn role_before(
    ctx: &Context,
    name_start: usize,
    name_end: usize,
    person: Subject,
) -> Option<Draft> {
    let toks = ctx.tokens;
    let c = &ctx.t.c;
    let sentence = toks[name_start].sentence;
    let mut first = name_start;
    while first > 0 && name_start - first < 10 {
        let k = first - 1;
        let t = &toks[k];
        if t.sentence != sentence || t.kind != TokenKind::Word {
            break;
        }
        // "and" joins two titles ("president and general manager"), not a name to a title
        // ("Brandau and Deputy Teasley").
        if matches!(t.lower.as_str(), "and" | "&") && !(k > 0 && is_title_word(ctx, k - 1)) {
            break;
        }
        // "a spokesman for Texas Attorney General Greg Abbott": the words before "for" are
        // another person's post once a full title follows it.
        if matches!(t.lower.as_str(), "for" | "to")
            && (k + 1..name_start).any(|j| toks[j].class.has(WordClass::TITLE_HEAD))
        {
            break;
        }
        // A capitalised word is part of the title ("Joint Chiefs of Staff chairman"); at the
        // start of a sentence only right before a title word ("Fire Chief Dana Okafor said")
        // or before another capitalised word of the title ("Santa Monica Police Chief").
        let titleish = is_title_word(ctx, k)
            || c.title_connectors.contains(&t.lower)
            || glued_prefix_len(t.text(ctx.text)) > 0
            || (t.capitalized
                && !c.not_names.contains(&t.lower)
                && (!ctx.starts_sentence(k)
                    || is_title_word(ctx, k + 1)
                    || toks[k + 1].capitalized));
        if !titleish {
            break;
        }
        first = k;
    }
    // A title that would start inside a word begins where the word does: the tokenizer cut
    // "then-D.C." before "C.", and the title is "D.C. Police Chief", not "C. Police Chief".
    first = word_start(ctx, first, sentence);
    // Trim leading connectors, articles and a web page's buttons: "the US undersecretary" ->
    // "US undersecretary", "Share Police Chief" -> "Police Chief".
    let furniture = &ctx.t.rules.title_words.furniture;
    while first < name_start
        && (c.title_connectors.contains(&toks[first].lower)
            || toks[first].lower == "the"
            || furniture.contains(&toks[first].lower))
    {
        first += 1;
    }
    if first == name_start {
        return None;
    }
    // "CEO of the Wildlife Society": what follows a title ending in a connector is an
    // organisation, not a person.
    if c.title_connectors.contains(&toks[name_start - 1].lower)
        || toks[name_start - 1].lower == "the"
    {
        return None;
    }
    let (title, doubt) = title_of(ctx, first, name_start)?;
    Some(role_draft(ctx, first, name_end, title, doubt, person))
}

/// Where a title starting at token `k` starts: the tokenizer cuts "then-D.C." into "then-D",
/// "." and "C.", and a title found from "C." starts at "then-D". Only a single letter glued to
/// the period counts: "center.Governor" is a missing space, not an abbreviation.
fn word_start(ctx: &Context, k: usize, sentence: usize) -> usize {
    let toks = ctx.tokens;
    let glued = |j: usize| !toks[j].space_before && toks[j - 1].sentence == sentence;
    let single_letter = |j: usize| {
        let raw = toks[j].text(ctx.text);
        let mut rest = raw[glued_prefix_len(raw)..].chars();
        toks[j].kind == TokenKind::Word
            && matches!((rest.next(), rest.next()), (Some(c), None) if c.is_uppercase())
    };
    if k >= 2
        && is_initial(ctx, k)
        && glued(k)
        && toks[k - 1].is_punct(".")
        && glued(k - 1)
        && single_letter(k - 2)
    {
        k - 2
    } else {
        k
    }
}

/// "Bill LaPlante, the US undersecretary of defense for acquisition and sustainment, will
/// lead": a title set off by commas after a name (or closed by "said").
fn role_after(ctx: &Context, name_start: usize, name_end: usize, person: Subject) -> Option<Draft> {
    let toks = ctx.tokens;
    let c = &ctx.t.c;
    let sentence = toks[name_start].sentence;
    if !toks.get(name_end + 1).is_some_and(|t| t.is_punct(",")) {
        return None;
    }
    let mut first = name_end + 2;
    if matches!(ctx.lower(first), "the" | "a" | "an") {
        first += 1;
    }
    let mut end = first;
    while end < toks.len() && end - first < 12 {
        let t = &toks[end];
        if t.sentence != sentence || t.kind != TokenKind::Word {
            break;
        }
        // Lowercase words describe the post ("the harbour commissioner"); the run must end in
        // a title word.
        let titleish = is_title_word(ctx, end)
            || c.title_connectors.contains(&t.lower)
            || (t.capitalized && !c.not_names.contains(&t.lower))
            || (!t.capitalized && !c.stop_words.contains(&t.lower) && !t.lower.ends_with("ed"));
        if !titleish {
            break;
        }
        end += 1;
    }
    if end > first && !is_title_word(ctx, end - 1) {
        return None;
    }
    // The title must be closed: ", will lead", "." or "said".
    let closed = toks.get(end).is_some_and(|t| {
        t.sentence == sentence && (t.is_punct(",") || t.is_punct(".") || t.is_punct(";"))
            || matches!(t.lower.as_str(), "said" | "says" | "told")
    });
    while end > first && c.title_connectors.contains(&toks[end - 1].lower) {
        end -= 1;
    }
    if !closed || end == first {
        return None;
    }
    let (title, doubt) = title_of(ctx, first, end)?;
    Some(role_draft(ctx, name_start, end - 1, title, doubt, person))
}

/// The post named by the title words `first..end`: a post from the rules, or the words as
/// written less jurisdictions and honorifics in front, with why the title is doubted when it
/// is a job, ends in a rank or names no known post. None when the words hold no title head or
/// only a rank ("army general") or an honorific.
fn title_of(ctx: &Context, first: usize, end: usize) -> Option<(String, Option<&'static str>)> {
    let toks = ctx.tokens;
    let c = &ctx.t.c;
    let has_head = (first..end).any(|k| toks[k].class.has(WordClass::TITLE_HEAD));
    let post = post_of(ctx, first, end);
    if !has_head && post.is_none() {
        return None;
    }
    let job = is_job(ctx, first, end);
    if let Some(p) = post {
        return Some((p, job.then_some(JOB)));
    }
    let mut k = first;
    while k < end
        && (c.jurisdictions.contains(&toks[k].lower) || c.honorifics.contains(&toks[k].lower))
    {
        k += 1;
    }
    let rest: Vec<usize> = (k..end).collect();
    if rest.is_empty()
        || rest.iter().all(|&r| {
            c.ranks.contains(&toks[r].lower) || c.title_connectors.contains(&toks[r].lower)
        })
    {
        return None;
    }
    // The word the title is about: the last before "of" or "for" ("Sheriff's Lt.", "chief of
    // media relations").
    let head = (k..end)
        .find(|&j| j > k && matches!(toks[j].lower.as_str(), "of" | "for"))
        .unwrap_or(end)
        - 1;
    // "Deputy Fire Chief": the deputy of a known post holds a post of its own, never the post
    // itself, so it is as definite as the post.
    let deputy =
        !job && toks[k].lower == "deputy" && k + 1 < end && post_of(ctx, k + 1, end).is_some();
    let why = if job {
        Some(JOB)
    } else if deputy {
        None
    } else if c.ranks.contains(&toks[head].lower) {
        Some(RANK)
    } else {
        Some(UNKNOWN_POST)
    };
    // "then-D.C. Fire Chief" is the "D.C. Fire Chief".
    let start = toks[k].start + glued_prefix_len(toks[k].text(ctx.text));
    Some((ctx.text[start..toks[end - 1].end].to_string(), why))
}

/// The length of "then-" or "ex-" glued to a capitalised word ("then-Police", "ex-D.C."), or 0.
fn glued_prefix_len(raw: &str) -> usize {
    ["then-", "ex-"]
        .iter()
        .find(|p| {
            raw.get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
                && raw[p.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        })
        .map_or(0, |p| p.len())
}

/// Whether the title in tokens `first..end` names a job from the rules ("police spokesman",
/// "chief of media relations").
fn is_job(ctx: &Context, first: usize, end: usize) -> bool {
    let toks = ctx.tokens;
    let title = format!(
        " {} ",
        normal_title(ctx.t.rules, &ctx.text[toks[first].start..toks[end - 1].end])
    );
    ctx.t
        .rules
        .title_words
        .jobs
        .iter()
        .any(|j| title.contains(&format!(" {j} ")))
}

/// A role claim spanning tokens `first..=last`.
fn role_draft(
    ctx: &Context,
    first: usize,
    last: usize,
    title: String,
    doubt: Option<&'static str>,
    person: Subject,
) -> Draft {
    let toks = ctx.tokens;
    Draft {
        noun_end: None,
        start: toks[first].start,
        end: toks[last].end,
        kind: ClaimKind::Role,
        label: format!("title: {title}"),
        value: Value::Role {
            person: person.text.clone(),
            title,
        },
        subject: Some(person),
        property: "title".to_string(),
        increment: false,
        modality: crate::model::Modality::Asserted,
        definite: false,
        scope: crate::model::Scope::Total,
        doubts: doubt
            .map(|why| vec![Doubt::new(Aspect::Value, why)])
            .unwrap_or_default(),
    }
}

/// The post the title in tokens `first..end` names: the title, less ranks behind ("Joint Chiefs
/// of Staff chairman army general"), must end in one of a post's variants, or one of its
/// broader descriptions, which are kept as written. What stands before the variant must be a
/// jurisdiction or a department: capitalised names, jurisdictions and honorifics from the rules,
/// "then-" ("Bridgeport Police Chief", "Erie County District Attorney"); a department's
/// abbreviation is read as the word it stands for ("Acting HPD Chief" is a police chief). A
/// title head, a rank or a modifier in front makes another post ("Deputy Police Chief").
fn post_of(ctx: &Context, first: usize, end: usize) -> Option<String> {
    let toks = ctx.tokens;
    let c = &ctx.t.c;
    let words: Vec<String> = (first..end).map(|k| post_word(ctx, k)).collect();
    let mut b = words.len();
    while b > 0 {
        for j in 0..b {
            if j > 0 && !names_a_place_or_body(ctx, first + j - 1) {
                break;
            }
            if let Some(p) = c.post_titles.get(&words[j..b].join(" ")) {
                return Some(p.clone());
            }
        }
        // Ranks describe the person after a post ("chairman army general"), but a rank of
        // the office's ("Sheriff's Sgt.", "Sheriff Deputy") is no post.
        let last = &toks[first + b - 1];
        let possessive = b >= 2 && {
            let before = toks[first + b - 2].text(ctx.text);
            before.ends_with("'s") || before.ends_with("’s") || before.ends_with("s'")
        };
        if !c.ranks.contains(&last.lower)
            || ctx.t.rules.title_words.modifiers.contains(&last.lower)
            || possessive
        {
            break;
        }
        b -= 1;
    }
    None
}

/// Token `k` folded for matching a post's variants, a department's abbreviation spelt out:
/// "NOPD" -> "police". The possessive stays: "Sheriff's" is the sheriff's office, not the
/// sheriff, and "State's Attorney" a prosecutor.
fn post_word(ctx: &Context, k: usize) -> String {
    if let Some(word) = department_word(ctx, k) {
        return word.to_string();
    }
    let raw = ctx.tokens[k].text(ctx.text);
    let raw = &raw[glued_prefix_len(raw)..];
    normal_title(ctx.t.rules, &raw.replace('’', "'"))
}

/// The word an abbreviated department's name stands for in a post ("HPD" -> "police").
fn department_word<'r>(ctx: &'r Context, k: usize) -> Option<&'r str> {
    let raw = ctx.tokens[k].text(ctx.text);
    if !raw.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let abbreviations = &ctx.t.rules.title_words.department_abbreviations;
    abbreviations
        .iter()
        .find(|(ending, _)| raw.len() > ending.len() && raw.ends_with(ending.as_str()))
        .map(|(_, word)| word.as_str())
}

/// Whether token `k`, in front of a post, names where or of which body the post is: a
/// jurisdiction, a capitalised name (with "then-" glued to it), a department's abbreviation,
/// the period inside an abbreviation ("D.C."); not a title head, a rank or a modifier.
fn names_a_place_or_body(ctx: &Context, k: usize) -> bool {
    let t = &ctx.tokens[k];
    let c = &ctx.t.c;
    let tw = &ctx.t.rules.title_words;
    if c.jurisdictions.contains(&t.lower)
        || c.honorifics.contains(&t.lower)
        || department_word(ctx, k).is_some()
        || (t.is_punct(".") && !t.space_before)
    {
        return true;
    }
    let glued = glued_prefix_len(t.text(ctx.text));
    let word = t.lower.get(glued..).unwrap_or("");
    (t.capitalized || glued > 0)
        && t.kind == TokenKind::Word
        && !c.title_heads.contains(word)
        && !c.ranks.contains(word)
        && !tw.modifiers.iter().any(|m| m == word)
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::{claims, rules};
    use crate::model::{ClaimKind, Value};

    #[track_caller]
    fn check(sentence: &str, expected: &[(&str, &str, &str)]) {
        let rules = rules();
        let got: Vec<(String, String, String)> = claims(sentence, &rules)
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Role)
            .map(|c| {
                let Value::Role { title, .. } = &c.value else {
                    panic!("not a role")
                };
                (
                    c.text.clone(),
                    c.subject.map(|s| s.key).unwrap_or_default(),
                    title.clone(),
                )
            })
            .collect();
        let want: Vec<(String, String, String)> = expected
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect();
        assert_eq!(got, want, "{sentence:?}");
    }

    #[test]
    fn titles_before_names_are_normalised_to_posts() {
        check(
            "US Defense Secretary Lloyd J Austin III spoke.",
            &[(
                "US Defense Secretary Lloyd J Austin III",
                "lloyd austin",
                "Secretary of Defense",
            )],
        );
        check(
            "The US Secretary of Defence Lloyd Austin said so.",
            &[(
                "US Secretary of Defence Lloyd Austin",
                "lloyd austin",
                "Secretary of Defense",
            )],
        );
        check(
            "Later, Joint Chiefs of Staff chairman army general Mark Milley said it.",
            &[(
                "Joint Chiefs of Staff chairman army general Mark Milley",
                "mark milley",
                "Chairman of the Joint Chiefs of Staff",
            )],
        );
        check(
            "“Yes,” U.S. Supreme General Mark Milley said.",
            &[(
                "U.S. Supreme General Mark Milley",
                "mark milley",
                "Supreme Commander",
            )],
        );
        check(
            "Earlier, Norwegian defense minister Bjørn Arild Gram spoke.",
            &[(
                "Norwegian defense minister Bjørn Arild Gram",
                "bjørn arild gram",
                "Minister of Defense",
            )],
        );
    }

    #[test]
    fn a_surname_alone_after_the_full_name_is_that_person() {
        check(
            "Lloyd Austin arrived. Later, Defense Secretary Austin said so.",
            &[(
                "Defense Secretary Austin",
                "lloyd austin",
                "Secretary of Defense",
            )],
        );
    }

    #[test]
    fn a_title_may_open_the_sentence() {
        check(
            "Fire Chief Dana Okafor said divers reached the car.",
            &[("Fire Chief Dana Okafor", "dana okafor", "Fire Chief")],
        );
    }

    #[test]
    fn a_title_set_off_after_the_name() {
        check(
            "Bill LaPlante, the US undersecretary of defense for acquisition and sustainment, will lead it.",
            &[(
                "Bill LaPlante, the US undersecretary of defense for acquisition and sustainment",
                "bill laplante",
                "Undersecretary of Defense for Acquisition and Sustainment",
            )],
        );
        check(
            "Ruth Almeida, the harbour commissioner, said the port would reopen.",
            &[(
                "Ruth Almeida, the harbour commissioner",
                "ruth almeida",
                "harbour commissioner",
            )],
        );
        // Another person's post after "for" is not this person's.
        check(
            "It was, said a spokesman for Texas Attorney General Greg Abbott, final.",
            &[(
                "Texas Attorney General Greg Abbott",
                "greg abbott",
                "Attorney General",
            )],
        );
        // A comma after a name followed by something else is no title.
        check("Ruth Almeida, who chairs the board, said so.", &[]);
    }

    #[test]
    fn ranks_and_honorifics_alone_are_not_posts() {
        check("Later, Gen. Mark Milley spoke.", &[]);
        check("Later, army general Mark Milley spoke.", &[]);
        check("Later, Mr. John Smith spoke.", &[]);
    }

    #[test]
    fn a_place_or_department_before_a_post_is_the_same_post() {
        check(
            "Later, Riverton Police Chief Ana Ruiz spoke.",
            &[("Riverton Police Chief Ana Ruiz", "ana ruiz", "Police Chief")],
        );
        check(
            "Later, Lake County District Attorney Paul Hale spoke.",
            &[(
                "Lake County District Attorney Paul Hale",
                "paul hale",
                "Prosecutor",
            )],
        );
        check(
            "Later, Riverton Police Department Chief Ana Ruiz spoke.",
            &[(
                "Riverton Police Department Chief Ana Ruiz",
                "ana ruiz",
                "Police Chief",
            )],
        );
        // A department's abbreviation ends in "PD"; "acting" is the same post.
        check(
            "Later, Acting RPD Chief Ana Ruiz spoke.",
            &[("Acting RPD Chief Ana Ruiz", "ana ruiz", "Police Chief")],
        );
        // A possessive is the office's, not its head's.
        check(
            "Later, Lake County State's Attorney Paul Hale spoke.",
            &[(
                "Lake County State's Attorney Paul Hale",
                "paul hale",
                "Prosecutor",
            )],
        );
        // A modifier in front makes another post.
        check(
            "Later, Deputy Police Chief Ana Ruiz spoke.",
            &[(
                "Deputy Police Chief Ana Ruiz",
                "ana ruiz",
                "Deputy Police Chief",
            )],
        );
    }

    #[test]
    fn a_title_starts_where_its_words_do() {
        // A place of two words opens the sentence.
        check(
            "San Rafael Police Chief Ana Ruiz said so.",
            &[(
                "San Rafael Police Chief Ana Ruiz",
                "ana ruiz",
                "Police Chief",
            )],
        );
        // "then-D.C." is cut in three tokens.
        check(
            "Both then-D.C. Fire Chief Ana Ruiz and then-D.C. Police Chief Tom Hale spoke.",
            &[
                ("then-D.C. Fire Chief Ana Ruiz", "ana ruiz", "Fire Chief"),
                (
                    "then-D.C. Police Chief Tom Hale",
                    "tom hale",
                    "Police Chief",
                ),
            ],
        );
        // A missing space after a full stop glues no word to the title.
        check(
            "It was late.Riverton Police Chief Ana Ruiz spoke.",
            &[("Riverton Police Chief Ana Ruiz", "ana ruiz", "Police Chief")],
        );
        // A web page's buttons before a caption are no part of the title.
        check(
            "Skip Share Riverton Police Chief Ana Ruiz discusses the case.",
            &[("Riverton Police Chief Ana Ruiz", "ana ruiz", "Police Chief")],
        );
    }

    #[track_caller]
    fn doubt(sentence: &str) -> Option<&'static str> {
        let rules = rules();
        let roles: Vec<_> = claims(sentence, &rules)
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Role)
            .collect();
        assert_eq!(roles.len(), 1, "{sentence:?}");
        roles[0].doubts.first().map(|d| d.why)
    }

    #[test]
    fn jobs_ranks_and_unknown_posts_are_doubted() {
        assert_eq!(doubt("Later, Police Chief Ana Ruiz spoke."), None);
        assert_eq!(
            doubt("Ana Ruiz, a police spokeswoman, said so."),
            Some(super::JOB)
        );
        assert_eq!(
            doubt("Ana Ruiz, head of media relations for the Riverton Police Department, said so."),
            Some(super::JOB)
        );
        assert_eq!(
            doubt("Later, Lake County Sheriff's Sgt. Ana Ruiz spoke."),
            Some(super::RANK)
        );
        // A rank after a post is the office's rank, not the post ("Sheriff Deputy").
        assert_eq!(
            doubt("Later, Lake County Sheriff Deputy Ana Ruiz spoke."),
            Some(super::RANK)
        );
        assert_eq!(
            doubt("Later, Fleet Commander Ana Ruiz spoke."),
            Some(super::UNKNOWN_POST)
        );
        // The deputy of a known post holds a post of its own, as definite as the post.
        assert_eq!(doubt("Later, Fire Chief Ana Ruiz spoke."), None);
        assert_eq!(doubt("Later, Deputy Fire Chief Ana Ruiz spoke."), None);
        assert_eq!(
            doubt("Later, Deputy Fleet Commander Ana Ruiz spoke."),
            Some(super::UNKNOWN_POST)
        );
    }

    #[test]
    fn names_need_a_given_name_and_a_surname() {
        check("Later, President Putin spoke.", &[]);
    }
}
