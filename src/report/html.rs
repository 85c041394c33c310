//! `--format html`: one self-contained page for reviewing a large corpus: no network, the style
//! and the script inline.
//!
//! The page has the summary counts, a table of subjects by sources (a row for each finding, a
//! column for each document some finding involves, the value each states in the cell), every
//! finding with the excerpt from each source and the claim highlighted (`<mark>`), and filters
//! by kind (conflict, agreement) and by property that hide rows and findings. Every finding is
//! on the page whatever `--show-agreements` says: the filter chooses. Text from the documents
//! is escaped.

use std::collections::BTreeSet;

use crate::Analysis;
use crate::model::{Finding, FindingKind};
use crate::report::{Context, excerpt, located, short_name};

const STYLE: &str = r#"
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1d1d1f; }
h1 { margin-bottom: .2rem; }
dl.counts { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
dl.counts div { background: #f3f3f5; border-radius: 6px; padding: .4rem .8rem; }
dl.counts dt { font-size: .8rem; color: #555; }
dl.counts dd { margin: 0; font-size: 1.4rem; font-weight: 600; }
form#filters { margin: 1rem 0; display: flex; gap: 1rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
tr.conflict td.verdict, article.conflict h3 .verdict { color: #b00020; font-weight: 600; }
tr.agreement td.verdict, article.agreement h3 .verdict { color: #1b6e20; }
article { border-left: 4px solid #ccc; padding: .2rem 1rem; margin: 1.2rem 0; }
article.conflict { border-color: #b00020; }
article.agreement { border-color: #1b6e20; }
article .code { font-family: ui-monospace, monospace; font-size: .85rem; color: #555; }
.sources { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: .8rem; }
figure { margin: 0; background: #fafafa; border: 1px solid #e5e5e5; border-radius: 6px; padding: .5rem .7rem; }
figcaption { font-size: .85rem; color: #444; }
blockquote { margin: .3rem 0 0; }
mark { background: #ffe08a; padding: 0 .1rem; }
.known { font-size: .8rem; background: #e8e8ff; border-radius: 4px; padding: 0 .3rem; }
[hidden] { display: none !important; }
"#;

const SCRIPT: &str = r#"
(function () {
  var kind = document.getElementById('filter-kind');
  var property = document.getElementById('filter-property');
  function apply() {
    var k = kind.value, p = property.value;
    document.querySelectorAll('[data-kind]').forEach(function (el) {
      el.hidden = (k !== 'all' && el.dataset.kind !== k) || (p !== 'all' && el.dataset.property !== p);
    });
  }
  kind.addEventListener('change', apply);
  property.addEventListener('change', apply);
  apply();
})();
"#;

/// The page.
pub fn render(analysis: &Analysis, context: &Context) -> String {
    let summary = context.summary(analysis);
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>crosscheck report</title>\n");
    out.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n"));
    out.push_str("<h1>crosscheck report</h1>\n");
    out.push_str(&format!(
        "<p id=\"summary-line\">{}</p>\n",
        esc(&summary.to_string())
    ));

    out.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n<dl class=\"counts\">\n");
    let counts = [
        ("documents", summary.documents),
        ("claims", summary.claims),
        ("conflicts", summary.conflicts),
        ("agreements", summary.agreements),
        ("known", summary.known),
        ("suppressed", summary.suppressed),
        ("warnings", summary.warnings),
        ("skipped", summary.skipped),
    ];
    for (name, n) in counts {
        out.push_str(&format!(
            "<div><dt>{name}</dt><dd data-count=\"{name}\">{n}</dd></div>\n"
        ));
    }
    out.push_str("</dl>\n</section>\n");

    let properties: BTreeSet<&str> = analysis
        .findings
        .iter()
        .map(|f| f.property.as_str())
        .collect();
    out.push_str("<form id=\"filters\">\n<label>Kind <select id=\"filter-kind\">\n<option value=\"all\">all</option>\n<option value=\"conflict\">conflicts</option>\n<option value=\"agreement\">agreements</option>\n</select></label>\n");
    out.push_str(
        "<label>Property <select id=\"filter-property\">\n<option value=\"all\">all</option>\n",
    );
    for p in &properties {
        out.push_str(&format!("<option value=\"{0}\">{0}</option>\n", esc(p)));
    }
    out.push_str("</select></label>\n</form>\n");

    out.push_str(&matrix(analysis, context));
    out.push_str("<section id=\"findings\">\n<h2>Findings</h2>\n");
    if analysis.findings.is_empty() {
        out.push_str("<p>No findings.</p>\n");
    }
    for (i, f) in analysis.findings.iter().enumerate() {
        out.push_str(&article(analysis, context, i, f));
    }
    out.push_str("</section>\n");

    if !analysis.warnings.is_empty() {
        out.push_str("<section id=\"warnings\">\n<h2>Warnings</h2>\n<ul>\n");
        for w in &analysis.warnings {
            out.push_str(&format!(
                "<li><code>{}</code>: {}</li>\n",
                esc(&w.path),
                esc(&w.message)
            ));
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str(&format!("<script>{SCRIPT}</script>\n</body>\n</html>\n"));
    out
}

fn kind_name(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::Conflict => "conflict",
        FindingKind::Update => "update",
        FindingKind::Agreement => "agreement",
    }
}

/// The table of subjects (rows) by sources (columns).
fn matrix(analysis: &Analysis, context: &Context) -> String {
    let located: Vec<_> = analysis
        .findings
        .iter()
        .map(|f| located(analysis, f))
        .collect();
    let docs: BTreeSet<usize> = located.iter().flatten().map(|c| c.claim.doc).collect();
    let mut out = String::from(
        "<section id=\"subjects\">\n<h2>Subjects by source</h2>\n<div class=\"scroll\">\n<table id=\"matrix\">\n<thead><tr><th>subject</th><th>property</th><th>verdict</th>",
    );
    for &d in &docs {
        if let Some(doc) = analysis.documents.get(d) {
            out.push_str(&format!(
                "<th title=\"{}\">{}</th>",
                esc(&doc.path),
                esc(short_name(doc))
            ));
        }
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (i, (f, claims)) in analysis.findings.iter().zip(&located).enumerate() {
        let kind = kind_name(f.kind);
        out.push_str(&format!(
            "<tr class=\"{kind}\" data-kind=\"{kind}\" data-property=\"{}\"><td><a href=\"#finding-{}\">{}</a></td><td>{}</td><td class=\"verdict\">{kind}{}</td>",
            esc(&f.property),
            i + 1,
            esc(&f.subject),
            esc(&f.property),
            if context.is_known(i) { " <span class=\"known\">known</span>" } else { "" },
        ));
        for &d in &docs {
            let labels: Vec<String> = claims
                .iter()
                .filter(|c| c.claim.doc == d)
                .map(|c| esc(&c.claim.label))
                .collect();
            out.push_str(&format!("<td>{}</td>", labels.join("<br>")));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n</section>\n");
    out
}

/// One finding with the excerpt from each source.
fn article(analysis: &Analysis, context: &Context, index: usize, finding: &Finding) -> String {
    let kind = kind_name(finding.kind);
    let mut out = format!(
        "<article id=\"finding-{}\" class=\"finding {kind}\" data-kind=\"{kind}\" data-property=\"{}\">\n<h3><span class=\"verdict\">{kind}</span> {} {}: {}{}</h3>\n<p class=\"code\">{}</p>\n<div class=\"sources\">\n",
        index + 1,
        esc(&finding.property),
        esc(&finding.subject),
        esc(&finding.property),
        esc(&finding.message),
        if context.is_known(index) {
            " <span class=\"known\">known (in the baseline)</span>"
        } else {
            ""
        },
        esc(&finding.code),
    );
    for c in located(analysis, finding) {
        let e = excerpt(c.doc, c.claim);
        out.push_str(&format!(
            "<figure><figcaption><code>{}</code> · {}</figcaption><blockquote>{}<mark>{}</mark>{}</blockquote></figure>\n",
            esc(&c.at()),
            esc(&c.claim.label),
            esc(&e.before),
            esc(&e.claim),
            esc(&e.after),
        ));
    }
    out.push_str("</div>\n</article>\n");
    out
}

/// Text safe in HTML content and in quoted attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
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
        assert_eq!(esc("<b a=\"x\">&'"), "&lt;b a=&quot;x&quot;&gt;&amp;&#39;");
        let mut analysis = fixture::analysis();
        analysis.findings[0].subject = "<script>alert(1)</script>".into();
        let out = render(&analysis, &Context::default());
        assert!(!out.contains("<script>alert"), "{out}");
    }
}
