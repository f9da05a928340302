//! `dialognetz postcodes INPUT.csv -o OUTPUT`: turns GeoNames' German
//! postcode file into the compact table the app resolves places with
//! (format: [`dialognetz_core::geo`]).
//!
//! The CSV is read here, not in the core, because only the publisher needs
//! it: the app gets the compact table, which it parses without a CSV
//! dependency.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;

use dialognetz_core::geo::{state_code, Place, PostcodeTable};
use dialognetz_core::Geo;

use crate::cli::PostcodesArgs;
use crate::cmd_generate::write_file;
use crate::error::{CliError, EXIT_OK};
use crate::input::STDIN;

/// GeoNames' columns this command needs, found by name so that a reordered
/// or extended export still works.
const NEEDED: [&str; 5] = ["zipcode", "place", "state", "latitude", "longitude"];

/// The first line GeoNames' export has, for the error message.
const GEONAMES_HEADER: &str = "country_code,zipcode,place,state,state_code,province,province_code,community,community_code,latitude,longitude";

/// After this many warnings only their number is printed: a wrong file
/// would otherwise flood the terminal.
const MAX_WARNINGS: usize = 20;

/// Reads the CSV, builds the table and writes it; a summary goes to stdout
/// unless the table itself does.
pub fn run(args: &PostcodesArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, CliError> {
    let read = if args.input == STDIN {
        read_geonames(io::stdin().lock(), "standard input", err)?
    } else {
        let file = open(&args.input)?;
        read_geonames(file, &args.input, err)?
    };
    let table = PostcodeTable::from_places(read.places);
    let text = table.to_compact();
    if args.output == STDIN {
        out.write_all(text.as_bytes()).map_err(CliError::Output)?;
    } else {
        write_file(Path::new(&args.output), |writer| {
            writer.write_all(text.as_bytes())?;
            Ok(text.len() as u64)
        })?;
        writeln!(
            out,
            "{}: {} postcodes from {} rows ({} skipped), {} bytes",
            args.output,
            table.len(),
            read.rows,
            read.skipped,
            text.len()
        )?;
    }
    Ok(EXIT_OK)
}

/// The usable rows of the CSV and how many there were.
struct SourceRows {
    places: Vec<Place>,
    rows: usize,
    skipped: usize,
}

fn open(path: &str) -> Result<File, CliError> {
    let read_error = |source| CliError::Read {
        path: path.to_owned(),
        source,
    };
    let file = File::open(path).map_err(read_error)?;
    if file.metadata().map_err(read_error)?.is_dir() {
        return Err(CliError::IsDirectory {
            path: path.to_owned(),
        });
    }
    Ok(file)
}

/// Reads GeoNames' CSV. A broken CSV or missing columns stop the command
/// (the file is not what it should be); a row that cannot be used is
/// skipped with a warning naming its line, so one odd row in a fresh export
/// does not block a release.
fn read_geonames(
    input: impl Read,
    path: &str,
    err: &mut dyn Write,
) -> Result<SourceRows, CliError> {
    let bad_input = |message: String| CliError::BadInput {
        path: path.to_owned(),
        message,
    };
    // csv's messages name the record and line ("found record with 2
    // fields, but the previous record has 11 fields").
    let csv_error = |error: csv::Error| {
        let message = error.to_string();
        match error.into_kind() {
            csv::ErrorKind::Io(source) => CliError::Read {
                path: path.to_owned(),
                source,
            },
            _ => bad_input(message),
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(input);
    let headers = reader.headers().map_err(csv_error)?.clone();
    let column = |name: &str| headers.iter().position(|h| h.trim() == name);
    let mut columns = [0usize; NEEDED.len()];
    for (slot, name) in columns.iter_mut().zip(NEEDED) {
        *slot = column(name).ok_or_else(|| {
            bad_input(format!(
                "line 1 has no column `{name}`; expected GeoNames' postcode CSV, whose first line is {GEONAMES_HEADER}"
            ))
        })?;
    }
    let [zipcode, place, state, latitude, longitude] = columns;
    let country = column("country_code");

    let mut warnings = Warnings { err, printed: 0 };
    let mut places = Vec::new();
    let mut rows = 0;
    let mut skipped = 0;
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        rows += 1;
        let line = record.position().map_or(0, |p| p.line());
        let field = |index: usize| record.get(index).unwrap_or("").trim();
        let row = (|| {
            if let Some(country) = country.map(field) {
                if country != "DE" {
                    return Err(format!("country \"{country}\" is not DE"));
                }
            }
            let postcode = field(zipcode);
            if postcode.len() != 5 || !postcode.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("postcode \"{postcode}\" is not five digits"));
            }
            let name = field(place);
            if name.is_empty() {
                return Err("the place is empty".to_owned());
            }
            let lat = coordinate(field(latitude), 90.0).ok_or_else(|| {
                format!(
                    "latitude \"{}\" is not a number from -90 to 90",
                    field(latitude)
                )
            })?;
            let lon = coordinate(field(longitude), 180.0).ok_or_else(|| {
                format!(
                    "longitude \"{}\" is not a number from -180 to 180",
                    field(longitude)
                )
            })?;
            Ok(Place {
                postcode: postcode.to_owned(),
                name: name.to_owned(),
                state: None,
                geo: Geo { lat, lon },
            })
        })();
        match row {
            Ok(mut row) => {
                let state_name = field(state);
                if !state_name.is_empty() {
                    row.state = state_code(state_name).map(str::to_owned);
                    if row.state.is_none() {
                        warnings.warn(format_args!(
                            "line {line}: \"{state_name}\" is not a German state; postcode {} kept without a state",
                            row.postcode
                        ))?;
                    }
                }
                places.push(row);
            }
            Err(reason) => {
                skipped += 1;
                warnings.warn(format_args!("line {line}: skipped: {reason}"))?;
            }
        }
    }
    warnings.finish()?;
    Ok(SourceRows {
        places,
        rows,
        skipped,
    })
}

fn coordinate(text: &str, max: f64) -> Option<f64> {
    text.parse::<f64>()
        .ok()
        .filter(|value| value.is_finite() && value.abs() <= max)
}

/// Warnings on stderr, the first [`MAX_WARNINGS`] in full.
struct Warnings<'a> {
    err: &'a mut dyn Write,
    printed: usize,
}

impl Warnings<'_> {
    fn warn(&mut self, message: std::fmt::Arguments<'_>) -> Result<(), CliError> {
        self.printed += 1;
        if self.printed <= MAX_WARNINGS {
            writeln!(self.err, "warning: {message}")?;
        }
        Ok(())
    }

    fn finish(self) -> Result<(), CliError> {
        if self.printed > MAX_WARNINGS {
            writeln!(
                self.err,
                "warning: … and {} more",
                self.printed - MAX_WARNINGS
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(csv: &str) -> (Result<SourceRows, CliError>, String) {
        let mut err = Vec::new();
        let result = read_geonames(csv.as_bytes(), "in.csv", &mut err);
        (result, String::from_utf8_lossy(&err).into_owned())
    }

    #[test]
    fn rows_are_read_by_column_name_and_states_mapped_by_name() {
        let (result, warnings) = read(
            "place,zipcode,latitude,longitude,state,state_code\n\
             Neumünster,24539,54.0614,9.9982,Schleswig-Holstein,XX\n\
             Jungholz,87491,47.5741,10.4472,,\n",
        );
        let read = result.expect("readable");
        assert_eq!(warnings, "");
        assert_eq!(read.rows, 2);
        assert_eq!(read.places[0].state.as_deref(), Some("SH"));
        assert_eq!(read.places[1].state, None);
        assert_eq!(
            read.places[1].geo,
            Geo {
                lat: 47.5741,
                lon: 10.4472
            }
        );
    }

    #[test]
    fn unusable_rows_are_skipped_with_their_line() {
        let (result, warnings) = read(
            "country_code,zipcode,place,state,latitude,longitude\n\
             DE,2453,Short,Bayern,48,11\n\
             AT,12345,Wien,Wien,48,16\n\
             DE,24539,Neumünster,Schleswig-Holstein,north,9.9\n\
             DE,24539,,Schleswig-Holstein,54,9.9\n\
             DE,80331,München,Bavaria,48.1,11.6\n",
        );
        let read = result.expect("readable");
        assert_eq!((read.rows, read.skipped, read.places.len()), (5, 4, 1));
        assert!(
            warnings.contains("line 2: skipped: postcode \"2453\""),
            "{warnings}"
        );
        assert!(
            warnings.contains("line 3: skipped: country \"AT\""),
            "{warnings}"
        );
        assert!(
            warnings.contains("line 4: skipped: latitude \"north\""),
            "{warnings}"
        );
        assert!(
            warnings.contains("line 5: skipped: the place is empty"),
            "{warnings}"
        );
        assert!(
            warnings.contains("line 6: \"Bavaria\" is not a German state"),
            "{warnings}"
        );
    }

    #[test]
    fn a_file_without_the_columns_is_refused() {
        let (result, _) = read("zip;place\n24539;Neumünster\n");
        let message = result.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains("no column `zipcode`"), "{message}");
        assert!(message.starts_with("cannot use in.csv"), "{message}");
    }

    #[test]
    fn warnings_stop_after_the_limit() {
        let mut csv = "zipcode,place,state,latitude,longitude\n".to_owned();
        for _ in 0..30 {
            csv.push_str("1,X,Bayern,48,11\n");
        }
        let (result, warnings) = read(&csv);
        assert_eq!(result.map(|r| r.skipped).ok(), Some(30));
        assert_eq!(warnings.lines().count(), MAX_WARNINGS + 1);
        assert!(warnings.ends_with("… and 10 more\n"), "{warnings}");
    }
}
