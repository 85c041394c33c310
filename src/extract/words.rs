//! Word forms the readers share, from the word alone: a plain English singular ("systems" is
//! "system") and a stem that meets a verb and its noun ("scored" and "score" are `scor`). They
//! know no rules, tokens or document, so every floor above may use them.

/// The singular of the last word of a phrase.
pub fn singular_phrase(phrase: &str) -> String {
    match phrase.rsplit_once(' ') {
        Some((head, last)) => format!("{head} {}", singular(last)),
        None => singular(phrase),
    }
}

/// A plain English singular: "systems" -> "system", "countries" -> "country".
pub fn singular(word: &str) -> String {
    let w = word;
    if w.len() <= 3 || w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
        return w.to_string();
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for suffix in ["ches", "shes", "sses", "xes"] {
        if w.ends_with(suffix) {
            return w[..w.len() - 2].to_string();
        }
    }
    if let Some(stem) = w.strip_suffix('s') {
        return stem.to_string();
    }
    match w {
        "people" => "person".to_string(),
        "men" => "man".to_string(),
        "women" => "woman".to_string(),
        "children" => "child".to_string(),
        _ => w.to_string(),
    }
}

/// A phrase stemmed word by word: "box offices" is "box offic".
pub fn stem_phrase(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .map(stem)
        .collect::<Vec<_>>()
        .join(" ")
}

/// One form for a word and its inflections, so that the verb and the noun of one property
/// meet: "scored", "scores" and "score" are `scor`; "rated", "rating" and "ratings" are `rat`.
pub fn stem(word: &str) -> String {
    let w = singular(&word.to_lowercase());
    let mut s = w.as_str();
    for suffix in ["ings", "ing", "ed", "es", "e", "s"] {
        if let Some(rest) = s.strip_suffix(suffix)
            && rest.len() >= 3
            && !(suffix == "s" && rest.ends_with('s'))
        {
            s = rest;
            break;
        }
    }
    let b = s.as_bytes();
    // "shipped" -> "shipp" -> "ship".
    if b.len() >= 4 && b[b.len() - 1] == b[b.len() - 2] && !b[b.len() - 1].is_ascii_digit() {
        let last = b[b.len() - 1];
        if !matches!(last, b's' | b'l' | b'f' | b'z') {
            return s[..s.len() - 1].to_string();
        }
    }
    s.to_string()
}
