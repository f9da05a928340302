//! Reading a spreadsheet export (CSV or TSV) into the core's [`Table`]:
//! the encoding (UTF-8 with or without byte order mark, or Windows-1252 as
//! Excel writes "CSV") and the delimiter (tab, `;`, `,`, `|`) are detected
//! unless given, and quoted cells may hold delimiters, quotes and line
//! breaks. What was detected is reported, so a wrong guess is visible.

use dialognetz_core::publish::import::{Row, Table};

/// How the file's bytes are text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Windows1252,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Windows1252 => "Windows-1252",
        }
    }

    /// `utf-8`, `utf8`, `windows-1252`, `cp1252`, `latin1` (which Excel
    /// means when it says so), without regard to case.
    pub fn parse(text: &str) -> Option<Encoding> {
        match text.trim().to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Some(Encoding::Utf8),
            "windows-1252" | "cp1252" | "latin1" | "latin-1" | "iso-8859-1" => {
                Some(Encoding::Windows1252)
            }
            _ => None,
        }
    }
}

/// The delimiter's name for reports.
pub fn delimiter_name(delimiter: u8) -> String {
    match delimiter {
        b'\t' => "tab".to_owned(),
        other => format!("\"{}\"", other as char),
    }
}

/// `tab`, `\t`, `;`, `,`, `|` → the byte.
pub fn parse_delimiter(text: &str) -> Option<u8> {
    match text {
        "tab" | "\\t" | "\t" => Some(b'\t'),
        ";" | "semicolon" => Some(b';'),
        "," | "comma" => Some(b','),
        "|" | "pipe" => Some(b'|'),
        _ => None,
    }
}

/// What was read and how.
#[derive(Debug)]
pub struct ReadTable {
    pub table: Table,
    pub encoding: Encoding,
    pub bom: bool,
    pub delimiter: u8,
}

/// Bytes → text: a UTF-8 byte order mark means UTF-8; otherwise valid
/// UTF-8 is UTF-8 and anything else is Windows-1252 (what Excel writes).
pub fn decode(bytes: &[u8], forced: Option<Encoding>) -> Result<(String, Encoding, bool), String> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(
            "the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" instead"
                .to_owned(),
        );
    }
    let (bom, body) = match bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let utf8 = std::str::from_utf8(body);
    match (forced, utf8) {
        (Some(Encoding::Windows1252), _) | (None, Err(_)) if !bom => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(body);
            Ok((text.into_owned(), Encoding::Windows1252, false))
        }
        (_, Ok(text)) => Ok((text.to_owned(), Encoding::Utf8, bom)),
        (_, Err(error)) => {
            let before = &body[..error.valid_up_to()];
            let line = before.iter().filter(|b| **b == b'\n').count() + 1;
            Err(format!(
                "line {line} is not UTF-8 (byte {:#04x}); give --encoding windows-1252 if Excel wrote the file",
                body[error.valid_up_to()]
            ))
        }
    }
}

/// The delimiter that the header line uses most, outside quotes.
pub fn detect_delimiter(text: &str) -> Result<u8, String> {
    let mut counts = [(b'\t', 0usize), (b';', 0), (b',', 0), (b'|', 0)];
    let mut quoted = false;
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                for (delimiter, count) in counts.iter_mut() {
                    if *delimiter == byte {
                        *count += 1;
                    }
                }
            }
            _ => {}
        }
    }
    counts.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    match counts {
        [(_, 0), ..] => {
            Err("the first line has no tab, ; , or |: one column only? Give --delimiter".to_owned())
        }
        [(a, n), (b, m), ..] if n == m => Err(format!(
            "the first line has as many {} as {}; give --delimiter",
            delimiter_name(a),
            delimiter_name(b)
        )),
        [(delimiter, _), ..] => Ok(delimiter),
    }
}

/// Reads the whole table. `file` is the name problems will carry.
pub fn read(
    file: &str,
    bytes: &[u8],
    encoding: Option<Encoding>,
    delimiter: Option<u8>,
) -> Result<ReadTable, String> {
    let (text, encoding, bom) = decode(bytes, encoding)?;
    if text.trim().is_empty() {
        return Err("the file is empty".to_owned());
    }
    let delimiter = match delimiter {
        Some(d) => d,
        None => detect_delimiter(&text)?,
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut header = None;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        if header.is_none() {
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            header = Some(cells);
        } else {
            rows.push(Row { line, cells });
        }
    }
    let header = header.ok_or_else(|| "the file has no header line".to_owned())?;
    Ok(ReadTable {
        table: Table {
            file: file.to_owned(),
            header,
            rows,
        },
        encoding,
        bom,
        delimiter,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_is_detected_and_utf8_with_a_bom_is_read() {
        let (text, encoding, bom) = decode(b"Stra\xdfe;L\xfcbeck", None).expect("decodes");
        assert_eq!(
            (text.as_str(), encoding, bom),
            ("Straße;Lübeck", Encoding::Windows1252, false)
        );
        let (text, encoding, bom) = decode("\u{feff}Straße".as_bytes(), None).expect("decodes");
        assert_eq!(
            (text.as_str(), encoding, bom),
            ("Straße", Encoding::Utf8, true)
        );
        assert!(decode(b"Stra\xdfe", Some(Encoding::Utf8)).is_err_and(|e| e.contains("line 1")));
        assert!(decode(&[0xff, 0xfe, b'a', 0], None).is_err_and(|e| e.contains("UTF-16")));
    }

    #[test]
    fn the_delimiter_is_the_one_the_header_uses_most_outside_quotes() {
        assert_eq!(detect_delimiter("a;b;\"c,d,e\"\n1,2,3,4"), Ok(b';'));
        assert_eq!(detect_delimiter("a\tb\tc"), Ok(b'\t'));
        assert!(detect_delimiter("abc\n").is_err());
        assert!(detect_delimiter("a;b,c").is_err());
    }

    #[test]
    fn quoted_line_breaks_stay_in_their_cell_and_lines_are_counted() {
        let read = read(
            "t.csv",
            b"name;city\n\"Revier\nNord\";Kiel\nB;Kiel\n",
            None,
            None,
        )
        .expect("reads");
        assert_eq!(read.table.rows.len(), 2);
        assert_eq!(read.table.rows[0].cells[0], "Revier\nNord");
        assert_eq!(read.table.rows[1].line, 4);
    }
}
