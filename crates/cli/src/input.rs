//! Reading a dataset from a file or stdin without ever holding more than the
//! format allows: a file's size is checked from its metadata before a byte is
//! read, and stdin is read through a limit.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use dialognetz_core::json::MAX_DOCUMENT_BYTES;
use dialognetz_core::{Problem, Rule};

use crate::error::CliError;

/// The name that means "read standard input".
pub const STDIN: &str = "-";

/// What reading an input gave.
#[derive(Debug)]
pub enum Input {
    /// The document's bytes, at most [`MAX_DOCUMENT_BYTES`] of them.
    Bytes(Vec<u8>),
    /// The document is larger than the format allows; it was not read (a
    /// file) or read only up to the limit (stdin).
    TooLarge {
        /// The size from the file's metadata, or `None` for stdin, where
        /// only "more than the limit" is known.
        bytes: Option<u64>,
    },
}

impl Input {
    /// The problem a too-large document is reported as, worded like the
    /// core's own check so that both paths read the same.
    pub fn too_large_problem(bytes: Option<u64>) -> Problem {
        let size = match bytes {
            Some(bytes) => format!("{bytes} bytes"),
            None => format!("more than {MAX_DOCUMENT_BYTES} bytes"),
        };
        Problem::new(
            "",
            Rule::DocumentTooLarge,
            format!(
                "the document has {size}; the format allows at most {MAX_DOCUMENT_BYTES} (64 MiB)"
            ),
        )
    }
}

/// Reads `path`, or stdin when `path` is `-`.
pub fn read(path: &str) -> Result<Input, CliError> {
    if path == STDIN {
        let stdin = io::stdin();
        let lock = stdin.lock();
        return read_limited(lock).map_err(|source| CliError::Read {
            path: "standard input".to_owned(),
            source,
        });
    }
    let read_error = |source| CliError::Read {
        path: path.to_owned(),
        source,
    };
    let file = File::open(Path::new(path)).map_err(read_error)?;
    // The metadata of the open handle, not of the path: no race between the
    // check and the read.
    let metadata = file.metadata().map_err(read_error)?;
    if metadata.is_dir() {
        return Err(CliError::IsDirectory {
            path: path.to_owned(),
        });
    }
    if metadata.len() > MAX_DOCUMENT_BYTES as u64 {
        return Ok(Input::TooLarge {
            bytes: Some(metadata.len()),
        });
    }
    // Still read through the limit: the file may grow, or be a device whose
    // metadata says 0.
    read_limited(file).map_err(read_error)
}

/// Reads at most one byte more than the limit, so that a larger input is
/// recognised without being held in memory.
fn read_limited(reader: impl Read) -> io::Result<Input> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_DOCUMENT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        Ok(Input::TooLarge { bytes: None })
    } else {
        Ok(Input::Bytes(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_at_the_limit_is_read_and_one_byte_more_is_refused() {
        let at_limit = io::repeat(b' ').take(MAX_DOCUMENT_BYTES as u64);
        assert!(
            matches!(read_limited(at_limit), Ok(Input::Bytes(b)) if b.len() == MAX_DOCUMENT_BYTES)
        );
        let over = io::repeat(b' ').take(MAX_DOCUMENT_BYTES as u64 + 1);
        assert!(matches!(
            read_limited(over),
            Ok(Input::TooLarge { bytes: None })
        ));
    }

    #[test]
    fn too_large_problem_names_the_rule_and_the_size() {
        let problem = Input::too_large_problem(Some(70_000_000));
        assert_eq!(problem.rule, Rule::DocumentTooLarge);
        assert!(problem.render().contains("70000000 bytes"));
        assert!(problem.render().ends_with("[document_too_large]"));
    }
}
