//! `dialognetz generate`: writes a synthetic dataset (see [`crate::generate`]).

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use dialognetz_core::json::MAX_DOCUMENT_BYTES;

use crate::cli::GenerateArgs;
use crate::error::{CliError, EXIT_OK};
use crate::generate::{generate, write_json};
use crate::input::STDIN;

/// Generates and writes the dataset; warns on stderr when the file is larger
/// than the format allows (the app and `validate` would refuse it).
pub fn run(args: &GenerateArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, CliError> {
    let dataset = generate(args.organizations as usize, args.seed);
    let written = if args.output == STDIN {
        let mut counted = Counting::new(&mut *out);
        write_json(&dataset, &mut counted, args.pretty).map_err(CliError::Output)?;
        counted.bytes
    } else {
        write_file(Path::new(&args.output), |writer| {
            let mut counted = Counting::new(writer);
            write_json(&dataset, &mut counted, args.pretty)?;
            Ok(counted.bytes)
        })?
    };
    if written > MAX_DOCUMENT_BYTES as u64 {
        writeln!(
            err,
            "warning: {written} bytes is more than the {MAX_DOCUMENT_BYTES} (64 MiB) a dataset may have; validate and the app will refuse it"
        )?;
    }
    Ok(EXIT_OK)
}

/// Writes to a temporary file beside `path` and renames it into place, so a
/// failed or interrupted run never leaves half a dataset under the name.
/// Also used by `postcodes`, whose table the app must never see half written.
pub(crate) fn write_file(
    path: &Path,
    body: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<u64>,
) -> Result<u64, CliError> {
    let write_error = |source| CliError::Write {
        path: path.display().to_string(),
        source,
    };
    if path.is_dir() {
        return Err(write_error(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "it is a directory; name a file",
        )));
    }
    let temporary = temporary_path(path);
    let result = File::create(&temporary).and_then(|file| {
        let mut writer = BufWriter::with_capacity(1 << 20, file);
        let bytes = body(&mut writer)?;
        let file = writer.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        Ok(bytes)
    });
    let result = result.and_then(|bytes| fs::rename(&temporary, path).map(|()| bytes));
    if result.is_err() {
        // Best effort: the error that matters is the one reported below.
        let _ = fs::remove_file(&temporary);
    }
    result.map_err(write_error)
}

/// `dir/.name.tmp-<pid>`: same directory, so the rename stays on one file system.
fn temporary_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dataset.json".to_owned());
    path.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

/// A writer that counts the bytes passing through, for the size warning.
struct Counting<W> {
    inner: W,
    bytes: u64,
}

impl<W> Counting<W> {
    fn new(inner: W) -> Self {
        Counting { inner, bytes: 0 }
    }
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_file_sits_beside_the_target() {
        let temporary = temporary_path(Path::new("/tmp/out/data.json"));
        assert_eq!(temporary.parent(), Some(Path::new("/tmp/out")));
        assert!(temporary.to_string_lossy().contains(".data.json.tmp-"));
    }
}
