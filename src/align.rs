//! Align: puts claims about the same subject and property from different documents together.
//!
//! Claims are bucketed by a hash key (scope, kind, property, increment, dimension), so only
//! claims that could be about the same thing are ever looked at together. Within a bucket,
//! subject keys that differ only in spelling are merged when their Jaro-Winkler similarity
//! reaches the rules' threshold; people with the same surname and given name are one person
//! whatever their initials and suffixes (the extractor already keys them so). A group is kept
//! only when its claims come from at least two documents: crosscheck compares sources, not
//! the sentences of one report.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use regex::Regex;

use crate::GroupBy;
use crate::model::{Claim, ClaimGroup, ClaimKind, Document, EVENT_KEY, Modality, Value};
use crate::rules::Rules;

/// What claims must share before their subjects are compared.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Bucket {
    scope: String,
    kind: ClaimKind,
    property: String,
    increment: bool,
    /// Stated as fact, or not (planned and hypothetical figures are compared among
    /// themselves, never with facts).
    asserted: bool,
    dimension: String,
}

/// Groups the claims (indices into `claims`) that are about one subject and property.
pub fn align(
    claims: &[Claim],
    docs: &[Document],
    rules: &Rules,
    group_by: GroupBy,
) -> Vec<ClaimGroup> {
    align_taught(claims, docs, rules, group_by, &learn_acronyms(claims))
}

/// [`align`] with the acronyms learned elsewhere ([`learn_acronyms`] over a whole corpus of
/// which `claims` is a part): how one group of a corpus split across processes is aligned
/// exactly as it would be in the whole.
pub fn align_taught(
    claims: &[Claim],
    docs: &[Document],
    rules: &Rules,
    group_by: GroupBy,
    learned: &HashMap<String, String>,
) -> Vec<ClaimGroup> {
    let mut buckets: BTreeMap<Bucket, Vec<usize>> = BTreeMap::new();
    for (idx, claim) in claims.iter().enumerate() {
        let scope = match group_by {
            GroupBy::All => String::new(),
            GroupBy::Folder => docs
                .get(claim.doc)
                .map(|d| d.group.clone())
                .unwrap_or_default(),
        };
        if let Some(bucket) = bucket_of(claim, scope, rules, learned) {
            buckets.entry(bucket).or_default().push(idx);
        }
    }

    let mut groups = Vec::new();
    for (bucket, members) in buckets {
        let clusters = if bucket.kind == ClaimKind::Quote {
            cluster_quotes(claims, &members)
        } else {
            cluster_subjects(claims, docs, &members, rules, learned)
        };
        groups.extend(
            clusters
                .into_iter()
                .flat_map(|c| split_by_time(c, claims))
                .filter_map(|(key, idxs, merges)| group_of(claims, key, idxs, merges)),
        );
    }
    groups.sort_by(|a, b| {
        a.claims
            .first()
            .cmp(&b.claims.first())
            .then(a.subject_key.cmp(&b.subject_key))
    });
    groups
}

/// The bucket of a claim within `scope` (its folder, or nothing for one group), or `None` when
/// alignment passes the claim over: no subject, denied, a year alone, a plain count of a
/// common noun.
fn bucket_of(
    claim: &Claim,
    scope: String,
    rules: &Rules,
    learned: &HashMap<String, String>,
) -> Option<Bucket> {
    let subject = claim.subject.as_ref()?;
    if claim.modality == Modality::Negated {
        return None;
    }
    // A year alone ("in 1954") near an event word is too loose a tie to say it is the date of
    // the event the reports share; news mentions earlier events in passing. A page's topic is
    // dated by the year of its founding or birth.
    if let Value::Date(d) = &claim.value
        && d.month.is_none()
        && d.day.is_none()
        && !is_topic(subject)
    {
        return None;
    }
    // "10 games" and "23 games" in two reports rarely count the same games: a plain count of a
    // common noun is compared only when a property says what happened to them (killed,
    // injured, arrested, ...). Named things ("NASAMS", "Javelin") always are. (The last
    // property of a name is the one in effect.)
    let common_ok = rules
        .properties
        .iter()
        .rev()
        .find(|p| p.name == claim.property)
        .is_none_or(|p| p.compare_common_nouns);
    if claim.kind == ClaimKind::Quantity
        && !common_ok
        && subject.is_common_noun()
        && !learned.contains_key(&group_key(&crate::extract::quantity::singular_phrase(
            &subject.text.to_lowercase(),
        )))
    {
        return None;
    }
    // A topic's property is matched on its stems, without the time it holds for ("scored"
    // meets "score"); times are told apart after clustering ([`split_by_time`]).
    let property = if is_topic(subject) {
        crate::extract::topic::property_key(&claim.property)
    } else {
        claim.property.clone()
    };
    Some(Bucket {
        scope,
        kind: claim.kind,
        property,
        increment: claim.increment,
        asserted: claim.modality == Modality::Asserted,
        dimension: dimension_of(claim, rules),
    })
}

/// Whether a subject is a document's topic ([`crate::extract::topic`]).
fn is_topic(subject: &crate::model::Subject) -> bool {
    subject.key.starts_with(crate::extract::topic::TOPIC_MARK)
}

/// A figure holds for the time stated with it: a cluster whose claims state two times or more
/// ("as of 20 March", "as of 27 March") is split by time, and the claims that state no time
/// are kept apart from all of them. A cluster with one stated time at most is kept whole.
/// A time that is a bound ("before 15 April") is put with the nearest stated time that it
/// allows (the latest before 15 April), or stands as a time of its own when none does.
fn split_by_time(
    cluster: (String, Vec<usize>, Vec<String>),
    claims: &[Claim],
) -> Vec<(String, Vec<usize>, Vec<String>)> {
    use crate::extract::topic::{property_time, time_value};
    use crate::model::DateBound;
    let time = |i: usize| property_time(&claims[i].property);
    let mut by_time: BTreeMap<Option<&str>, Vec<usize>> = BTreeMap::new();
    let mut bounded: Vec<(usize, &str, crate::model::DateValue)> = Vec::new();
    for &i in &cluster.1 {
        match time(i).map(|t| (t, time_value(t))) {
            Some((t, Some(v))) if v.bound.is_some() => bounded.push((i, t, v)),
            t => by_time.entry(t.map(|(t, _)| t)).or_default().push(i),
        }
    }
    // The stated times, in order (a time's string sorts as its date does).
    let stated: Vec<(&str, crate::model::DateValue)> = by_time
        .keys()
        .flatten()
        .filter_map(|t| time_value(t).map(|v| (*t, v)))
        .collect();
    for (i, t, bound) in bounded {
        let mut fits = stated.iter().filter(|(_, v)| bound.compatible(v));
        let nearest = match bound.bound {
            Some(DateBound::Before | DateBound::Until) => fits.next_back(),
            _ => fits.next(),
        };
        let key = nearest.map_or(t, |(s, _)| *s);
        by_time.entry(Some(key)).or_default().push(i);
    }
    let stated = by_time.keys().filter(|t| t.is_some()).count();
    if stated <= 1 {
        return vec![cluster];
    }
    let (key, _, merges) = cluster;
    by_time
        .into_values()
        .map(|mut idxs| {
            idxs.sort_unstable();
            (key.clone(), idxs, merges.clone())
        })
        .collect()
}

/// Groups quotes that are the same words, whole or in part: one quote's words inside the
/// other's ("the systems will be deployed as soon as we can"), or nearly the same words (a
/// normalised Levenshtein similarity of 0.85 or more). Candidates are found through shared
/// runs of three words, never by comparing every quote with every other.
fn cluster_quotes(claims: &[Claim], members: &[usize]) -> Vec<(String, Vec<usize>, Vec<String>)> {
    let keys: Vec<&str> = members
        .iter()
        .map(|&i| claims[i].subject.as_ref().map_or("", |s| s.key.as_str()))
        .collect();
    let mut by_shingle: HashMap<String, Vec<usize>> = HashMap::new();
    for (pos, key) in keys.iter().enumerate() {
        let words: Vec<&str> = key.split(' ').collect();
        for w in words.windows(3) {
            by_shingle.entry(w.join(" ")).or_default().push(pos);
        }
    }
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let same = |a: &str, b: &str| {
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        // Lengths far apart can only match by containment; nearly equal texts have nearly
        // equal lengths, so the edit distance is computed only then.
        let near = long.len() * 85 <= short.len() * 100;
        (short.split(' ').count() >= 5 && long.contains(short))
            || (near && strsim::normalized_levenshtein(a, b) >= 0.85)
    };
    for positions in by_shingle.values() {
        // A run of three words shared by very many quotes ("one of the") finds no one quote.
        if positions.len() > 64 {
            continue;
        }
        for (x, &a) in positions.iter().enumerate() {
            for &b in &positions[x + 1..] {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                if ra != rb && same(keys[a], keys[b]) {
                    parent[rb] = ra;
                }
            }
        }
    }
    let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (pos, &member) in members.iter().enumerate() {
        let r = root(&mut parent, pos);
        clusters.entry(r).or_default().push(member);
    }
    clusters
        .into_iter()
        .map(|(r, mut idxs)| {
            idxs.sort_unstable();
            (keys[r].to_string(), idxs, Vec::new())
        })
        .collect()
}

/// Acronyms the corpus spells out in its claims: "four more high mobility artillery rocket
/// systems (HIMARS)" makes "high mobility artillery rocket system" the subject HIMARS in every
/// document. Returns the long form's group key mapped to the acronym's.
pub fn learn_acronyms(claims: &[Claim]) -> HashMap<String, String> {
    static SPELLED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"([A-Za-z][A-Za-z\-]*(?:\s+[A-Za-z][A-Za-z\-]*){0,8})\s*\(([A-Z][A-Za-z]{1,9})\)",
        )
        .expect("the acronym pattern is valid")
    });
    let mut out = HashMap::new();
    for claim in claims {
        // A count's span is its figure; the noun it counts, when it spells an acronym out,
        // is kept beside it.
        let text: std::borrow::Cow<str> = match &claim.noun {
            Some(noun) => format!("{}{noun}", claim.text).into(),
            None => claim.text.as_str().into(),
        };
        for cap in SPELLED.captures_iter(&text) {
            let (Some(long), Some(acronym)) = (cap.get(1), cap.get(2)) else {
                continue;
            };
            if let Some(words) = spelled_out(long.as_str(), acronym.as_str()) {
                let long_key = group_key(&crate::extract::quantity::singular_phrase(
                    &words.to_lowercase(),
                ));
                if long_key.is_empty() {
                    continue;
                }
                out.insert(long_key, group_key(&acronym.as_str().to_lowercase()));
            }
        }
    }
    out
}

/// The shortest tail of `words` that `acronym` abbreviates: each letter of the acronym, from
/// the last, found in the words from the end, the first one at the start of a word (the
/// Schwartz-Hearst reading of "high mobility artillery rocket systems (HIMARS)").
fn spelled_out(words: &str, acronym: &str) -> Option<String> {
    let short: Vec<char> = acronym
        .strip_suffix('s')
        .unwrap_or(acronym)
        .to_lowercase()
        .chars()
        .collect();
    let long: Vec<char> = words.to_lowercase().chars().collect();
    let mut s = short.len();
    let mut l = long.len();
    while s > 0 {
        let c = short[s - 1];
        loop {
            if l == 0 {
                return None;
            }
            let at_word_start = l == 1 || !long[l - 2].is_alphanumeric();
            if long[l - 1] == c && (s > 1 || at_word_start) {
                break;
            }
            l -= 1;
        }
        l -= 1;
        s -= 1;
    }
    let tail: String = long[l..].iter().collect();
    let n_words = tail.split_whitespace().count();
    // At least two words, and not far more words than letters.
    (n_words >= 2 && n_words <= short.len() + 2)
        .then(|| words[words.len() - tail.len()..].to_string())
}

/// The dimension a claim's value is measured in (`count`, `length`, `money-USD`, `date`, ...).
fn dimension_of(claim: &Claim, rules: &Rules) -> String {
    match &claim.value {
        Value::Quantity { unit, .. } => rules
            .units
            .iter()
            .find(|u| &u.code == unit)
            .map_or_else(|| unit.clone(), |u| u.dimension.clone()),
        Value::Date(_) => "date".to_string(),
        Value::Role { .. } => "title".to_string(),
        Value::Quote { .. } => "speaker".to_string(),
        Value::Place { .. } => "place".to_string(),
    }
}

/// The key claims are grouped on: the subject key with one plural "s" folded, so that
/// "GMLRs" and "GMLRS", or an alias key and its acronym, meet.
fn group_key(key: &str) -> String {
    fold_plural(key).to_string()
}

/// A key or word with one plural "s" folded ("GMLRs" is "GMLR"; "class" stays).
fn fold_plural(key: &str) -> &str {
    if key.len() > 3 && key.ends_with('s') && !key.ends_with("ss") {
        &key[..key.len() - 1]
    } else {
        key
    }
}

/// Splits a bucket's claims by subject, merging keys that are spelling variants of each other.
/// Returns each subject's key, its claims, and one line per merge saying why.
fn cluster_subjects(
    claims: &[Claim],
    docs: &[Document],
    members: &[usize],
    rules: &Rules,
    learned: &HashMap<String, String>,
) -> Vec<(String, Vec<usize>, Vec<String>)> {
    let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut acronym_notes: Vec<String> = Vec::new();
    for &i in members {
        if let Some(s) = &claims[i].subject {
            let key = group_key(&s.key);
            // The long form may be the key or the whole phrase as written ("portable lake oil
            // washers", keyed by its head).
            let spelled = group_key(&crate::extract::quantity::singular_phrase(
                &s.text.to_lowercase(),
            ));
            let key = match learned.get(&key).or_else(|| learned.get(&spelled)) {
                Some(acronym) => {
                    let note = format!(
                        "'{}' taken as {}: the corpus spells it out",
                        s.text,
                        acronym.to_uppercase()
                    );
                    if !acronym_notes.contains(&note) {
                        acronym_notes.push(note);
                    }
                    acronym.clone()
                }
                None => key,
            };
            by_key.entry(key).or_default().push(i);
        }
    }
    // A report whose incident has no name ("Two dead as the bridge gives way") is about the
    // one incident the other reports of its folder name, or failing that of its scope, when
    // they name only one.
    let mut event_notes: HashMap<String, String> = HashMap::new();
    if let Some(unnamed) = by_key.remove(EVENT_KEY) {
        let named: Vec<(String, usize)> = by_key
            .iter()
            .flat_map(|(k, idxs)| idxs.iter().map(move |&i| (k.clone(), i)))
            .collect();
        let only = |keys: Vec<&String>| -> Option<String> {
            let mut keys = keys;
            keys.sort();
            keys.dedup();
            (keys.len() == 1).then(|| keys[0].clone())
        };
        let everywhere = only(named.iter().map(|(k, _)| k).collect());
        // The keys named in each folder, found once.
        let mut in_folder: HashMap<Option<&String>, Vec<&String>> = HashMap::new();
        for (k, j) in &named {
            in_folder
                .entry(docs.get(claims[*j].doc).map(|d| &d.group))
                .or_default()
                .push(k);
        }
        let in_folder: HashMap<Option<&String>, Option<String>> = in_folder
            .into_iter()
            .map(|(folder, keys)| (folder, only(keys)))
            .collect();
        for i in unnamed {
            let folder = docs.get(claims[i].doc).map(|d| &d.group);
            let here = in_folder.get(&folder).cloned().flatten();
            match here.or_else(|| everywhere.clone()) {
                Some(key) => {
                    event_notes.insert(
                        key.clone(),
                        format!("reports that name no incident taken as about the {key}"),
                    );
                    by_key.entry(key).or_default().push(i);
                }
                None => by_key.entry(EVENT_KEY.to_string()).or_default().push(i),
            }
        }
    }
    let keys: Vec<String> = by_key.keys().cloned().collect();
    // Fuzzy matching is for names only: common nouns spelled alike ("southeast", "southwest")
    // are different things.
    // A document's topic is its title: two titles spelled alike are two stories.
    let proper: Vec<bool> =
        keys.iter()
            .map(|k| {
                !k.starts_with(crate::extract::topic::TOPIC_MARK)
                    && by_key.get(k).into_iter().flatten().any(|&i| {
                        claims[i].kind == ClaimKind::Role
                            || claims[i].subject.as_ref().is_some_and(|s| {
                                s.text.chars().next().is_some_and(char::is_uppercase)
                            })
                    })
            })
            .collect();
    // Union-find over the distinct keys of this bucket.
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let th = &rules.thresholds;
    let mut why: HashMap<usize, Vec<String>> = HashMap::new();
    // Names spelled alike, and dates whose clauses tell of one event.
    let spelled = subject_candidates(&keys, &proper, th)
        .into_iter()
        .filter_map(|(a, b)| same_subject(&keys[a], &keys[b], th).map(|reason| (a, b, reason)));
    for (a, b, reason) in spelled.chain(same_events(&keys)) {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            parent[rb] = ra;
            why.entry(a).or_default().push(reason);
        }
    }
    let mut clusters: BTreeMap<usize, (Vec<usize>, Vec<String>)> = BTreeMap::new();
    for (k, key) in keys.iter().enumerate() {
        let r = root(&mut parent, k);
        let entry = clusters.entry(r).or_default();
        entry
            .0
            .extend(by_key.get(key).into_iter().flatten().copied());
        entry.1.extend(why.remove(&k).unwrap_or_default());
    }
    clusters
        .into_iter()
        .map(|(r, (mut idxs, mut merges))| {
            idxs.sort_unstable();
            merges.extend(spelling_merges(claims, &idxs));
            merges.extend(event_notes.get(&keys[r]).cloned());
            let key = &keys[r];
            merges.extend(
                acronym_notes
                    .iter()
                    .filter(|n| n.ends_with("spells it out") && n.contains(&key.to_uppercase()))
                    .cloned(),
            );
            (keys[r].clone(), idxs, merges)
        })
        .collect()
}

/// Most keys one word may join: a word in more of a topic's dates than this says nothing of
/// which event they date.
const MAX_EVENT_WORD_KEYS: usize = 40;

/// The pairs of dates' keys (`a < b`) that date one event of one topic, with why: keys made of
/// a clause's words ([`crate::extract::topic::event_words`]) whose words are mostly the same.
/// At least half the words of the shorter clause, and two words when it has two or more, must
/// be in both ("redevelopment of the Southwark Towers" and "decided to redevelop the Southwark
/// Towers"). Candidates come from an index of the words, never from every pair.
fn same_events(keys: &[String]) -> Vec<(usize, usize, String)> {
    // Keys come folded by [`group_key`] ("... releas" is "... relea"): every word is folded
    // alike.
    let mut parsed: Vec<Option<(&str, Vec<&str>)>> = keys
        .iter()
        .map(|k| {
            crate::extract::topic::event_words(k)
                .map(|(topic, words)| (topic, words.into_iter().map(fold_plural).collect()))
        })
        .collect();
    // The date of an event the lexicon names ("topic: glass harbour releas") has that one word,
    // and meets the clauses of its topic that hold it.
    let topics: std::collections::HashSet<&str> =
        parsed.iter().flatten().map(|(topic, _)| *topic).collect();
    for (k, key) in keys.iter().enumerate() {
        if parsed[k].is_none()
            && let Some((topic, word)) = key.rsplit_once(' ')
            && topics.contains(topic)
        {
            parsed[k] = Some((topic, vec![fold_plural(word)]));
        }
    }
    let mut by_word: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (k, p) in parsed.iter().enumerate() {
        if let Some((topic, words)) = p {
            for w in words {
                by_word.entry((topic, w)).or_default().push(k);
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = by_word
        .values()
        .filter(|ks| ks.len() <= MAX_EVENT_WORD_KEYS)
        .flat_map(|ks| {
            ks.iter()
                .enumerate()
                // (Each list holds its keys in order.)
                .flat_map(move |(x, &a)| ks[x + 1..].iter().map(move |&b| (a, b)))
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
        .into_iter()
        .filter_map(|(a, b)| {
            let (Some((_, wa)), Some((_, wb))) = (&parsed[a], &parsed[b]) else {
                return None;
            };
            let shared: Vec<&str> = wa.iter().filter(|w| wb.contains(w)).copied().collect();
            let shorter = wa.len().min(wb.len());
            let longer = wa.len().max(wb.len());
            // Half the shorter clause, two words at least, and when both are clauses a sixth
            // of the longer: two words of a long sentence about many things are not one event.
            let enough = shared.len() * 2 >= shorter
                && shared.len() >= shorter.min(2)
                && (shorter < 2 || shared.len() * 6 >= longer);
            enough.then(|| {
                (
                    a,
                    b,
                    format!(
                        "dates taken as one event: their clauses share '{}'",
                        shared.join("', '")
                    ),
                )
            })
        })
        .collect()
}

/// The pairs of keys (`a < b`, in that order) that [`same_subject`] may take as one, found
/// through an index rather than by trying every pair: names with the same given names, and
/// single words whose lengths are close enough for their spellings to be alike. Pairs left
/// out are pairs `same_subject` refuses.
fn subject_candidates(
    keys: &[String],
    proper: &[bool],
    th: &crate::rules::Thresholds,
) -> Vec<(usize, usize)> {
    let mut by_given: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut words: Vec<(usize, usize)> = Vec::new();
    for (k, key) in keys.iter().enumerate() {
        let len = key.chars().count();
        if !proper.get(k).copied().unwrap_or(false) || len < th.fuzzy_min_length {
            continue;
        }
        match key.rsplit_once(' ') {
            Some((given, _)) if !given.is_empty() => by_given.entry(given).or_default().push(k),
            _ => words.push((len, k)),
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for same in by_given.values() {
        for (x, &a) in same.iter().enumerate() {
            pairs.extend(same[x + 1..].iter().map(|&b| (a.min(b), a.max(b))));
        }
    }
    // Spelled alike needs an edit distance of at most (1 - similarity) times the longer
    // length, and the distance is at least the difference of the lengths.
    words.sort_unstable();
    let slack = (1.0 - th.subject_similarity).max(0.0);
    for (x, &(la, a)) in words.iter().enumerate() {
        for &(lb, b) in &words[x + 1..] {
            #[allow(clippy::cast_precision_loss)]
            let too_far = (lb - la) as f64 > slack * lb as f64 + 1e-9;
            if too_far {
                break;
            }
            pairs.push((a.min(b), a.max(b)));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// Whether two subject keys name one subject, and why.
fn same_subject(a: &str, b: &str, th: &crate::rules::Thresholds) -> Option<String> {
    if a.chars().count() < th.fuzzy_min_length || b.chars().count() < th.fuzzy_min_length {
        return None;
    }
    // People: same given name, surnames spelled alike ("zelenskyy" / "zelensky").
    let (af, al) = a.rsplit_once(' ').unwrap_or(("", a));
    let (bf, bl) = b.rsplit_once(' ').unwrap_or(("", b));
    if !af.is_empty() && af == bf {
        let sim = strsim::jaro_winkler(al, bl);
        return (sim >= th.name_similarity).then(|| {
            format!("'{a}' and '{b}' taken as one: same first names, surnames alike ({sim:.2})")
        });
    }
    if !af.is_empty() || !bf.is_empty() {
        // Several words with different leading words: different names.
        return None;
    }
    let sim = strsim::normalized_damerau_levenshtein(a, b);
    (sim >= th.subject_similarity)
        .then(|| format!("'{a}' and '{b}' taken as one subject: spelled alike ({sim:.2})"))
}

/// Lines that say which different spellings of one subject key were taken together, e.g.
/// "'Lloyd J Austin III' and 'Lloyd Austin' taken as one person".
fn spelling_merges(claims: &[Claim], idxs: &[usize]) -> Vec<String> {
    let mut texts: Vec<&str> = idxs
        .iter()
        .filter_map(|&i| claims[i].subject.as_ref().map(|s| s.text.as_str()))
        .collect();
    texts.sort_unstable();
    texts.dedup();
    // Only people's names are worth a line: other subjects differ by plural or case alone.
    let is_person = idxs
        .first()
        .is_some_and(|&i| claims[i].kind == ClaimKind::Role);
    let Some(first) = texts.first().filter(|_| is_person) else {
        return Vec::new();
    };
    texts[1..]
        .iter()
        .filter(|t| !t.eq_ignore_ascii_case(first))
        .map(|t| format!("'{first}' and '{t}' taken as one person: same given name and surname; initials and suffixes dropped"))
        .collect()
}

/// The spelling of the subject most claims use (the shortest on ties).
fn display_subject(claims: &[Claim], idxs: &[usize]) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in idxs {
        if let Some(s) = &claims[i].subject {
            *counts.entry(s.text.as_str()).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then(b.0.len().cmp(&a.0.len()))
                .then(b.0.cmp(a.0))
        })
        .map(|(t, _)| t.to_string())
        .unwrap_or_default()
}

// =============================================================================================
// Distributed `--group-by all` (issue 14, `examples/spark/`): new functions only, which the
// one-process path above never calls. A run with every document in one group is split by
// subject: each claim gets a slot ([`slot_of`]); a first pass over one claim a slot computes
// the merges the whole corpus makes ([`merge_map`]: every slot to its cluster's key); the
// claims of one cluster are then aligned on their own, anywhere ([`align_cluster`]). Together
// they give the groups of `align` with `GroupBy::All` (`split_tests` in `src/lib.rs`).
// =============================================================================================

/// Where a claim goes in a `--group-by all` run before subjects are merged: what the first pass
/// reads of it. Claims with the same slot always end in the same cluster.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Slot {
    /// The bucket (kind, property, increment, asserted or not, dimension) as one string: what
    /// claims must share to be compared at all.
    pub bucket: String,
    /// The subject key as the extractor gave it.
    pub key: String,
    /// The subject as written: whether it is a name, and a long form the corpus abbreviates,
    /// are read from it. Empty for a quote.
    pub text: String,
    /// The document's folder (`Document::group`): a report that names no incident is about the
    /// one its folder's other reports name. Empty for a quote.
    pub folder: String,
    /// A quote's place in the corpus (document, claim of the document): quotes are clustered by
    /// their words, and how often three words recur counts every quote.
    pub claim: Option<(usize, usize)>,
}

/// What the first pass says of a slot: its cluster's key (the group's `subject_key`), which
/// cluster of its bucket it is, and why claims written differently were taken as one subject.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Target {
    pub cluster: String,
    /// The cluster's number among its bucket's: (bucket, part) names one cluster, where two
    /// clusters of quotes may have the same words (words that recur too often to be compared).
    pub part: usize,
    pub merges: Vec<String>,
}

/// The slot of claim `index` of document `doc` (its place in the corpus) whose `group` is
/// `folder`, in a `--group-by all` run where the whole corpus teaches `learned`
/// ([`learn_acronyms`]); `None` when alignment passes the claim over (no subject, denied, a year
/// alone, a plain count of a common noun), as [`align_taught`] does.
pub fn slot_of(
    claim: &Claim,
    doc: usize,
    index: usize,
    folder: &str,
    rules: &Rules,
    learned: &HashMap<String, String>,
) -> Option<Slot> {
    let subject = claim.subject.as_ref()?;
    let b = bucket_of(claim, String::new(), rules, learned)?;
    let bucket = serde_json::to_string(&(
        b.kind.as_str(),
        &b.property,
        b.increment,
        b.asserted,
        &b.dimension,
    ))
    .unwrap_or_default();
    let quote = claim.kind == ClaimKind::Quote;
    Some(Slot {
        bucket,
        key: subject.key.clone(),
        text: if quote {
            String::new()
        } else {
            subject.text.clone()
        },
        folder: if quote {
            String::new()
        } else {
            folder.to_string()
        },
        claim: quote.then_some((doc, index)),
    })
}

/// The first pass: every slot of `representatives` mapped to its cluster (look a slot up with
/// [`target_of`]: a subject whose folder does not matter is given once). `representatives`
/// hold, for every slot of one or more whole buckets, the first claim of the corpus with that
/// slot, in corpus order (their `doc` is not read); `learned` is what the whole corpus teaches.
/// A bucket is clustered as [`align_taught`] clusters it, from one claim a slot instead of all
/// of them: what clustering reads of a claim is what its slot holds.
pub fn merge_map(
    representatives: &[(Slot, Claim)],
    rules: &Rules,
    learned: &HashMap<String, String>,
) -> Vec<(Slot, Target)> {
    // One stand-in document a folder: clustering reads only a document's group.
    let mut folders: BTreeMap<&str, usize> = BTreeMap::new();
    for (slot, _) in representatives {
        let next = folders.len();
        folders.entry(slot.folder.as_str()).or_insert(next);
    }
    let mut docs = vec![Document::from_text("", ""); folders.len()];
    for (folder, &i) in &folders {
        docs[i].group = folder.to_string();
    }
    let mut claims = Vec::with_capacity(representatives.len());
    let mut buckets: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, (slot, claim)) in representatives.iter().enumerate() {
        let mut claim = claim.clone();
        claim.doc = folders.get(slot.folder.as_str()).copied().unwrap_or(0);
        claims.push(claim);
        buckets.entry(slot.bucket.as_str()).or_default().push(i);
    }
    let mut targets: Vec<Option<Target>> = vec![None; representatives.len()];
    for members in buckets.into_values() {
        let clusters = if claims[members[0]].kind == ClaimKind::Quote {
            cluster_quotes(&claims, &members)
        } else {
            cluster_subjects(&claims, &docs, &members, rules, learned)
        };
        for (part, (cluster, idxs, merges)) in clusters.into_iter().enumerate() {
            let target = Target {
                cluster,
                part,
                merges,
            };
            for &i in &idxs {
                targets[i] = Some(target.clone());
            }
        }
    }
    // A slot's folder matters only where a report names no incident: a subject that every
    // folder sends to one target is given once, without its folder ([`Slot::general`]).
    let mut by_general: BTreeMap<Slot, Vec<usize>> = BTreeMap::new();
    for (i, (slot, _)) in representatives.iter().enumerate() {
        by_general.entry(slot.general()).or_default().push(i);
    }
    let mut out = Vec::with_capacity(by_general.len());
    for (general, idxs) in by_general {
        let first = targets[idxs[0]].clone();
        if idxs.iter().all(|&i| targets[i] == first) {
            out.extend(first.map(|t| (general, t)));
        } else {
            out.extend(idxs.iter().filter_map(|&i| {
                targets[i]
                    .clone()
                    .map(|t| (representatives[i].0.clone(), t))
            }));
        }
    }
    out
}

impl Slot {
    /// The slot without its folder: the key under which [`merge_map`] gives a subject whose
    /// folder does not matter.
    pub fn general(&self) -> Slot {
        Slot {
            folder: String::new(),
            ..self.clone()
        }
    }
}

/// The target of `slot` in a map [`merge_map`] made: the slot's own entry, or its subject's
/// ([`Slot::general`]).
pub fn target_of<'m>(map: &'m HashMap<Slot, Target>, slot: &Slot) -> Option<&'m Target> {
    map.get(slot).or_else(|| map.get(&slot.general()))
}

/// The second pass: the groups that the claims of one cluster make (every claim whose slot
/// [`merge_map`] sent to `target`, all of one bucket, in corpus order; indices in the group are
/// into `claims`): one, or one a stated time ([`split_by_time`]), none when they come from one
/// document only. It is the group a
/// one-process `--group-by all` run makes of them.
pub fn align_cluster(claims: &[Claim], target: &Target) -> Vec<ClaimGroup> {
    let whole = (
        target.cluster.clone(),
        (0..claims.len()).collect(),
        target.merges.clone(),
    );
    split_by_time(whole, claims)
        .into_iter()
        .filter_map(|(key, idxs, merges)| group_of(claims, key, idxs, merges))
        .collect()
}

/// The group that claims `idxs` of one bucket, clustered under `key`, make: `None` when they
/// come from one document only (crosscheck compares sources, not the sentences of one report).
/// Its kind, property and increment are its bucket's, read from its first claim (a topic's
/// property as its first claim words it).
fn group_of(
    claims: &[Claim],
    key: String,
    idxs: Vec<usize>,
    merges: Vec<String>,
) -> Option<ClaimGroup> {
    let first = &claims[*idxs.first()?];
    let mut docs_seen: Vec<usize> = idxs.iter().map(|&i| claims[i].doc).collect();
    docs_seen.sort_unstable();
    docs_seen.dedup();
    if docs_seen.len() < 2 {
        return None;
    }
    // Events are shown by their key ("invasion"), not by one report's verb ("invaded").
    let subject = if first.kind == ClaimKind::Date {
        key.clone()
    } else {
        display_subject(claims, &idxs)
    };
    Some(ClaimGroup {
        kind: first.kind,
        subject,
        subject_key: key,
        property: first.property.clone(),
        increment: first.increment,
        claims: idxs,
        merges,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Subject;

    fn claim(doc: usize, subject: &str, key: &str, v: f64) -> Claim {
        crate::model::fixture::quantity(doc, subject, key, Some(v), Some(v), "count", "")
    }

    fn docs(n: usize) -> Vec<Document> {
        crate::model::fixture::documents(n)
    }

    #[test]
    fn acronyms_spelled_out_in_the_corpus_join_their_long_form() {
        assert_eq!(
            spelled_out("four more high mobility artillery rocket systems", "HIMARS").as_deref(),
            Some("high mobility artillery rocket systems")
        );
        assert_eq!(
            spelled_out("the guided multiple launch rocket systems", "GMLRs").as_deref(),
            Some("guided multiple launch rocket systems")
        );
        assert_eq!(spelled_out("some unrelated words here", "NASA"), None);
        let rules = Rules::builtin().expect("rules");
        let mut a = claim(0, "PLOW", "plow", 3.0);
        a.text = "three portable lake oil washers (PLOW)".into();
        let b = claim(
            1,
            "portable lake oil washers",
            "portable lake oil washer",
            3.0,
        );
        let groups = align(&[a, b], &docs(2), &rules, GroupBy::All);
        assert_eq!(groups.len(), 1, "{groups:#?}");
        assert!(
            groups[0].merges.iter().any(|m| m.contains("spells it out")),
            "{:?}",
            groups[0].merges
        );
    }

    /// A count's span is its figure: the words it counts, kept beside it, still teach the
    /// acronym (a claim read from the JSON contract, where the field may be absent, too).
    #[test]
    fn the_noun_beside_a_counts_span_spells_out_its_acronym() {
        let mut a = claim(0, "TRAM", "tram", 5.0);
        a.text = "five".into();
        a.noun = Some(" tidal river acoustic monitors (TRAM)".into());
        let learned = learn_acronyms(std::slice::from_ref(&a));
        assert_eq!(
            learned
                .get("tidal river acoustic monitor")
                .map(String::as_str),
            Some("tram"),
            "{learned:?}"
        );
        a.noun = None;
        assert!(learn_acronyms(&[a.clone()]).is_empty());
        let wire = serde_json::to_string(&a).expect("a claim serialises");
        assert!(!wire.contains("noun"), "{wire}");
        let back: Claim = serde_json::from_str(&wire).expect("a claim without a noun reads");
        assert_eq!(back.noun, None);
    }

    #[test]
    fn the_same_quote_in_part_or_in_full_is_one_subject() {
        let rules = Rules::builtin().expect("rules");
        let quote = |doc: usize, words: &str, speaker: &str| Claim {
            kind: ClaimKind::Quote,
            subject: Some(Subject {
                text: words.into(),
                key: words.into(),
            }),
            property: "speaker".into(),
            value: Value::Quote {
                speaker: speaker.into(),
                quote: words.into(),
            },
            ..claim(doc, "x", "x", 0.0)
        };
        let claims = vec![
            quote(
                0,
                "the systems will be deployed as soon as we can physically get them there",
                "Lloyd Austin",
            ),
            quote(
                1,
                "the systems will be deployed as soon as we can",
                "Mark Milley",
            ),
            quote(
                2,
                "there are other systems around the world that are available",
                "Mark Milley",
            ),
        ];
        let groups = align(&claims, &docs(3), &rules, GroupBy::All);
        assert_eq!(groups.len(), 1, "{groups:#?}");
        assert_eq!(groups[0].claims, vec![0, 1]);
    }

    #[test]
    fn plain_counts_of_common_nouns_are_not_compared() {
        let rules = Rules::builtin().expect("rules");
        let claims = vec![
            claim(0, "games", "game", 10.0),
            claim(1, "games", "game", 23.0),
        ];
        assert!(align(&claims, &docs(2), &rules, GroupBy::All).is_empty());
        let mut killed = claims.clone();
        for c in &mut killed {
            c.property = "killed".into();
        }
        assert_eq!(align(&killed, &docs(2), &rules, GroupBy::All).len(), 1);
    }

    #[test]
    fn claims_from_one_document_alone_form_no_group() {
        let rules = Rules::builtin().expect("rules");
        let claims = vec![
            claim(0, "tanks", "tank", 2.0),
            claim(0, "tanks", "tank", 3.0),
        ];
        assert!(align(&claims, &docs(1), &rules, GroupBy::All).is_empty());
    }

    #[test]
    fn acronym_plurals_and_spelling_variants_meet() {
        let rules = Rules::builtin().expect("rules");
        let claims = vec![
            claim(0, "GMLRs", "gmlr", 2.0),
            claim(1, "GMLRS", "gmlrs", 2.0),
            claim(2, "Volodymyr Zelensky", "volodymyr zelensky", 1.0),
            claim(3, "Volodymyr Zelenskiy", "volodymyr zelenskiy", 1.0),
        ];
        let groups = align(&claims, &docs(4), &rules, GroupBy::All);
        assert_eq!(groups.len(), 2, "{groups:#?}");
        assert_eq!(groups[0].claims, vec![0, 1]);
        assert_eq!(groups[1].claims, vec![2, 3]);
        assert!(
            groups[1]
                .merges
                .iter()
                .any(|m| m.contains("surnames alike")),
            "{:?}",
            groups[1].merges
        );
    }

    #[test]
    fn common_nouns_spelled_alike_stay_apart() {
        let rules = Rules::builtin().expect("rules");
        let claims = vec![
            claim(0, "miles southeast", "southeast", 1.0),
            claim(1, "miles southwest", "southwest", 1.0),
        ];
        assert!(align(&claims, &docs(2), &rules, GroupBy::All).is_empty());
    }

    #[test]
    fn different_people_with_one_surname_stay_apart() {
        let rules = Rules::builtin().expect("rules");
        let claims = vec![
            claim(0, "John Smith", "john smith", 1.0),
            claim(1, "Jane Smith", "jane smith", 1.0),
        ];
        assert!(align(&claims, &docs(2), &rules, GroupBy::All).is_empty());
    }

    #[test]
    fn folders_are_compared_only_within_themselves() {
        let rules = Rules::builtin().expect("rules");
        let mut d = docs(3);
        d[0].group = "a".into();
        d[1].group = "b".into();
        d[2].group = "a".into();
        let leopards = |doc, v| claim(doc, "Leopard tanks", "leopard tank", v);
        let claims = vec![leopards(0, 2.0), leopards(1, 3.0), leopards(2, 4.0)];
        let groups = align(&claims, &d, &rules, GroupBy::Folder);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].claims, vec![0, 2]);
    }
}
