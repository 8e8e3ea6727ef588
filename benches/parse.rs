//! Parser throughput: single articles, a 1 MB and a 10 MB concatenation (to
//! check that cost grows linearly), and pathological inputs (no punctuation,
//! all capitals, thousands of unmatched quote marks).
//!
//! Run with `cargo bench --bench parse`; results are in bytes per second.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use factsheet::parser::parse;

/// The labelled articles of `tests/corpus/dev`, by id.
fn articles() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/dev");
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir).expect("tests/corpus/dev exists").flatten().collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let path = e.path();
        if path.extension().and_then(|x| x.to_str()) != Some("json") {
            continue;
        }
        let raw = std::fs::read_to_string(&path).expect("readable corpus file");
        let v: serde_json::Value = serde_json::from_str(&raw).expect("corpus file is JSON");
        let id = v["id"].as_str().unwrap_or("article").to_string();
        let text = v["text"].as_str().unwrap_or("").to_string();
        out.push((id, text));
    }
    out
}

/// The articles joined (as separate paragraphs) and repeated up to `bytes`.
fn concatenation(articles: &[(String, String)], bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 16_384);
    while s.len() < bytes {
        for (_, text) in articles {
            s.push_str(text);
            s.push_str("\n\n");
        }
    }
    s
}

fn bench_articles(c: &mut Criterion) {
    let articles = articles();
    let mut group = c.benchmark_group("article");
    for (id, text) in articles.iter().filter(|(id, _)| id.starts_with("seed") || id.starts_with("insidevoa-kerry")) {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(id), text, |b, t| b.iter(|| parse(black_box(t))));
    }
    group.finish();
}

fn bench_scaling(c: &mut Criterion) {
    let articles = articles();
    let mut group = c.benchmark_group("concatenation");
    group.sample_size(10);
    for mb in [1usize, 10] {
        let text = concatenation(&articles, mb << 20);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(format!("{mb}MB")), &text, |b, t| {
            b.iter(|| parse(black_box(t)))
        });
    }
    group.finish();
}

fn bench_pathological(c: &mut Criterion) {
    const SIZE: usize = 1 << 20;
    let words = "alpha beta gamma delta epsilon zeta eta theta iota kappa ";
    let no_punctuation = words.repeat(SIZE / words.len());
    let capitals = "ALPHA BETA GAMMA DELTA Epsilon Zeta Eta Theta Iota Kappa ".repeat(SIZE / 60);
    let unmatched = "He said \" and \u{201C} then \u{00AB} again ' \u{2018} ".repeat(SIZE / 40);
    let one_name_run = "Mr. Ab Cd Ef Gh Ij Kl Mn Op Qr St Uv Wx Yz ".repeat(SIZE / 44);
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    for (name, text) in [
        ("no-punctuation", &no_punctuation),
        ("all-capitals", &capitals),
        ("unmatched-quotes", &unmatched),
        ("endless-name", &one_name_run),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| b.iter(|| parse(black_box(t))));
    }
    group.finish();
}

criterion_group!(benches, bench_articles, bench_scaling, bench_pathological);
criterion_main!(benches);
