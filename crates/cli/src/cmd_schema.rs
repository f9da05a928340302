//! `dialognetz schema`: the JSON Schema generated from the core's model. The
//! checked-in copy, `docs/dataset.schema.json`, is compared with it by a test.

use std::io::Write;

use crate::error::{CliError, EXIT_OK};

/// Prints the schema (it ends with a newline already).
pub fn run(out: &mut dyn Write) -> Result<u8, CliError> {
    out.write_all(dialognetz_core::schema::dataset_schema().as_bytes())?;
    Ok(EXIT_OK)
}
