//! Benchmarks of alignment and comparison on generated claim sets of 1,000, 4,000 and 16,000
//! claims (see `support::claims`): how their cost grows with the number of claims. The claims
//! are made directly, not extracted, so only `align` and `compare` are measured.
//!
//! Run with `cargo bench --bench align_compare` (add `-- --quick` for a rough figure).

mod support;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use crosscheck::GroupBy;
use crosscheck::model::Document;
use crosscheck::rules::Rules;

fn align_compare(c: &mut Criterion) {
    let rules = Rules::builtin().expect("the built-in rules load");
    let mut group = c.benchmark_group("align+compare");
    group.sample_size(20);
    for n in [1_000, 4_000, 16_000] {
        let docs_n = n / 20;
        let claims = support::claims(n, docs_n, 3);
        let docs: Vec<Document> = (0..docs_n)
            .map(|i| {
                let mut d = Document::from_text(format!("d{i}.txt"), String::new());
                d.group = format!("g{}", i % 5);
                d
            })
            .collect();
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("claims", n), &claims, |b, claims| {
            b.iter(|| {
                let groups =
                    crosscheck::align::align(black_box(claims), &docs, &rules, GroupBy::All);
                crosscheck::compare::compare(&groups, claims, &docs, &rules)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, align_compare);
criterion_main!(benches);
