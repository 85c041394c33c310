//! The extractor's floors (issue 13): every file under `src/extract/` imports only modules on
//! floors below its own, so nothing imports in a circle and no claim builder imports another.
//! The test reads the sources, not the compiled crate: it finds every path a file names
//! (`use` lines and paths written out in code, `super::roles::person_name_at(...)`), outside
//! comments, strings and `#[cfg(test)]` items (a builder's tests may run the whole extractor),
//! and resolves each to the module it reaches.

use std::collections::BTreeMap;
use std::path::Path;

/// The floors of `src/extract/`, lowest first, each with its modules (paths under
/// `src/extract/`, `mod` for `mod.rs`). A module may import only modules on a lower floor.
const FLOORS: &[(&str, &[&str])] = &[
    (
        "text: tokens, word forms, labels",
        &["tokens", "words", "labels"],
    ),
    (
        "lexical: the words that may start a figure",
        &["lexical/mod"],
    ),
    (
        "lexical: numbers, written dates",
        &["lexical/number", "lexical/date/forms"],
    ),
    ("lexical: dates in words", &["lexical/date"]),
    (
        "lexical: relative dates, worked out from the report's date",
        &["lexical/relative"],
    ),
    ("tables compiled from the rules", &["tables"]),
    ("mentions read with the tables", &["numbers", "dates"]),
    ("the annotated document", &["document"]),
    (
        "what the builders share",
        &["modality", "grammar", "names", "subject"],
    ),
    ("the event a date or figure belongs to", &["event"]),
    (
        "what the quantity builder reads: units, non-quantities, nouns, values, persons",
        &[
            "quantity/unit",
            "quantity/exclude",
            "quantity/noun",
            "quantity/value",
            "quantity/person",
        ],
    ),
    ("ages read at their figure", &["quantity/age"]),
    ("ages whose person is named later", &["quantity/age_later"]),
    (
        "places in an order and scores on a scale, which the topic reader makes its own",
        &["rank", "score"],
    ),
    (
        "claim builders",
        &[
            "casualty", "quantity", "roles", "places", "quotes", "topic", "dating",
        ],
    ),
    ("orchestration", &["mod"]),
];

/// The crate's modules that `src/extract/` may import; they import nothing from it.
const BELOW_EXTRACT: &[&str] = &["model", "rules", "text"];

/// A module's path in the crate (`["extract", "lexical", "date"]`) from its file under
/// `src/extract/` (`lexical/date.rs`).
fn module_of(rel: &str) -> Vec<String> {
    let stem = rel.strip_suffix(".rs").unwrap_or(rel);
    let mut path = vec!["extract".to_string()];
    path.extend(
        stem.split('/')
            .filter(|part| *part != "mod")
            .map(str::to_string),
    );
    path
}

/// The floor table's name for a module: its path under `extract`, `mod` for `mod.rs` files.
fn name_of(module: &[String], has_children: bool) -> String {
    let rest = module[1..].join("/");
    match (rest.is_empty(), has_children) {
        (true, _) => "mod".to_string(),
        (false, true) => format!("{rest}/mod"),
        (false, false) => rest,
    }
}

/// `text` with comments, string and character literals blanked out (newlines kept, so that
/// byte offsets still give line numbers).
fn strip(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let ident_before = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if (c == 'r' || (c == 'b' && next == Some('r'))) && !ident_before && {
            let mut k = i + if c == 'b' { 2 } else { 1 };
            while chars.get(k) == Some(&'#') {
                k += 1;
            }
            chars.get(k) == Some(&'"')
        } {
            // A raw string: r"...", r#"..."#, br"...".
            let mut k = i + if c == 'b' { 2 } else { 1 };
            let mut hashes = 0;
            while chars[k] == '#' {
                hashes += 1;
                k += 1;
            }
            k += 1;
            loop {
                if k >= chars.len() {
                    break;
                }
                if chars[k] == '"' && (1..=hashes).all(|h| chars.get(k + h) == Some(&'#')) {
                    k += 1 + hashes;
                    break;
                }
                k += 1;
            }
            out.extend(chars[i..k.min(chars.len())].iter().map(|&c| blank(c)));
            i = k;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && next == Some('\\') {
            // An escaped character: '\n', '\'', '\u{2019}'.
            let mut k = i + 2;
            while k < chars.len() && chars[k] != '\'' {
                k += 1;
            }
            if chars.get(i + 2) == Some(&'\'') {
                k = i + 3;
                while k < chars.len() && chars[k] != '\'' {
                    k += 1;
                }
            }
            out.extend(chars[i..=k.min(chars.len() - 1)].iter().map(|_| ' '));
            i = k + 1;
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            out.push_str("   ");
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// `code` (stripped) without its `#[cfg(test)]` items: the attribute, any attributes after it
/// and the item up to its `;` or the end of its block.
fn without_test_items(code: &str) -> String {
    let mut out: Vec<char> = code.chars().collect();
    let marker: Vec<char> = "#[cfg(test)]".chars().collect();
    let mut i = 0;
    while i + marker.len() <= out.len() {
        if out[i..i + marker.len()] != marker[..] {
            i += 1;
            continue;
        }
        let start = i;
        let mut k = i + marker.len();
        let mut depth = 0usize;
        while k < out.len() {
            match out[k] {
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        break;
                    }
                }
                ';' if depth == 0 => break,
                _ => {}
            }
            k += 1;
        }
        let end = (k + 1).min(out.len());
        for c in &mut out[start..end] {
            if *c != '\n' {
                *c = ' ';
            }
        }
        i = end;
    }
    out.into_iter().collect()
}

/// The path trees written at `code[at..]` (which starts with `crate`, `super` or `self`, or a
/// child module's name), expanded into plain segment lists: `super::{a, b::{self, C}}` gives
/// `super a`, `super b self`, `super b C`. Returns them with the byte offset after the path.
fn paths_at(code: &[u8], at: usize) -> (Vec<Vec<String>>, usize) {
    fn skip_space(code: &[u8], mut k: usize) -> usize {
        while k < code.len() && code[k].is_ascii_whitespace() {
            k += 1;
        }
        k
    }
    fn ident(code: &[u8], k: usize) -> (String, usize) {
        let mut e = k;
        while e < code.len() && (code[e].is_ascii_alphanumeric() || code[e] == b'_') {
            e += 1;
        }
        (String::from_utf8_lossy(&code[k..e]).into_owned(), e)
    }
    // One tree at `k`: segments, then optionally `::{ trees }`.
    fn tree(code: &[u8], k: usize) -> (Vec<Vec<String>>, usize) {
        let mut prefix = Vec::new();
        let mut k = skip_space(code, k);
        loop {
            if code.get(k) == Some(&b'{') {
                let mut all = Vec::new();
                k += 1;
                loop {
                    k = skip_space(code, k);
                    match code.get(k) {
                        Some(b'}') => return (all, k + 1),
                        Some(b',') => k += 1,
                        None => return (all, k),
                        _ => {
                            let (subs, e) = tree(code, k);
                            for s in subs {
                                let mut p = prefix.clone();
                                p.extend(s);
                                all.push(p);
                            }
                            if e == k {
                                return (all, k);
                            }
                            k = e;
                        }
                    }
                }
            }
            let (seg, e) = ident(code, k);
            if seg.is_empty() {
                if code.get(k) == Some(&b'*') {
                    return (vec![prefix], k + 1);
                }
                return (vec![prefix], k);
            }
            prefix.push(seg);
            k = skip_space(code, e);
            if code.get(k..k + 2) == Some(b"::") {
                k = skip_space(code, k + 2);
            } else {
                return (vec![prefix], k);
            }
        }
    }
    tree(code, at)
}

/// The module a path written in `module` reaches: `super` and `crate` resolved, then down
/// the known modules as far as its segments name them.
fn resolve(
    module: &[String],
    path: &[String],
    known: &BTreeMap<Vec<String>, String>,
) -> Option<Vec<String>> {
    let mut at: Vec<String> = match path.first().map(String::as_str) {
        Some("crate") => Vec::new(),
        Some("super") | Some("self") => module.to_vec(),
        // A child module named bare (in a file that declares it).
        Some(_) => {
            let mut child = module.to_vec();
            child.push(path[0].clone());
            return known.contains_key(&child).then_some(child);
        }
        None => return None,
    };
    let mut rest = &path[1..];
    if path[0] == "super" {
        at.pop();
        while rest.first().map(String::as_str) == Some("super") {
            at.pop();
            rest = &rest[1..];
        }
    }
    for seg in rest {
        if seg == "self" {
            continue;
        }
        let mut down = at.clone();
        down.push(seg.clone());
        let crate_module = at.is_empty() && BELOW_EXTRACT.contains(&seg.as_str());
        if known.contains_key(&down) || crate_module {
            at = down;
        } else {
            break;
        }
    }
    Some(at)
}

/// Adds a line to `out` for every import of the file `rel` (under `src/extract/`) that is
/// not of a lower floor, or not of the extractor or the modules below it.
fn check_file(
    rel: &str,
    text: &str,
    known: &BTreeMap<Vec<String>, String>,
    floor_of: &BTreeMap<String, usize>,
    out: &mut Vec<String>,
) {
    let module = module_of(rel);
    let own_name = &known[&module];
    // A file on no floor is reported as such, not checked.
    let Some(&own_floor) = floor_of.get(own_name) else {
        return;
    };
    let code = without_test_items(&strip(text));
    let bytes = code.as_bytes();
    // Child modules this file declares (`pub mod date;`), which it may name bare.
    let children: Vec<String> = code
        .lines()
        .filter_map(|l| {
            let l = l.trim();
            let l = l.strip_prefix("pub ").unwrap_or(l);
            l.strip_prefix("mod ")?
                .strip_suffix(';')
                .map(str::to_string)
        })
        .collect();
    let mut k = 0;
    while k < bytes.len() {
        if !(bytes[k].is_ascii_alphabetic() || bytes[k] == b'_') {
            k += 1;
            continue;
        }
        let boundary = k == 0 || !(bytes[k - 1].is_ascii_alphanumeric() || bytes[k - 1] == b'_');
        // A path's first segment, not a later one (`a::super` is no path start).
        let after_colons = k >= 2 && &bytes[k - 2..k] == b"::";
        if !boundary || after_colons {
            k += 1;
            continue;
        }
        let word_end = (k..bytes.len())
            .find(|&e| !(bytes[e].is_ascii_alphanumeric() || bytes[e] == b'_'))
            .unwrap_or(bytes.len());
        let word = &code[k..word_end];
        let rest = code[word_end..].trim_start();
        let starts_path =
            matches!(word, "crate" | "super" | "self") || children.iter().any(|c| c == word);
        if !starts_path || !rest.starts_with("::") {
            k = word_end.max(k + 1);
            continue;
        }
        let (paths, end) = paths_at(bytes, k);
        let line = code[..k].matches('\n').count() + 1;
        for path in paths {
            let Some(target) = resolve(&module, &path, known) else {
                continue;
            };
            if target.first().map(String::as_str) != Some("extract") {
                if target.is_empty() || !BELOW_EXTRACT.contains(&target[0].as_str()) {
                    out.push(format!(
                        "src/extract/{rel}:{line}: `{}` reaches `crate::{}`, which is not below \
                         the extractor",
                        path.join("::"),
                        target.join("::")
                    ));
                }
                continue;
            }
            if target == module {
                continue;
            }
            let target_name = &known[&target];
            let Some(&target_floor) = floor_of.get(target_name) else {
                continue;
            };
            if target_floor >= own_floor {
                out.push(format!(
                    "src/extract/{rel}:{line}: `{}` imports `{target_name}` (floor '{}'), not \
                     below `{own_name}` (floor '{}')",
                    path.join("::"),
                    FLOORS[target_floor].0,
                    FLOORS[own_floor].0
                ));
            }
        }
        k = end.max(k + 1);
    }
}

/// Every `.rs` file under `dir`, as paths relative to `root` with `/` separators.
fn rust_files(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/extract is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).expect("under src/extract");
            let parts: Vec<_> = rel.iter().map(|p| p.to_string_lossy()).collect();
            out.push(parts.join("/"));
        }
    }
}

#[test]
fn the_extractor_imports_only_downwards() {
    let root = Path::new(crate::ROOT).join("src/extract");
    let mut files = Vec::new();
    rust_files(&root, &root, &mut files);
    let mut problems = Vec::new();

    // Every module has one floor, and every module the table names exists.
    let mut floor_of = BTreeMap::new();
    for (floor, (_, names)) in FLOORS.iter().enumerate() {
        for name in *names {
            assert!(
                floor_of.insert(name.to_string(), floor).is_none(),
                "`{name}` is on two floors"
            );
        }
    }
    let mut known = BTreeMap::new();
    for rel in &files {
        let module = module_of(rel);
        let has_children = rel.ends_with("mod.rs");
        let name = name_of(&module, has_children);
        if !floor_of.contains_key(&name) {
            problems.push(format!(
                "src/extract/{rel}: `{name}` is on no floor of the table"
            ));
        }
        known.insert(module, name);
    }
    for name in floor_of.keys() {
        if !known.values().any(|n| n == name) {
            problems.push(format!("the floor table names `{name}`, which has no file"));
        }
    }
    for rel in &files {
        let text = std::fs::read_to_string(root.join(rel)).expect("a source file is readable");
        check_file(rel, &text, &known, &floor_of, &mut problems);
    }

    // Below the extractor, nothing imports it.
    for below in BELOW_EXTRACT {
        let rel = format!("src/{below}.rs");
        let text = std::fs::read_to_string(Path::new(crate::ROOT).join(&rel))
            .expect("a source file is readable");
        let code = without_test_items(&strip(&text));
        for (n, line) in code.lines().enumerate() {
            if line.contains("crate::extract") || line.contains("super::extract") {
                problems.push(format!(
                    "{rel}:{}: imports the extractor, which imports it",
                    n + 1
                ));
            }
        }
    }

    assert!(
        problems.is_empty(),
        "imports against the floors of src/extract (tests/it/layers.rs):\n{}",
        problems.join("\n")
    );
}

/// The reader of paths finds what a file imports and skips what only looks like a path.
#[test]
fn paths_are_read_from_code_only() {
    let text = r##"
use super::document::{Context, Draft};
use super::{names, tokens::TokenKind};
// super::casualty::is_passive in a comment
/// [`super::quantity::format_number`] in a doc link
fn f() {
    let s = "super::roles::person_name_at";
    let r = r#"super::topic::stem"#;
    let c = '"';
    let lifetime: &'static str = "x";
    super::places::find_places(ctx);
}
#[cfg(test)]
mod tests {
    use super::super::tests_support::rules;
}
"##;
    let module = vec!["extract".to_string(), "quotes".to_string()];
    let mut known = BTreeMap::new();
    for name in [
        "document", "names", "tokens", "casualty", "quantity", "roles", "topic", "places", "quotes",
    ] {
        known.insert(
            vec!["extract".to_string(), name.to_string()],
            name.to_string(),
        );
    }
    known.insert(vec!["extract".to_string()], "mod".to_string());
    let code = without_test_items(&strip(text));
    let bytes = code.as_bytes();
    let mut found = Vec::new();
    for (at, _) in code.match_indices("super") {
        if at >= 2 && &bytes[at - 2..at] == b"::" {
            continue;
        }
        let (paths, _) = paths_at(bytes, at);
        for p in paths {
            let target = resolve(&module, &p, &known).expect("a path resolves");
            found.push(target.join("::"));
        }
    }
    assert_eq!(
        found,
        [
            "extract::document",
            "extract::document",
            "extract::names",
            "extract::tokens",
            "extract::places"
        ]
    );
}
