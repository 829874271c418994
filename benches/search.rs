//! `cargo bench --bench search -- [N ...]`: the search index alone, on the generated
//! site of N articles (default 10,000) that `cargo bench --bench build` uses. The site is
//! loaded and resolved once; the index is then made several times over, its files
//! counted and dropped, so that the figures are the index's CPU and nothing of the disk.
//! A build spends a quarter of its CPU here, and at 100,000 articles this is the step
//! that grows fastest.

#[allow(dead_code)] // Shared with the build benchmark, which uses all of it.
mod generate;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ROUNDS: usize = 5;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace(['_', ','], "").parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000]
    } else {
        sizes
    };
    println!("| articles | index files | index bytes | fastest | median |");
    println!("|---:|---:|---:|---:|---:|");
    for articles in sizes {
        let root = generate::site_for(articles);
        let options = loa::BuildOptions::new(&root);
        let prepared = match loa::prepare(&options, &mut loa::Caches::default()) {
            Ok(prepared) => prepared,
            Err(error) => panic!("the generated site does not build:\n{}", error.render()),
        };
        let docs = loa::search::documents(&prepared.site);
        let date_style = prepared.site.config.date_style;
        let names = loa::search::Names::of(&docs, &prepared.registry);
        let (files, bytes) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let mut times: Vec<Duration> = (0..ROUNDS)
            .map(|_| {
                files.store(0, Ordering::Relaxed);
                bytes.store(0, Ordering::Relaxed);
                let started = Instant::now();
                loa::search::index(&docs, &names, date_style, 0, &|(_, file)| {
                    files.fetch_add(1, Ordering::Relaxed);
                    bytes.fetch_add(file.len(), Ordering::Relaxed);
                });
                started.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "| {articles} | {} | {} | {:.0} ms | {:.0} ms |",
            files.into_inner(),
            bytes.into_inner(),
            times[0].as_secs_f64() * 1000.0,
            times[ROUNDS / 2].as_secs_f64() * 1000.0,
        );
    }
}
