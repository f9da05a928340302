//! Times index building and queries natively: `cargo run --release -p
//! dialognetz-core --example search_timing -- FILE QUERY...`. Each query is
//! timed as the app runs it too: a first page of 20 with facet counts.
use std::time::Instant;

use dialognetz_core::search::{Query, SearchIndex};

fn main() {
    let mut args = std::env::args();
    args.next(); // the program's name
    let Some(path) = args.next() else {
        eprintln!("usage: search_timing FILE QUERY...");
        return;
    };
    let bytes = std::fs::read(&path).expect("readable file");
    let t = Instant::now();
    let dataset = dialognetz_core::validate(&bytes).expect("valid dataset");
    eprintln!("validate {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let index = SearchIndex::build(&dataset);
    eprintln!(
        "build {:.0} ms, {} terms",
        t.elapsed().as_secs_f64() * 1e3,
        index.term_count()
    );
    let t = Instant::now();
    let saved = index.to_bytes();
    eprintln!(
        "to_bytes {:.0} ms, {} bytes",
        t.elapsed().as_secs_f64() * 1e3,
        saved.len()
    );
    // The fastest of five loads: the machine's noise only ever adds.
    let mut fastest = f64::INFINITY;
    for _ in 0..5 {
        let t = Instant::now();
        let loaded = SearchIndex::from_bytes(&saved).expect("loads");
        fastest = fastest.min(t.elapsed().as_secs_f64() * 1e3);
        drop(loaded);
    }
    let index = SearchIndex::from_bytes(&saved).expect("loads");
    eprintln!("from_bytes {fastest:.1} ms (fastest of 5)");
    for q in args {
        let query = Query::new(q.clone(), 10);
        let mut app_query = Query::new(q.clone(), 20);
        app_query.facets = true;
        app_query.today = Some(20_000);
        let time = |query: &Query| {
            let _ = index.search(query);
            let t = Instant::now();
            let n = 20;
            let mut total = 0;
            for _ in 0..n {
                total += index.search(query).total;
            }
            (t.elapsed().as_secs_f64() * 1e3 / n as f64, total / n)
        };
        let (plain, total) = time(&query);
        let (with_facets, _) = time(&app_query);
        eprintln!("{q:>24}: {plain:.3} ms, with facets {with_facets:.3} ms ({total} matches)");
    }
}
