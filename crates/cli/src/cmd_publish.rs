//! `dialognetz publish FILE --key SECRET --out DIR`: the last step from
//! spreadsheet to phones. Validates (refuses an invalid file), lints, signs,
//! and writes the dataset, its signature and a manifest into a folder that
//! any static web server can serve.

use std::fs;
use std::io::Write;
use std::path::Path;

use dialognetz_core::signature::{self, TrustedKeys};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::check::{plural, print_problems};
use crate::cli::PublishArgs;
use crate::error::{CliError, EXIT_INVALID, EXIT_OK};
use crate::input::{self, Input};
use crate::{clock, cmd_lint, cmd_sign, keys};

/// The manifest's file name in the output folder.
pub const MANIFEST_FILE: &str = "manifest.json";

/// What a client can check before it downloads the dataset.
#[derive(Debug, Serialize)]
pub struct Manifest {
    pub format: &'static str,
    pub format_version: u32,
    pub dataset: String,
    pub signature: String,
    pub version: String,
    pub published_at: String,
    pub size: u64,
    pub sha256: String,
    pub public_key: String,
}

pub fn run(args: &PublishArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, CliError> {
    let name = Path::new(&args.name);
    if name.file_name() != Some(name.as_os_str()) {
        return Err(CliError::BadInput {
            path: args.name.clone(),
            message: "--name is a file name, without a folder".to_owned(),
        });
    }
    let key = cmd_sign::read_secret(&args.key)?;
    let today = clock::today(args.today.as_deref())?;
    let bytes = match input::read(&args.file)? {
        Input::Bytes(bytes) => bytes,
        Input::TooLarge { bytes } => {
            print_problems(&[Input::too_large_problem(bytes)], out, err)?;
            return Ok(EXIT_INVALID);
        }
    };
    let dataset = match dialognetz_core::validate(&bytes) {
        Ok(dataset) => dataset,
        Err(problems) => {
            writeln!(
                err,
                "dialognetz: not published: {} is not valid; nothing was written",
                args.file
            )?;
            print_problems(&problems, out, err)?;
            return Ok(EXIT_INVALID);
        }
    };
    let findings = cmd_lint::findings(&dataset, today)?;
    for finding in &findings {
        writeln!(out, "lint: {}", finding.render())?;
    }
    if args.fail_on_lint && !findings.is_empty() {
        out.flush()?;
        writeln!(
            err,
            "dialognetz: not published: {} (--fail-on-lint); nothing was written",
            plural(findings.len(), "lint finding", "lint findings")
        )?;
        return Ok(EXIT_INVALID);
    }

    let signature_text = cmd_sign::sign_bytes(&key, &bytes);
    let public_key = keys::public_base64(&key);
    // What is written must pass the check the app makes.
    let trusted = TrustedKeys::parse([public_key.as_str()]).map_err(|e| CliError::BadInput {
        path: args.key.clone(),
        message: e.to_string(),
    })?;
    signature::verify(&bytes, Some(&signature_text), &trusted).map_err(|e| CliError::BadInput {
        path: args.key.clone(),
        message: format!("the new signature does not verify: {e}"),
    })?;

    let manifest = Manifest {
        format: "dialognetz-manifest",
        format_version: 1,
        dataset: args.name.clone(),
        signature: format!("{}.sig", args.name),
        version: dataset.meta.version.clone(),
        published_at: dataset.meta.published_at.0.clone(),
        size: bytes.len() as u64,
        sha256: hex(&Sha256::digest(&bytes)),
        public_key,
    };
    let mut manifest_json = serde_json::to_vec_pretty(&manifest).map_err(CliError::Json)?;
    manifest_json.push(b'\n');

    let dir = Path::new(&args.out);
    let write = |file: &str, content: &[u8]| {
        let path = dir.join(file);
        fs::write(&path, content).map_err(|source| CliError::Write {
            path: path.display().to_string(),
            source,
        })
    };
    fs::create_dir_all(dir).map_err(|source| CliError::Write {
        path: args.out.clone(),
        source,
    })?;
    // The dataset first and the manifest last: a client that sees the new
    // manifest finds the files it names.
    write(&args.name, &bytes)?;
    write(&manifest.signature, signature_text.as_bytes())?;
    write(MANIFEST_FILE, &manifest_json)?;
    writeln!(
        out,
        "published: {} (version {}, published {}, {} bytes, sha256 {}) with {} and {} in {}; signed by {}{}",
        manifest.dataset,
        manifest.version,
        manifest.published_at,
        manifest.size,
        manifest.sha256,
        manifest.signature,
        MANIFEST_FILE,
        args.out,
        manifest.public_key,
        if findings.is_empty() {
            String::new()
        } else {
            format!("; {}", plural(findings.len(), "lint finding", "lint findings"))
        }
    )?;
    Ok(EXIT_OK)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
