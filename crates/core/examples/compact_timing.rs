//! Times the returning user's start from the compact form against
//! validating the published JSON (and opening the form, which is what a
//! returning start does, against decoding all of it): `cargo run --release -p dialognetz-core
//! --example compact_timing -- FILE`.
use std::time::Instant;

use dialognetz_core::compact::{from_compact, to_compact, CompactDataset};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: compact_timing FILE");
        return;
    };
    let bytes = std::fs::read(&path).expect("readable file");
    let dataset = dialognetz_core::validate(&bytes).expect("valid dataset");
    let t = Instant::now();
    let compact = to_compact(&dataset);
    let encode = t.elapsed();
    let best = |f: &dyn Fn()| {
        (0..3)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1e3
            })
            .fold(f64::INFINITY, f64::min)
    };
    let validate = best(&|| drop(dialognetz_core::validate(&bytes)));
    let decode = best(&|| drop(from_compact(&compact)));
    // What a returning start does: open the form (its directory), not decode it.
    let open = (0..3)
        .map(|_| {
            let bytes = compact.clone();
            let t = Instant::now();
            let form = CompactDataset::from_bytes(bytes);
            let ms = t.elapsed().as_secs_f64() * 1e3;
            drop(form);
            ms
        })
        .fold(f64::INFINITY, f64::min);
    eprintln!(
        "JSON {:.1} MB, compact {:.1} MB (encoded in {:.0} ms); validate {validate:.0} ms, decode all {decode:.0} ms, open {:.1} ms",
        bytes.len() as f64 / 1e6,
        compact.len() as f64 / 1e6,
        encode.as_secs_f64() * 1e3,
        open
    );
}
