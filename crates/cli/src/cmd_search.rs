//! `dialognetz search FILE QUERY`: the app's search on the command line, for
//! publishers checking that their data is found as people will look for it,
//! and for measuring the engine natively.

use std::io::Write;
use std::time::Instant;

use dialognetz_core::geo::PostcodeTable;
use dialognetz_core::search::{self, Filters, Near, Query, SearchIndex, Sort};

use crate::check::{check, print_problems};
use crate::cli::SearchArgs;
use crate::error::{CliError, EXIT_INVALID, EXIT_OK};

/// The postcode table shipped with the app (GeoNames, CC BY 4.0).
pub const POSTCODES: &str = include_str!("../../../public/data/postcodes.tsv");

/// One hit of `--json`.
#[derive(Debug, serde::Serialize)]
pub struct JsonHit {
    pub id: String,
    #[serde(rename = "type")]
    pub entity: &'static str,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    pub score: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
    pub rank: JsonRank,
}

/// The ranking rules' values for one hit (see the core's search docs).
#[derive(Debug, serde::Serialize)]
pub struct JsonRank {
    pub words: u8,
    pub typos: u8,
    pub fields: u8,
    pub proximity: u8,
    pub whole_name: bool,
    pub exactness: u8,
}

pub fn run(args: &SearchArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, CliError> {
    let mut filters = Filters::default();
    for pair in &args.filter {
        let Some((key, value)) = pair.split_once('=') else {
            writeln!(
                err,
                "dialognetz: --filter {pair:?}: write it as key=value, e.g. state=SH"
            )?;
            return Ok(crate::error::EXIT_UNREADABLE);
        };
        if let Err(e) = filters.add(key.trim(), value) {
            writeln!(err, "dialognetz: --filter {pair:?}: {e}")?;
            return Ok(crate::error::EXIT_UNREADABLE);
        }
    }
    let near = match &args.near {
        None => None,
        Some(place) => {
            let table = PostcodeTable::from_compact(POSTCODES).map_err(|e| CliError::BadInput {
                path: "the built-in postcode table".to_owned(),
                message: e.to_string(),
            })?;
            let Some(found) = table.resolve(place) else {
                writeln!(
                    err,
                    "dialognetz: --near {place:?}: no German postcode or place of that name"
                )?;
                return Ok(crate::error::EXIT_UNREADABLE);
            };
            writeln!(
                err,
                "near {} {} ({:.4}, {:.4})",
                found.postcode, found.name, found.geo.lat, found.geo.lon
            )?;
            Some((table, found.geo))
        }
    };

    let checked = check(&args.file)?;
    let dataset = match checked.result {
        Ok(dataset) => dataset,
        Err(problems) => {
            print_problems(&problems, out, err)?;
            return Ok(EXIT_INVALID);
        }
    };
    let started = Instant::now();
    let index = match &near {
        Some((table, _)) => SearchIndex::build_with_places(&dataset, |p| table.centre(p)),
        None => SearchIndex::build(&dataset),
    };
    let built = started.elapsed();

    let mut query = Query::new(args.query.clone(), args.limit);
    query.filters = filters;
    query.near = near.map(|(_, point)| Near {
        point,
        radius_km: args.radius,
    });
    if query.near.is_some() {
        query.sort = Sort::Distance;
    }
    let started = Instant::now();
    let results = index.search(&query);
    let searched = started.elapsed();

    let hits: Vec<JsonHit> = results
        .hits
        .iter()
        .map(|h| JsonHit {
            id: h.id.clone(),
            entity: h.doc.entity.code(),
            title: search::title_of(&dataset, h.doc, &args.lang).unwrap_or_default(),
            city: search::city_of(&dataset, h.doc).map(str::to_owned),
            score: h.score,
            distance_km: h.distance_km.map(|d| (d * 10.0).round() / 10.0),
            rank: JsonRank {
                words: h.rank.words,
                typos: h.rank.typos,
                fields: h.rank.fields,
                proximity: h.rank.proximity,
                whole_name: h.rank.whole_name,
                exactness: h.rank.exactness,
            },
        })
        .collect();

    if args.json {
        serde_json::to_writer_pretty(&mut *out, &hits).map_err(CliError::Json)?;
        writeln!(out)?;
    } else {
        for (rank, hit) in hits.iter().enumerate() {
            let place = match (&hit.city, hit.distance_km) {
                (Some(city), Some(d)) => format!(" ({city}, {d} km)"),
                (Some(city), None) => format!(" ({city})"),
                (None, Some(d)) => format!(" ({d} km)"),
                (None, None) => String::new(),
            };
            writeln!(
                out,
                "{:>3}. {:<12} {}{}  [{}]",
                rank + 1,
                hit.entity,
                hit.title,
                place,
                hit.id
            )?;
        }
        if results.partial {
            writeln!(out, "(no entry has every word; these have some of them)")?;
        }
    }
    writeln!(
        err,
        "{} of {} matches; index of {} entries built in {:.0} ms, searched in {:.2} ms",
        hits.len(),
        results.total,
        index.len(),
        built.as_secs_f64() * 1000.0,
        searched.as_secs_f64() * 1000.0
    )?;
    Ok(EXIT_OK)
}
