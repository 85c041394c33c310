//! Benchmarks of the extractor: one fixed news-like article (about 3 KB, front matter
//! included), the same article's body repeated with other figures to 64 KB as one document,
//! and a corpus of 64 such articles through `extract_all` on one thread and on the default
//! pool.
//!
//! Run with `cargo bench --bench extract` (add `-- --quick` for a rough figure).

mod support;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crosscheck::model::Document;
use crosscheck::rules::Rules;

fn extractor(c: &mut Criterion) {
    let rules = Rules::builtin().expect("the built-in rules load");
    let article = Document::from_text("ferry.md", support::ARTICLE);
    // Compile the lookup tables once, as a real run does before its first document.
    let _ = crosscheck::extract::extract(0, &article, &rules);

    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(article.text.len() as u64));
    group.bench_function("article", |b| {
        b.iter(|| crosscheck::extract::extract(0, black_box(&article), &rules))
    });

    let long = Document::from_text("long.txt", support::long_text(64 * 1024, 7));
    group.throughput(Throughput::Bytes(long.text.len() as u64));
    group.bench_function("long-64k", |b| {
        b.iter(|| crosscheck::extract::extract(0, black_box(&long), &rules))
    });

    let corpus = support::documents(64, 11);
    let bytes: usize = corpus.iter().map(|d| d.text.len()).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("corpus-64/jobs-1", |b| {
        b.iter(|| crosscheck::extract_all_with_jobs(black_box(&corpus), &rules, Some(1)))
    });
    group.bench_function("corpus-64/jobs-default", |b| {
        b.iter(|| crosscheck::extract_all(black_box(&corpus), &rules))
    });
    group.finish();
}

criterion_group!(benches, extractor);
criterion_main!(benches);
