//! `crosscheck rules`: the rules files in effect, in load order, and what each contributes:
//! how many entries it adds to each section (`unit: 25`, `number-words: 40`).
//!
//! Counting reads the file as plain TOML (the files were already validated by
//! [`Rules::load`](crate::rules::Rules::load)): an array of tables (`[[unit]]`) counts its
//! tables, a table of values (`[number-words]`) its keys, a table of word lists (`[lexicon]`)
//! the words of all its lists, and a list its items.

/// One rules file as loaded.
#[derive(Debug, Clone)]
pub struct RuleFileText {
    /// As [`crate::rules::Source::name`]: `rules/units.toml` for a built-in file, the path for
    /// the user's.
    pub name: String,
    pub builtin: bool,
    /// The text, or why it could not be read again.
    pub text: Result<String, String>,
}

/// How many entries each section of a rules file holds, in the file's order of sections
/// (sorted by name).
pub fn contributions(text: &str) -> Result<Vec<(String, usize)>, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| e.message().to_string())?;
    Ok(table
        .iter()
        .map(|(section, value)| (section.clone(), count(value)))
        .collect())
}

fn count(value: &toml::Value) -> usize {
    match value {
        toml::Value::Array(items) => items.len(),
        toml::Value::Table(table) => {
            let lists: usize = table
                .values()
                .filter_map(toml::Value::as_array)
                .map(Vec::len)
                .sum();
            if lists > 0 { lists } else { table.len() }
        }
        _ => 1,
    }
}

/// The listing: a line per file, then its sections indented.
pub fn render(files: &[RuleFileText]) -> String {
    let mut out = String::new();
    for file in files {
        let origin = if file.builtin { "built in" } else { "yours" };
        out.push_str(&format!("{} ({origin})\n", file.name));
        match file
            .text
            .as_deref()
            .map_err(String::as_str)
            .and_then(|t| contributions(t).map_err(|_| "not TOML"))
        {
            Ok(sections) if sections.is_empty() => out.push_str("  (empty)\n"),
            Ok(sections) => {
                let width = sections.iter().map(|(s, _)| s.len()).max().unwrap_or(0);
                for (section, n) in sections {
                    out.push_str(&format!("  {section:width$}  {n}\n"));
                }
            }
            Err(e) => out.push_str(&format!("  (cannot read it again: {e})\n")),
        }
    }
    let yours = files.iter().filter(|f| !f.builtin).count();
    out.push_str(&format!(
        "{} rules files: {} built in, {yours} yours\n",
        files.len(),
        files.len() - yours
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_count_their_entries() {
        let text = "ordinals = []\n[number-words]\none = 1\ntwo = 2\n\n[[unit]]\ncode = \"a\"\n[[unit]]\ncode = \"b\"\n[[unit]]\ncode = \"c\"\n\n[lexicon]\nstop-words = [\"a\", \"the\"]\nplanned = [\"plans\"]\n";
        let c = contributions(text).expect("TOML");
        assert_eq!(
            c,
            [
                ("lexicon".to_string(), 3),
                ("number-words".to_string(), 2),
                ("ordinals".to_string(), 0),
                ("unit".to_string(), 3),
            ]
        );
    }

    #[test]
    fn every_builtin_file_is_listed_with_its_sections() {
        let files: Vec<RuleFileText> = crate::rules::BUILTIN
            .iter()
            .map(|(name, text)| RuleFileText {
                name: format!("rules/{name}"),
                builtin: true,
                text: Ok((*text).to_string()),
            })
            .collect();
        let out = render(&files);
        assert!(out.contains("rules/units.toml (built in)\n  "), "{out}");
        assert!(out.contains("  unit  "), "{out}");
        assert!(out.ends_with(&format!(
            "{n} rules files: {n} built in, 0 yours\n",
            n = files.len()
        )));
    }
}
