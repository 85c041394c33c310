//! The texts of documents whose text was let go, read again for rendering a few at a time.
//!
//! A report that quotes or locates claims needs the text around each claim. Reading every
//! document a report points into back into memory at once holds about the whole corpus again
//! (`--group-by all` points into nearly every document), so the reporters ask [`Texts`] for a
//! document's text as they render: it reads the document again from its [`Origin`], keeps it
//! while the next findings may need it, and lets the oldest go once the texts it holds pass
//! [`TEXT_BUDGET`] bytes. A document whose text is in memory is read from there.
//!
//! Whether a source can still be read, and is still the text its claims point into, is checked
//! once before the report ([`crate::check_texts`]); a source found lost there (or later) is
//! rendered without its text, as a document that could not be restored always was.
//!
//! [`Origin`]: crate::model::Origin

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex, OnceLock};

use crate::model::{DocId, Document, TextStamp};
use crate::text::LineIndex;

/// How many bytes of text read again are kept at most (beyond the texts a report holds while it
/// renders one finding).
pub const TEXT_BUDGET: usize = 16 << 20;

/// The texts read again for a report, shared by its reporters (see the module's doc).
pub struct Texts {
    budget: usize,
    cache: Mutex<Cache>,
}

#[derive(Default)]
struct Cache {
    held: HashMap<DocId, Arc<Held>>,
    /// The documents held, oldest first.
    order: VecDeque<DocId>,
    bytes: usize,
    /// Documents that cannot be read again, or changed since their claims were extracted.
    lost: HashSet<DocId>,
}

/// One text read again, with its line starts once a reporter needs them.
pub(crate) struct Held {
    text: String,
    lines: OnceLock<Arc<LineIndex>>,
}

/// A document's text as a reporter reads it: the document's own, or one read again.
pub(crate) enum TextOf<'a> {
    Own(&'a str),
    Read(Arc<Held>),
}

impl std::ops::Deref for TextOf<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            TextOf::Own(text) => text,
            TextOf::Read(held) => &held.text,
        }
    }
}

impl TextOf<'_> {
    /// The line starts of a text read again (worked out once while it is held); `None` for a
    /// document's own text, whose reporter keeps its own.
    pub(crate) fn lines(&self) -> Option<Arc<LineIndex>> {
        match self {
            TextOf::Own(_) => None,
            TextOf::Read(held) => Some(Arc::clone(
                held.lines
                    .get_or_init(|| Arc::new(LineIndex::new(&held.text))),
            )),
        }
    }
}

impl Texts {
    /// A cache keeping at most `budget` bytes of texts read again.
    pub fn with_budget(budget: usize) -> Self {
        Self {
            budget,
            cache: Mutex::new(Cache::default()),
        }
    }

    fn cache(&self) -> std::sync::MutexGuard<'_, Cache> {
        self.cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Marks document `id` as one whose text cannot be read again: it is shown without it.
    pub fn lose(&self, id: DocId) {
        let mut cache = self.cache();
        cache.lost.insert(id);
        if cache.held.remove(&id).is_some() {
            cache.order.retain(|&d| d != id);
        }
    }

    /// The text of document `id` (`doc`): its own when it holds it, else read again from its
    /// origin (empty when that fails or the text changed since).
    pub(crate) fn text<'a>(&self, id: DocId, doc: &'a Document) -> TextOf<'a> {
        let Some(stamp) = doc.released else {
            return TextOf::Own(&doc.text);
        };
        {
            let cache = self.cache();
            if let Some(held) = cache.held.get(&id) {
                return TextOf::Read(Arc::clone(held));
            }
            if cache.lost.contains(&id) {
                return TextOf::Own("");
            }
        }
        let read = crate::ingest::read_again(&doc.origin)
            .ok()
            .filter(|again| TextStamp::of(&again.text) == stamp);
        let Some(again) = read else {
            self.lose(id);
            return TextOf::Own("");
        };
        let held = Arc::new(Held {
            text: again.text,
            lines: OnceLock::new(),
        });
        let mut cache = self.cache();
        // Another thread may have read it meanwhile: keep one.
        if let Some(known) = cache.held.get(&id) {
            return TextOf::Read(Arc::clone(known));
        }
        cache.bytes += held.text.len();
        cache.held.insert(id, Arc::clone(&held));
        cache.order.push_back(id);
        while cache.bytes > self.budget && cache.order.len() > 1 {
            let Some(oldest) = cache.order.pop_front() else {
                break;
            };
            if let Some(gone) = cache.held.remove(&oldest) {
                cache.bytes -= gone.text.len();
            }
        }
        TextOf::Read(held)
    }

    /// The bytes of text held (for tests of the bound).
    #[cfg(test)]
    fn held_bytes(&self) -> usize {
        self.cache().bytes
    }
}

impl Default for Texts {
    fn default() -> Self {
        Self::with_budget(TEXT_BUDGET)
    }
}

// A copy starts with nothing read (what it reads, it reads again), knowing what is lost.
impl Clone for Texts {
    fn clone(&self) -> Self {
        let lost = self.cache().lost.clone();
        Self {
            budget: self.budget,
            cache: Mutex::new(Cache {
                lost,
                ..Cache::default()
            }),
        }
    }
}

impl std::fmt::Debug for Texts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let cache = self.cache();
        f.debug_struct("Texts")
            .field("budget", &self.budget)
            .field("held", &cache.held.len())
            .field("bytes", &cache.bytes)
            .field("lost", &cache.lost.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Documents written to files and released, as a run leaves them.
    fn released(dir: &std::path::Path, texts: &[&str]) -> Vec<Document> {
        texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let path = dir.join(format!("d{i}.txt"));
                std::fs::write(&path, text).expect("write");
                let shown = path.display().to_string();
                let mut doc = Document::from_text(shown.clone(), *text);
                doc.origin = crate::model::Origin::File { path, shown };
                doc.release_text();
                doc
            })
            .collect()
    }

    #[test]
    fn a_released_text_is_read_again_and_the_oldest_let_go_past_the_budget() {
        let dir = tempfile::tempdir().expect("temp dir");
        let docs = released(
            dir.path(),
            &[
                "Nine people were hurt at the mill.",
                "Seven people were hurt at the mill, police said.",
                "The mill closed in 1998 after a fire.",
            ],
        );
        assert!(docs.iter().all(|d| !d.has_text()));
        let texts = Texts::with_budget(60);
        assert_eq!(
            &*texts.text(0, &docs[0]),
            "Nine people were hurt at the mill."
        );
        assert_eq!(texts.held_bytes(), 34);
        assert_eq!(
            &*texts.text(1, &docs[1]),
            "Seven people were hurt at the mill, police said."
        );
        // Both would pass 60 bytes: the first is let go, the second kept.
        assert_eq!(texts.held_bytes(), 48);
        assert_eq!(
            &*texts.text(2, &docs[2]),
            "The mill closed in 1998 after a fire."
        );
        assert_eq!(texts.held_bytes(), 37);
        // What was let go is read again when it is needed again.
        assert_eq!(
            &*texts.text(0, &docs[0]),
            "Nine people were hurt at the mill."
        );
        let lines = texts.text(2, &docs[2]).lines().expect("a text read again");
        assert_eq!(
            lines.line_col("The mill closed in 1998 after a fire.", 9),
            (1, 10)
        );
    }

    #[test]
    fn a_changed_or_lost_source_gives_no_text_and_a_held_one_its_own() {
        let dir = tempfile::tempdir().expect("temp dir");
        let docs = released(dir.path(), &["Four boats sank.", "Two boats sank."]);
        std::fs::write(dir.path().join("d0.txt"), "Five boats sank.").expect("rewrite");
        let texts = Texts::default();
        assert_eq!(&*texts.text(0, &docs[0]), "");
        texts.lose(1);
        assert_eq!(&*texts.text(1, &docs[1]), "");
        let kept = Document::from_text("kept.txt", "Three boats sank.");
        let own = texts.text(2, &kept);
        assert_eq!(&*own, "Three boats sank.");
        assert!(own.lines().is_none());
    }
}
