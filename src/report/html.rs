//! `--format html`: one self-contained page for reviewing a corpus, from five articles to ten
//! thousand: no network, the style and the script inline.
//!
//! The page opens on an overview by story (a folder, or the `group` of a JSON Lines record):
//! each story with its sources and its conflicts, updates and agreements counted, conflicts
//! first. Each story then lists its sources (title, outlet, date), a table of subjects by
//! source when it is small enough to read, and its findings as cards: every source's excerpt
//! side by side with the claim highlighted (`<mark>`, a long claim clipped to its two ends),
//! the sources' dates, why the claims were put together and why any were set aside.
//!
//! Everything is in the markup, so the page reads and prints without JavaScript; the script
//! (`html/page.js`) only filters (search, kind, property, severity, story, verdict), moves
//! between findings with the keyboard, and keeps a reviewer's verdicts ("real", "false
//! alarm", "known, accept", with a note) in the browser and exports them as one file that
//! `crosscheck check --baseline` reads ([`crate::baseline::Verdicts`]). Verdicts read with
//! `--verdicts` are shown on their cards.
//!
//! Size and time are linear in the findings and documents: an excerpt looks at most a few
//! hundred bytes either side of its claim, whatever the length of the line, and the browser
//! lays out a story only when it scrolls into view (`content-visibility: auto`). Text from the
//! documents is escaped.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use crate::Analysis;
use crate::baseline::{Key, Verdict, Verdicts};
use crate::model::{Claim, DocId, Document, Finding, FindingKind, Warning};
use crate::report::texts::Texts;
use crate::report::{Context, Summary, claim_with_document, short_name};

const STYLE: &str = include_str!("html/page.css");
const SCRIPT: &str = include_str!("html/page.js");

/// Characters of context an excerpt keeps on each side of its claim.
const CONTEXT: usize = 64;
/// A claim longer than this (in characters) is shown by its two ends.
const CLAIM_SHOWN: usize = 120;
/// A story's table of subjects by source is drawn when it has at most this many findings...
const TABLE_FINDINGS: usize = 25;
/// ... and at most this many documents in them.
const TABLE_SOURCES: usize = 8;
/// A story's list of sources starts open when it has at most this many.
const SOURCES_OPEN: usize = 6;

/// The page.
pub fn render(analysis: &Analysis, context: &Context) -> String {
    render_with(analysis, context, None)
}

/// The page, with the verdicts of an earlier review shown on their cards.
pub fn render_with(analysis: &Analysis, context: &Context, verdicts: Option<&Verdicts>) -> String {
    let mut page = Vec::new();
    // Writing into memory cannot fail; the page is text pushed as strings.
    let _ = write_with(analysis, context, verdicts, &mut page);
    String::from_utf8(page).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// What the page's text holds at most before it is written out.
const WRITTEN_AT: usize = 1 << 20;

/// Writes the page [`render_with`] returns into `w`, a story at a time (about a MiB), so that the
/// page is never held whole.
pub fn write_with(
    analysis: &Analysis,
    context: &Context,
    verdicts: Option<&Verdicts>,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let summary = context.summary(analysis);
    let keys = Key::all(analysis);
    let in_force = verdicts.map(Verdicts::by_key).unwrap_or_default();
    let earlier: Vec<Option<&Verdict>> = keys.iter().map(|k| in_force.get(k).copied()).collect();
    let (stories, details) = Stories::of(analysis, context);
    let properties: BTreeSet<&str> = analysis
        .findings
        .iter()
        .map(|f| f.property.as_str())
        .collect();

    let mut out = String::with_capacity(WRITTEN_AT + (WRITTEN_AT >> 2));
    head(&mut out, &summary, &stories, &properties);
    if analysis.findings.is_empty() {
        out.push_str("<p>No findings.</p>\n");
    }
    for (s, story) in stories.ordered() {
        let Some(detail) = details.get(s).filter(|d| !d.findings.is_empty()) else {
            continue;
        };
        section_opening(&mut out, s, stories.shown(story));
        section_body(
            &mut out,
            analysis,
            context,
            &earlier,
            s,
            story,
            detail,
            &mut Numbers::Direct,
        );
        if out.len() >= WRITTEN_AT {
            w.write_all(out.as_bytes())?;
            out.clear();
        }
    }
    let keys_json: Vec<String> = keys.iter().map(key_json).collect();
    let earlier_json: Vec<String> = earlier
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| earlier_json(i, v)))
        .collect();
    let on_page: std::collections::HashSet<&Key> = keys.iter().collect();
    let other: Vec<&Verdict> = verdicts
        .map(|v| {
            v.verdicts
                .iter()
                .filter(|v| {
                    let key = v.key();
                    !on_page.contains(&key)
                        && in_force.get(&key).is_some_and(|f| std::ptr::eq(*f, *v))
                })
                .collect()
        })
        .unwrap_or_default();
    tail_until_keys(&mut out, &analysis.warnings, &earlier_json);
    out.push_str(&keys_json.join(","));
    tail_after_keys(&mut out, &other);
    w.write_all(out.as_bytes())
}

/// The page up to its story sections: the head, the counts, the filters, the overview and
/// the opening of the findings.
fn head(out: &mut String, summary: &Summary, stories: &Stories, properties: &BTreeSet<&str>) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>crosscheck report</title>\n");
    let _ = write!(out, "<style>{STYLE}</style>\n</head>\n<body>\n");
    out.push_str("<header>\n<h1>crosscheck report</h1>\n<p id=\"summary-line\">");
    esc_into(out, &summary.to_string());
    out.push_str("</p>\n<dl class=\"counts\" id=\"summary\">\n");
    let counts = [
        ("documents", summary.documents),
        ("stories", stories.with_findings()),
        ("claims", summary.claims),
        ("conflicts", summary.conflicts),
        ("updates", summary.updates),
        ("agreements", summary.agreements),
        ("known", summary.known),
        ("suppressed", summary.suppressed),
        ("warnings", summary.warnings),
        ("skipped", summary.skipped),
    ];
    for (name, n) in counts {
        let _ = writeln!(
            out,
            "<div><dt>{name}</dt><dd data-count=\"{name}\">{n}</dd></div>"
        );
    }
    out.push_str("</dl>\n");
    if summary.suppressed > 0 {
        let _ = writeln!(
            out,
            "<p>{} removed by <code>crosscheck-ignore</code> comments in the documents; they are shown last in their story, marked <em>suppressed</em>, and count in no total.</p>",
            crate::report::plural(summary.suppressed, "finding was", "findings were")
        );
    }
    out.push_str("</header>\n");
    filters(out, properties, stories);
    overview(out, stories);
    out.push_str("<main id=\"findings\">\n");
}

/// The page after its story sections up to the keys of the findings in the script's data
/// (which come next, each [`key_json`], separated by commas): the warnings, and the earlier
/// verdicts on findings of the page (each [`earlier_json`]).
fn tail_until_keys(out: &mut String, warnings: &[Warning], earlier: &[String]) {
    out.push_str("</main>\n");
    if !warnings.is_empty() {
        out.push_str("<section id=\"warnings\">\n<h2>Warnings</h2>\n<ul>\n");
        for w in warnings {
            out.push_str("<li><code>");
            esc_into(out, &w.path);
            out.push_str("</code>: ");
            esc_into(out, &w.message);
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n</section>\n");
    }
    // The verdict data the script needs, as JSON: the earlier verdicts on findings of the
    // page (by index), each finding's key (by its index), and the verdicts on findings no
    // longer on it (kept on export). `<` only occurs inside JSON strings, where `\u003c`
    // means the same: nothing in the data can close the script element.
    out.push_str("<script type=\"application/json\" id=\"cc-data\">{\"earlier\":[");
    out.push_str(&earlier.join(","));
    out.push_str("],\"keys\":[");
}

/// The page after the keys of its findings: the verdicts on findings not on the page, and
/// the script.
fn tail_after_keys(out: &mut String, other: &[&Verdict]) {
    out.push_str("],\"other\":");
    out.push_str(&safe_json(&serde_json::json!(other)));
    out.push_str("}</script>\n");
    let _ = write!(out, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
}

/// JSON for the script's data, safe inside its element.
fn safe_json(value: &serde_json::Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

/// A finding's key in the script's data.
pub fn key_json(k: &Key) -> String {
    safe_json(&serde_json::json!([
        k.code, k.subject, k.property, k.values
    ]))
}

/// An earlier verdict on finding `index` of the page, in the script's data.
fn earlier_json(index: usize, v: &Verdict) -> String {
    safe_json(&serde_json::json!([index, v.verdict.code(), v.note]))
}

/// How a finding's number (its `finding-N` anchor) is written: as it is (the whole page), or
/// left out with a mark of where it goes and which finding of the batch it is (a page put
/// together from batches, whose findings are numbered once every one is known).
enum Numbers {
    Direct,
    /// (byte offset in the text, index of the finding in its batch).
    Marked(Vec<(usize, usize)>),
}

impl Numbers {
    fn write(&mut self, out: &mut String, index: usize) {
        match self {
            Numbers::Direct => {
                let _ = write!(out, "{}", index + 1);
            }
            Numbers::Marked(marks) => marks.push((out.len(), index)),
        }
    }
}

/// What the page says of one story above its section: its name, its sources and its
/// findings counted.
#[derive(Debug, Clone, Default)]
pub struct Story {
    pub name: String,
    pub documents: usize,
    /// Its findings, those suppressed too.
    pub findings: usize,
    pub conflicts: usize,
    pub updates: usize,
    pub agreements: usize,
    /// Findings a `crosscheck-ignore` comment removed (shown, counted in no total).
    pub suppressed: usize,
}

impl Story {
    fn new(name: String) -> Self {
        Self {
            name,
            ..Self::default()
        }
    }
}

/// What a story's section shows when the whole analysis is in memory.
struct Detail {
    documents: Vec<DocId>,
    /// Indices into `analysis.findings`, conflicts, then updates, then agreements.
    findings: Vec<usize>,
}

/// The stories of a corpus: documents by their `group`, and each finding in the story of its
/// documents (a finding across several, with `--group-by all`, in a story of its own named by
/// them all).
struct Stories {
    list: Vec<Story>,
    /// The folder every story is under, said once above the overview (`../corpus/`).
    prefix: String,
}

impl Stories {
    fn new(list: Vec<Story>) -> Self {
        let folders: Vec<String> = list.iter().map(|s| format!("{}/", s.name)).collect();
        let prefix = common_folder(folders.iter().map(String::as_str));
        Self { list, prefix }
    }

    /// The stories of an analysis and what each section shows, story by story.
    fn of(analysis: &Analysis, context: &Context) -> (Self, Vec<Detail>) {
        let mut list: Vec<Story> = Vec::new();
        let mut details: Vec<Detail> = Vec::new();
        let mut by_name: HashMap<String, usize> = HashMap::new();
        let mut story_of_doc = Vec::with_capacity(analysis.documents.len());
        let add = |list: &mut Vec<Story>, details: &mut Vec<Detail>, name: &str| {
            list.push(Story::new(name.to_string()));
            details.push(Detail {
                documents: Vec::new(),
                findings: Vec::new(),
            });
            list.len() - 1
        };
        for (d, doc) in analysis.documents.iter().enumerate() {
            let s = match by_name.get(&doc.group) {
                Some(&s) => s,
                None => {
                    let s = add(&mut list, &mut details, &doc.group);
                    by_name.insert(doc.group.clone(), s);
                    s
                }
            };
            if let (Some(story), Some(detail)) = (list.get_mut(s), details.get_mut(s)) {
                story.documents += 1;
                detail.documents.push(d);
            }
            story_of_doc.push(s);
        }
        for (i, finding) in analysis.findings.iter().enumerate() {
            let of: BTreeSet<usize> = finding
                .claims
                .iter()
                .filter_map(|&c| analysis.claims.get(c))
                .filter_map(|c| story_of_doc.get(c.doc).copied())
                .collect();
            let s = if of.len() <= 1 {
                of.first().copied()
            } else {
                let names: Vec<&str> = of
                    .iter()
                    .filter_map(|&s| list.get(s).map(|st| st.name.as_str()))
                    .collect();
                let name = names.join(" + ");
                Some(match by_name.get(&name) {
                    Some(&s) => s,
                    None => {
                        let s = add(&mut list, &mut details, &name);
                        by_name.insert(name, s);
                        s
                    }
                })
            };
            let Some((story, detail)) =
                s.and_then(|s| Some((list.get_mut(s)?, details.get_mut(s)?)))
            else {
                continue;
            };
            detail.findings.push(i);
            story.findings += 1;
            match finding.kind {
                _ if context.is_suppressed(i) => story.suppressed += 1,
                FindingKind::Conflict => story.conflicts += 1,
                FindingKind::Update => story.updates += 1,
                FindingKind::Agreement => story.agreements += 1,
            }
        }
        for detail in &mut details {
            detail.findings.sort_by_key(|&i| {
                let rank = analysis.findings.get(i).map_or(4, |f| match f.kind {
                    _ if context.is_suppressed(i) => 3,
                    FindingKind::Conflict => 0,
                    FindingKind::Update => 1,
                    FindingKind::Agreement => 2,
                });
                (rank, i)
            });
        }
        (Self::new(list), details)
    }

    /// A story's name as shown: without the folder all stories are under.
    fn shown<'a>(&self, story: &'a Story) -> &'a str {
        let name = story_name(&story.name);
        name.strip_prefix(self.prefix.as_str())
            .filter(|rest| !rest.is_empty())
            .unwrap_or(name)
    }

    /// Stories with conflicts first, then updates, then agreements, each by name; the index of
    /// each is its number on the page.
    fn ordered(&self) -> Vec<(usize, &Story)> {
        let mut v: Vec<(usize, &Story)> = self.list.iter().enumerate().collect();
        v.sort_by(|(_, a), (_, b)| {
            b.conflicts
                .cmp(&a.conflicts)
                .then(b.updates.cmp(&a.updates))
                .then(b.agreements.cmp(&a.agreements))
                .then_with(|| a.name.cmp(&b.name))
        });
        v
    }

    fn with_findings(&self) -> usize {
        self.list.iter().filter(|s| s.findings > 0).count()
    }
}

/// One story's section of a batch, for a page put together from batches ([`crate::stream`]):
/// all of it but its opening, which names the story as the page shows it (known once every
/// story is), and with its findings' numbers left out, marked.
#[derive(Debug)]
pub struct Body {
    /// The story (the `group` of its documents).
    pub story: String,
    pub text: String,
    /// Where each finding's number goes in `text` (a byte offset, ascending), and which
    /// finding of the batch it is (an index into its `analysis.findings`).
    pub marks: Vec<(usize, usize)>,
}

/// The sections of the stories of a batch (`analysis`) that have findings, in the order of
/// their first document; `number` gives each story's number on the page from its name.
pub fn bodies(
    analysis: &Analysis,
    context: &Context,
    earlier: &[Option<&Verdict>],
    number: impl Fn(&str) -> usize,
) -> Vec<Body> {
    let (stories, details) = Stories::of(analysis, context);
    let mut bodies = Vec::new();
    for (story, detail) in stories.list.iter().zip(&details) {
        if detail.findings.is_empty() {
            continue;
        }
        let mut text = String::new();
        let mut numbers = Numbers::Marked(Vec::new());
        section_body(
            &mut text,
            analysis,
            context,
            earlier,
            number(&story.name),
            story,
            detail,
            &mut numbers,
        );
        let marks = match numbers {
            Numbers::Marked(marks) => marks,
            Numbers::Direct => Vec::new(),
        };
        bodies.push(Body {
            story: story.name.clone(),
            text,
            marks,
        });
    }
    bodies
}

/// The parts of a page put together from batches around its sections and its findings' keys,
/// from what is counted of every story (in the order of their first document: a story's
/// number is its index).
pub struct Outline {
    stories: Stories,
}

impl Outline {
    pub fn new(stories: Vec<Story>) -> Self {
        Self {
            stories: Stories::new(stories),
        }
    }

    /// The numbers of the stories with findings, in the page's order.
    pub fn sections(&self) -> Vec<usize> {
        self.stories
            .ordered()
            .into_iter()
            .filter(|(_, s)| s.findings > 0)
            .map(|(n, _)| n)
            .collect()
    }

    /// The page up to its first section; `properties` are those of every finding.
    pub fn head(&self, summary: &Summary, properties: &BTreeSet<&str>) -> String {
        let mut out = String::new();
        head(&mut out, summary, &self.stories, properties);
        if self.stories.list.iter().all(|s| s.findings == 0) {
            out.push_str("<p>No findings.</p>\n");
        }
        out
    }

    /// The opening of story `s`'s section, before its [`Body`].
    pub fn section_opening(&self, s: usize) -> String {
        let mut out = String::new();
        if let Some(story) = self.stories.list.get(s) {
            section_opening(&mut out, s, self.stories.shown(story));
        }
        out
    }

    /// The page after its sections, up to its findings' keys (each [`key_json`], separated
    /// by commas, page order): `earlier` are the verdicts read on findings of the page, by
    /// their index on it.
    pub fn until_keys(&self, warnings: &[Warning], earlier: &[(usize, &Verdict)]) -> String {
        let earlier: Vec<String> = earlier.iter().map(|&(i, v)| earlier_json(i, v)).collect();
        let mut out = String::new();
        tail_until_keys(&mut out, warnings, &earlier);
        out
    }

    /// The end of the page, after its findings' keys: `other` are the verdicts read on
    /// findings not on the page, kept on export.
    pub fn after_keys(&self, other: &[&Verdict]) -> String {
        let mut out = String::new();
        tail_after_keys(&mut out, other);
        out
    }
}

/// The longest folder (ending in `/`) that every name is in, when there are two names or more.
fn common_folder<'a>(mut names: impl Iterator<Item = &'a str>) -> String {
    let Some(first) = names.next() else {
        return String::new();
    };
    let mut common = first.len();
    let mut several = false;
    for name in names {
        several = true;
        let same = first
            .bytes()
            .zip(name.bytes())
            .take(common)
            .take_while(|(a, b)| a == b)
            .count();
        common = common.min(same);
    }
    if !several {
        return String::new();
    }
    match first[..common].rfind('/') {
        Some(at) => first[..=at].to_string(),
        None => String::new(),
    }
}

/// A story's name: the corpus itself when its documents have no folder.
fn story_name(name: &str) -> &str {
    if name.is_empty() || name == "." {
        "(top folder)"
    } else {
        name
    }
}

/// The search box and the filters, hidden until the script runs (without it they would do
/// nothing).
fn filters(out: &mut String, properties: &BTreeSet<&str>, stories: &Stories) {
    out.push_str("<form id=\"filters\" hidden role=\"search\">\n");
    out.push_str("<label>Search <input type=\"search\" id=\"q\" placeholder=\"subject, value, source…\"></label>\n");
    out.push_str("<label>Kind <select id=\"filter-kind\">\n<option value=\"all\">all</option>\n<option value=\"conflict\">conflicts</option>\n<option value=\"update\">updates</option>\n<option value=\"agreement\">agreements</option>\n<option value=\"known\">known (baseline)</option>\n<option value=\"new\">new (not in the baseline)</option>\n<option value=\"suppressed\">suppressed (by a comment)</option>\n</select></label>\n");
    out.push_str(
        "<label>Property <select id=\"filter-property\">\n<option value=\"all\">all</option>\n",
    );
    for p in properties {
        out.push_str("<option value=\"");
        esc_into(out, p);
        out.push_str("\">");
        esc_into(out, p);
        out.push_str("</option>\n");
    }
    out.push_str("</select></label>\n");
    out.push_str("<label>Severity <select id=\"filter-severity\">\n<option value=\"all\">all</option>\n<option value=\"error\">error</option>\n<option value=\"warning\">warning</option>\n<option value=\"note\">note</option>\n</select></label>\n");
    out.push_str("<label>Story <select id=\"filter-story\">\n<option value=\"all\">all</option>\n");
    for (s, story) in stories.ordered() {
        if story.findings == 0 {
            continue;
        }
        let _ = write!(out, "<option value=\"{s}\">");
        esc_into(out, stories.shown(story));
        out.push_str("</option>\n");
    }
    out.push_str("</select></label>\n");
    out.push_str("<label>Verdict <select id=\"filter-verdict\">\n<option value=\"all\">all</option>\n<option value=\"none\">not judged</option>\n<option value=\"real\">real</option>\n<option value=\"false-alarm\">false alarm</option>\n<option value=\"accepted\">known, accept</option>\n</select></label>\n");
    out.push_str("<button type=\"button\" id=\"export\">Export verdicts</button>\n<span id=\"shown\"></span>\n");
    out.push_str("<span class=\"keys\"><kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>r</kbd> real · <kbd>f</kbd> false alarm · <kbd>a</kbd> accept · <kbd>/</kbd> search</span>\n");
    out.push_str("<details id=\"export-box\" hidden open><summary>verdicts.json</summary><textarea id=\"export-text\" readonly></textarea></details>\n");
    out.push_str("</form>\n");
}

/// The overview: one row a story, conflicts first.
fn overview(out: &mut String, stories: &Stories) {
    out.push_str("<nav id=\"overview\">\n<h2>Stories");
    if !stories.prefix.is_empty() {
        out.push_str(" <span class=\"tally\">in <code>");
        esc_into(out, &stories.prefix);
        out.push_str("</code></span>");
    }
    out.push_str("</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th>story</th><th>sources</th><th>conflicts</th><th>updates</th><th>agreements</th></tr></thead>\n<tbody>\n");
    for (s, story) in stories.ordered() {
        let blank = |n: usize| {
            if n == 0 { String::new() } else { n.to_string() }
        };
        let _ = write!(out, "<tr data-story=\"{s}\"><td>");
        if story.findings == 0 {
            esc_into(out, stories.shown(story));
        } else {
            let _ = write!(out, "<a href=\"#s{s}\">");
            esc_into(out, stories.shown(story));
            out.push_str("</a>");
        }
        let _ = writeln!(
            out,
            "</td><td class=\"n\">{}</td><td class=\"n c\">{}</td><td class=\"n u\">{}</td><td class=\"n\">{}</td></tr>",
            story.documents,
            blank(story.conflicts),
            blank(story.updates),
            blank(story.agreements)
        );
    }
    out.push_str("</tbody>\n</table></div>\n</nav>\n");
}

/// The documents a story's findings involve, in order.
fn involved(analysis: &Analysis, detail: &Detail) -> Vec<DocId> {
    let docs: BTreeSet<DocId> = detail
        .findings
        .iter()
        .filter_map(|&i| analysis.findings.get(i))
        .flat_map(|f| f.claims.iter())
        .filter_map(|&c| analysis.claims.get(c))
        .map(|c| c.doc)
        .collect();
    docs.into_iter().collect()
}

/// The opening of story `s`'s section, up to its name (as shown).
fn section_opening(out: &mut String, s: usize, name: &str) {
    let _ = write!(
        out,
        "<section class=\"story\" id=\"s{s}\" data-story=\"{s}\">\n<h2>"
    );
    esc_into(out, name);
}

/// A story's section after its name: its findings counted, its sources, its table of
/// subjects and its cards.
#[allow(clippy::too_many_arguments)]
fn section_body(
    out: &mut String,
    analysis: &Analysis,
    context: &Context,
    earlier: &[Option<&Verdict>],
    s: usize,
    story: &Story,
    detail: &Detail,
    numbers: &mut Numbers,
) {
    out.push_str(" <span class=\"tally\">");
    let mut parts = Vec::new();
    if story.conflicts > 0 {
        parts.push(format!(
            "<span class=\"c\">{}</span>",
            crate::report::plural(story.conflicts, "conflict", "conflicts")
        ));
    }
    if story.updates > 0 {
        parts.push(format!(
            "<span class=\"u\">{}</span>",
            crate::report::plural(story.updates, "update", "updates")
        ));
    }
    if story.agreements > 0 {
        parts.push(crate::report::plural(
            story.agreements,
            "agreement",
            "agreements",
        ));
    }
    if story.suppressed > 0 {
        parts.push(format!("{} suppressed", story.suppressed));
    }
    out.push_str(&parts.join(" · "));
    out.push_str("</span></h2>\n");

    // A story of several folders (with --group-by all) lists the documents of its findings.
    let sources = if detail.documents.is_empty() {
        involved(analysis, detail)
    } else {
        detail.documents.clone()
    };
    let _ = writeln!(
        out,
        "<details class=\"docs\"{}><summary>{}</summary>",
        if sources.len() <= SOURCES_OPEN {
            " open"
        } else {
            ""
        },
        crate::report::plural(sources.len(), "source", "sources")
    );
    // Paths under the story's folder are shown from it.
    let folder = format!("{}/", story.name);
    let shown = |doc: &'_ Document| -> String {
        doc.path
            .strip_prefix(folder.as_str())
            .unwrap_or(&doc.path)
            .to_string()
    };
    let docs: Vec<&Document> = sources
        .iter()
        .filter_map(|&d| analysis.documents.get(d))
        .collect();
    let described = docs
        .iter()
        .any(|d| d.meta.title.is_some() || d.meta.source.is_some() || d.meta.date.is_some());
    if described {
        out.push_str("<div class=\"scroll\"><table><thead><tr><th>title</th><th>outlet</th><th>date</th><th>file</th></tr></thead><tbody>\n");
        for doc in &docs {
            out.push_str("<tr><td>");
            esc_into(out, doc.meta.title.as_deref().unwrap_or(""));
            out.push_str("</td><td>");
            esc_into(out, doc.meta.source.as_deref().unwrap_or(""));
            out.push_str("</td><td>");
            esc_into(out, doc.meta.date.as_deref().unwrap_or(""));
            out.push_str("</td><td><code>");
            esc_into(out, &shown(doc));
            out.push_str("</code></td></tr>\n");
        }
        out.push_str("</tbody></table></div>\n");
    } else {
        // No front matter: no title, outlet or date to tabulate.
        out.push_str("<p class=\"files\">");
        for (n, doc) in docs.iter().enumerate() {
            if n > 0 {
                out.push_str(" · ");
            }
            out.push_str("<code>");
            esc_into(out, &shown(doc));
            out.push_str("</code>");
        }
        out.push_str("</p>\n");
    }
    out.push_str("</details>\n");

    let docs = involved(analysis, detail);
    if detail.findings.len() <= TABLE_FINDINGS && docs.len() <= TABLE_SOURCES {
        matrix(out, analysis, context, s, detail, &docs, numbers);
    }
    for &i in &detail.findings {
        if let Some(finding) = analysis.findings.get(i) {
            card(
                out,
                analysis,
                context,
                (i, finding),
                s,
                earlier.get(i).copied().flatten(),
                numbers,
            );
        }
    }
    out.push_str("</section>\n");
}

/// A story's table of subjects (rows) by sources (columns), the value each states in the cell.
fn matrix(
    out: &mut String,
    analysis: &Analysis,
    context: &Context,
    s: usize,
    detail: &Detail,
    docs: &[DocId],
    numbers: &mut Numbers,
) {
    let _ = write!(
        out,
        "<details class=\"subjects\" open><summary>Subjects by source</summary>\n<div class=\"scroll\"><table class=\"matrix\" id=\"matrix-{s}\">\n<thead><tr><th>subject</th><th>property</th><th>finding</th>"
    );
    for &d in docs {
        if let Some(doc) = analysis.documents.get(d) {
            out.push_str("<th>");
            esc_into(out, short_name(doc));
            out.push_str("</th>");
        }
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for &i in &detail.findings {
        let Some(f) = analysis.findings.get(i) else {
            continue;
        };
        let kind = f.kind.as_str();
        let _ = write!(out, "<tr class=\"{kind}\"><td><a href=\"#finding-");
        numbers.write(out, i);
        out.push_str("\">");
        esc_into(out, &f.subject);
        out.push_str("</a></td><td>");
        esc_into(out, &f.property);
        let _ = write!(
            out,
            "</td><td>{kind}{}</td>",
            if context.is_known(i) {
                " <span class=\"known\">known</span>"
            } else {
                ""
            }
        );
        let claims: Vec<&Claim> = f
            .claims
            .iter()
            .filter_map(|&c| analysis.claims.get(c))
            .collect();
        for &d in docs {
            out.push_str("<td>");
            let mut first = true;
            for c in claims.iter().filter(|c| c.doc == d) {
                if !first {
                    out.push_str("<br>");
                }
                first = false;
                esc_into(out, &c.label);
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n</details>\n");
}

/// One finding: what it says, why the claims were put together, and each source's excerpt.
fn card(
    out: &mut String,
    analysis: &Analysis,
    context: &Context,
    (index, finding): (usize, &Finding),
    story: usize,
    earlier: Option<&Verdict>,
    numbers: &mut Numbers,
) {
    let kind = finding.kind.as_str();
    let known = context.is_known(index);
    // A finding a comment removed is filtered as "suppressed", whatever its kind.
    let suppressed = context.is_suppressed(index);
    out.push_str("<article id=\"finding-");
    numbers.write(out, index);
    let _ = write!(
        out,
        "\" class=\"f {kind}{}\" data-kind=\"{}\" data-severity=\"{}\" data-property=\"",
        if suppressed { " suppressed" } else { "" },
        if suppressed { "suppressed" } else { kind },
        finding.severity.as_str(),
    );
    esc_into(out, &finding.property);
    let _ = write!(out, "\" data-story=\"{story}\"");
    if known {
        out.push_str(" data-known");
    }
    let _ = write!(out, ">\n<h3><span class=\"k\">{kind}</span> ");
    if suppressed {
        out.push_str("<span class=\"known\">suppressed by a comment</span> ");
    }
    esc_into(out, &finding.subject);
    out.push_str(" <span class=\"p\">");
    esc_into(out, &finding.property);
    out.push_str("</span>: ");
    esc_into(out, &finding.message);
    if known {
        out.push_str(" <span class=\"known\">known (in the baseline)</span>");
    }
    out.push_str("</h3>\n<p class=\"why\"><code>");
    esc_into(out, &finding.code);
    out.push_str("</code> · ");
    esc_into(out, &finding.grouped);
    out.push_str("</p>\n");
    if let Some(v) = earlier {
        let _ = write!(
            out,
            "<p class=\"was\">Earlier verdict: <b>{}</b>",
            v.verdict.as_str()
        );
        if !v.note.is_empty() {
            out.push_str(" — ");
            esc_into(out, &v.note);
        }
        out.push_str("</p>\n");
    }
    // Why claims were set aside, each reason once with the sources it applies to.
    let mut reasons: Vec<(&str, Vec<usize>)> = Vec::new();
    for (c, why) in &finding.set_aside {
        match reasons.iter_mut().find(|(w, _)| *w == why.as_str()) {
            Some((_, claims)) => claims.push(*c),
            None => reasons.push((why.as_str(), vec![*c])),
        }
    }
    for (why, claims) in &reasons {
        out.push_str("<p class=\"aside\">Set aside: ");
        esc_into(out, why);
        out.push_str(" (");
        // The figures set aside are dashed below; a long list names the first few.
        const NAMED: usize = 4;
        for (n, (claim, doc)) in claims
            .iter()
            .filter_map(|&c| claim_with_document(analysis, c))
            .take(NAMED)
            .enumerate()
        {
            if n > 0 {
                out.push_str(", ");
            }
            esc_into(out, file_name(&doc.path));
            let _ = write!(out, ":{}", claim.span.line);
        }
        if claims.len() > NAMED {
            let _ = write!(out, " and {} more", claims.len() - NAMED);
        }
        out.push_str(")</p>\n");
    }
    out.push_str("<div class=\"src\">\n");
    let aside: std::collections::HashSet<usize> =
        finding.set_aside.iter().map(|(c, _)| *c).collect();
    for &c in &finding.claims {
        let Some((claim, doc)) = claim_with_document(analysis, c) else {
            continue;
        };
        figure(out, &analysis.texts, doc, claim, aside.contains(&c));
    }
    out.push_str("</div>\n</article>\n");
}

/// One source's excerpt: who and when, where in the file, the value, and the text around the
/// claim.
fn figure(out: &mut String, texts: &Texts, doc: &Document, claim: &Claim, set_aside: bool) {
    out.push_str(if set_aside {
        "<figure class=\"aside\"><figcaption>"
    } else {
        "<figure><figcaption>"
    });
    // The outlet, when the front matter names one (else the file name below says who).
    if let Some(source) = &doc.meta.source {
        out.push_str("<b>");
        esc_into(out, source);
        out.push_str("</b> ");
    }
    if let Some(date) = &doc.meta.date {
        out.push_str("<time>");
        esc_into(out, date);
        out.push_str("</time> ");
    }
    out.push_str("<code>");
    esc_into(out, file_name(&doc.path));
    let _ = write!(out, ":{}:{}</code> · ", claim.span.line, claim.span.column);
    esc_into(out, &claim.label);
    // A doubt is said in the card's reasons when it set the claim aside.
    if !set_aside {
        for d in &claim.doubts {
            let _ = write!(out, "<i>unsure of the {}: ", d.about.as_str());
            esc_into(out, d.why);
            out.push_str("</i>");
        }
    }
    let e = clip(texts, doc, claim);
    out.push_str("</figcaption><blockquote>");
    esc_into(out, &e.before);
    out.push_str("<mark>");
    esc_into(out, &e.head);
    if let Some(tail) = &e.tail {
        let _ = write!(
            out,
            "<span class=\"gap\" title=\"{} characters not shown\">…</span>",
            e.hidden
        );
        esc_into(out, tail);
    }
    out.push_str("</mark>");
    esc_into(out, &e.after);
    out.push_str("</blockquote></figure>\n");
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// A claim's excerpt: the text before it and after it on its line (at most [`CONTEXT`]
/// characters each, cut at a word), and the claim, by its two ends when it is long. At most
/// `4 × CONTEXT + 64` bytes are read on each side (enough for the context in any script),
/// never the whole of a long line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Clip {
    pub before: String,
    pub head: String,
    /// The claim's end, when it is shown by its two ends.
    pub tail: Option<String>,
    /// Characters of the claim not shown.
    pub hidden: usize,
    pub after: String,
}

/// The largest character boundary of `s` at or below `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest character boundary of `s` at or above `i`.
fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn clip(texts: &Texts, doc: &Document, claim: &Claim) -> Clip {
    clip_with(texts, doc, claim, CONTEXT)
}

/// [`clip`] with `context` characters either side (the Markdown report keeps more).
pub(crate) fn clip_with(texts: &Texts, doc: &Document, claim: &Claim, context: usize) -> Clip {
    let window = 4 * context + 64;
    let text = texts.text(claim.doc, doc);
    let text: &str = &text;
    let end = claim.span.end.min(text.len());
    let start = claim.span.start.min(end);
    let body = match text.get(start..end) {
        Some(body) if !body.is_empty() => body,
        // The text could not be read again (or the span points nowhere): the claim alone.
        _ => {
            let (head, tail, hidden) = ends(&fold(&claim.text));
            return Clip {
                before: String::new(),
                head,
                tail,
                hidden,
                after: String::new(),
            };
        }
    };
    let from = floor_boundary(text, start.saturating_sub(window));
    let mut left = &text[from..start];
    let mut cut_left = from > 0;
    if let Some(nl) = left.rfind('\n') {
        left = &left[nl + 1..];
        cut_left = false;
    }
    let left = fold(left.trim_start_matches('\u{feff}'));
    let to = ceil_boundary(text, end.saturating_add(window));
    let mut right = &text[end..to];
    let mut cut_right = to < text.len();
    if let Some(nl) = right.find('\n') {
        right = &right[..nl];
        cut_right = false;
    }
    let right = fold(right);

    let n = left.chars().count();
    let before = if n > context {
        let kept: String = left.chars().skip(n - context).collect();
        let kept = kept.split_once(' ').map_or(kept.as_str(), |(_, rest)| rest);
        format!("…{kept}")
    } else if cut_left {
        format!("…{}", left.trim_start())
    } else {
        left.trim_start().to_string()
    };
    let after = if right.chars().count() > context {
        let kept: String = right.chars().take(context).collect();
        let kept = kept
            .rsplit_once(' ')
            .map_or(kept.as_str(), |(rest, _)| rest);
        format!("{kept}…")
    } else if cut_right {
        format!("{}…", right.trim_end())
    } else {
        right.trim_end().to_string()
    };
    let (head, tail, hidden) = ends(&fold(body));
    Clip {
        before,
        head,
        tail,
        hidden,
        after,
    }
}

/// A claim as shown: whole when short, else its first and last words (a quote whose marks
/// were mis-paired can run over many lines).
fn ends(claim: &str) -> (String, Option<String>, usize) {
    let n = claim.chars().count();
    if n <= CLAIM_SHOWN {
        return (claim.to_string(), None, 0);
    }
    let head: String = claim.chars().take(CLAIM_SHOWN * 2 / 3).collect();
    let head = head
        .rsplit_once(' ')
        .map_or(head.as_str(), |(h, _)| h)
        .to_string();
    let tail: String = claim.chars().skip(n - CLAIM_SHOWN / 3).collect();
    let tail = tail
        .split_once(' ')
        .map_or(tail.as_str(), |(_, t)| t)
        .to_string();
    let hidden = n - head.chars().count() - tail.chars().count();
    (head, Some(tail), hidden)
}

/// Whitespace runs (line breaks included) as one space.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !blank {
                out.push(' ');
            }
            blank = true;
        } else {
            out.push(c);
            blank = false;
        }
    }
    out
}

/// Text safe in HTML content and in double-quoted attributes (the only kind the page uses).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    esc_into(&mut out, s);
    out
}

/// [`esc`], appended to `out`.
fn esc_into(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(at) = rest.find(['&', '<', '>', '"']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => "&quot;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    #[test]
    fn the_page_is_self_contained_and_lists_every_finding() {
        let analysis = fixture::analysis();
        let out = render(&analysis, &Context::default());
        assert!(out.starts_with("<!DOCTYPE html>"));
        for remote in ["http://", "https://", "src=", "<link"] {
            assert!(!out.contains(remote), "{remote} in the page");
        }
        assert_eq!(out.matches("<article ").count(), 2);
        assert!(
            out.contains("<mark>two NASAMS units</mark> so far."),
            "{out}"
        );
        assert!(out.contains("<option value=\"count\">count</option>"));
    }

    #[test]
    fn text_from_documents_is_escaped() {
        assert_eq!(esc("<b a=\"x\">&'"), "&lt;b a=&quot;x&quot;&gt;&amp;'");
        let mut analysis = fixture::analysis();
        analysis.findings[0].subject = "<script>alert(1)</script>".into();
        analysis.documents[1].meta.source = Some("</script><script>x()".into());
        let out = render(&analysis, &Context::default());
        assert!(!out.contains("<script>alert"), "{out}");
        assert!(!out.contains("</script><script>x"), "{out}");
        // The data for the script cannot close its element either.
        let data = out
            .split("<script type=\"application/json\" id=\"cc-data\">")
            .nth(1)
            .and_then(|rest| rest.split("</script>").next())
            .expect("the data element");
        assert!(!data.contains('<'), "{data}");
        let parsed: serde_json::Value = serde_json::from_str(data).expect("the data is JSON");
        assert_eq!(parsed["keys"][0][0], "crosscheck::conflict::quantity");
    }

    #[test]
    fn findings_are_grouped_by_story_with_conflicts_first() {
        let mut analysis = fixture::analysis();
        analysis.documents[0].group = "news".into();
        analysis.documents[1].group = "news".into();
        analysis.documents[2].group = "other".into();
        // A finding between `news` and `other` (as with --group-by all) has a story of its own.
        analysis.findings[1].claims = vec![0, 2];
        let out = render(&analysis, &Context::default());
        let news = out
            .find("<section class=\"story\" id=\"s0\"")
            .expect("news");
        let both = out.find(">news + other <").expect("the story of both");
        assert!(news < both, "the story with a conflict comes first");
        assert!(out.contains("<span class=\"c\">1 conflict</span>"), "{out}");
        // Each story lists its sources with their title and outlet.
        assert!(
            out.contains(
                "<tr><td>Air defence</td><td>Wire</td><td></td><td><code>news/a.md</code></td></tr>"
            ),
            "{out}"
        );
    }

    #[test]
    fn an_excerpt_reads_a_bounded_window_and_a_long_claim_is_shown_by_its_ends() {
        let line = "word ".repeat(200_000);
        let claim_text = format!("“{}”", "said and said again ".repeat(30));
        let text = format!("{line}{claim_text} and then {line}\n");
        let mut doc = Document::from_text("long.txt", text.clone());
        doc.group = ".".into();
        let start = line.len();
        let mut analysis = fixture::analysis();
        let claim = &mut analysis.claims[0];
        claim.span.start = start;
        claim.span.end = start + claim_text.len();
        claim.text = claim_text.clone();
        let e = clip(&Texts::default(), &doc, claim);
        assert!(e.before.starts_with('…') && e.before.chars().count() <= CONTEXT + 1);
        assert!(e.after.ends_with('…') && e.after.chars().count() <= CONTEXT + 1);
        assert!(e.head.starts_with("“said and"), "{e:?}");
        let tail = e.tail.clone().expect("clipped");
        assert!(tail.ends_with("again ”"), "{tail}");
        assert!(e.head.chars().count() + tail.chars().count() <= CLAIM_SHOWN);
        assert_eq!(
            e.head.chars().count() + tail.chars().count() + e.hidden,
            fold(&claim_text).chars().count()
        );
        // A claim at a line's start and end keeps no ellipsis.
        let short = Document::from_text("s.txt", "Two were hurt.\nNext line.\n");
        let mut c = analysis.claims[0].clone();
        c.span.start = 0;
        c.span.end = 3;
        let e = clip(&Texts::default(), &short, &c);
        assert_eq!(
            (e.before.as_str(), e.head.as_str(), e.after.as_str()),
            ("", "Two", " were hurt.")
        );
    }

    #[test]
    fn earlier_verdicts_are_shown_on_their_cards() {
        let analysis = fixture::analysis();
        let key = Key::of(&analysis, &analysis.findings[0]);
        let file = format!(
            "{{\"version\": 1, \"verdicts\": [{{\"code\": \"{}\", \"subject\": \"{}\", \"property\": \"{}\", \"values\": {}, \"verdict\": \"false-alarm\", \"note\": \"units & systems\"}}, {{\"code\": \"x\", \"subject\": \"y\", \"property\": \"z\", \"values\": [], \"verdict\": \"real\"}}]}}",
            key.code,
            key.subject,
            key.property,
            serde_json::to_string(&key.values).expect("strings")
        );
        let verdicts = Verdicts::parse("v.json", &file).expect("a verdicts file");
        let out = render_with(&analysis, &Context::default(), Some(&verdicts));
        assert!(
            out.contains(
                "<p class=\"was\">Earlier verdict: <b>false alarm</b> — units &amp; systems</p>"
            ),
            "{out}"
        );
        assert_eq!(out.matches("Earlier verdict").count(), 1);
        // The verdict on a finding not on the page is kept for the export.
        assert!(out.contains("\"other\":[{\"code\":\"x\""), "{out}");
    }
}
