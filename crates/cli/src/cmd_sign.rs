//! `keygen`, `sign` and `verify`: the publisher's key and the signature
//! beside the dataset (`docs/dataset-format.md`, "Signature").

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use dialognetz_core::signature::{self, signature_base64, SignatureError, TrustedKeys};
use ed25519_dalek::{Signer, SigningKey};

use crate::cli::{KeygenArgs, SignArgs, VerifyArgs};
use crate::error::{CliError, EXIT_INVALID, EXIT_OK, EXIT_UNREADABLE};
use crate::keys;

/// The key files' names in the `keygen` folder.
pub const SECRET_FILE: &str = "dialognetz-publisher.key";
pub const PUBLIC_FILE: &str = "dialognetz-publisher.pub";

fn read_text(path: &str) -> Result<String, CliError> {
    fs::read_to_string(path).map_err(|source| CliError::Read {
        path: path.to_owned(),
        source,
    })
}

fn read_bytes(path: &str) -> Result<Vec<u8>, CliError> {
    fs::read(path).map_err(|source| CliError::Read {
        path: path.to_owned(),
        source,
    })
}

/// Reads the secret key file.
pub fn read_secret(path: &str) -> Result<SigningKey, CliError> {
    keys::parse_secret(&read_text(path)?).map_err(|e| CliError::BadInput {
        path: path.to_owned(),
        message: e.to_string(),
    })
}

/// Writes a new file that only its owner may read; never replaces one.
fn write_new(path: &Path, text: &str, secret: bool) -> Result<(), CliError> {
    let error = |source| CliError::Write {
        path: path.display().to_string(),
        source,
    };
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if secret {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = secret;
    let mut file = options.open(path).map_err(error)?;
    file.write_all(text.as_bytes()).map_err(error)?;
    file.sync_all().map_err(error)
}

pub fn keygen(args: &KeygenArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, CliError> {
    let dir = PathBuf::from(&args.out);
    fs::create_dir_all(&dir).map_err(|source| CliError::Write {
        path: args.out.clone(),
        source,
    })?;
    let (secret_path, public_path) = (dir.join(SECRET_FILE), dir.join(PUBLIC_FILE));
    for path in [&secret_path, &public_path] {
        if path.exists() {
            writeln!(
                err,
                "dialognetz: {} exists already; a new key would make every app that trusts the old one refuse your data. Move it away first if you really want a new key.",
                path.display()
            )?;
            return Ok(EXIT_UNREADABLE);
        }
    }
    let key = keys::generate().map_err(|e| CliError::BadInput {
        path: "the key".to_owned(),
        message: e.to_string(),
    })?;
    let public = keys::public_base64(&key);
    write_new(&secret_path, &keys::secret_file_text(&key), true)?;
    write_new(&public_path, &format!("{public}\n"), false)?;
    writeln!(out, "{public}")?;
    out.flush()?;
    writeln!(
        err,
        "secret key: {} (keep it secret, keep a backup); public key: {} (give it to the app)",
        secret_path.display(),
        public_path.display()
    )?;
    Ok(EXIT_OK)
}

/// The signature file's text for `bytes`.
pub fn sign_bytes(key: &SigningKey, bytes: &[u8]) -> String {
    format!("{}\n", signature_base64(&key.sign(bytes).to_bytes()))
}

pub fn sign(args: &SignArgs, _out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, CliError> {
    let key = read_secret(&args.key)?;
    let bytes = read_bytes(&args.file)?;
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| format!("{}.sig", args.file));
    fs::write(&output, sign_bytes(&key, &bytes)).map_err(|source| CliError::Write {
        path: output.clone(),
        source,
    })?;
    writeln!(
        err,
        "signed {} ({} bytes) with key {}: {output}",
        args.file,
        bytes.len(),
        keys::public_base64(&key)
    )?;
    Ok(EXIT_OK)
}

/// The public key that a `publish` manifest beside `file` names for it.
fn manifest_signer(file: &str) -> Option<String> {
    let path = Path::new(file);
    let name = path.file_name()?.to_str()?;
    let manifest = path.with_file_name(crate::cmd_publish::MANIFEST_FILE);
    let text = fs::read_to_string(manifest).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    if value.get("dataset")?.as_str()? != name {
        return None;
    }
    value.get("public_key")?.as_str().map(str::to_owned)
}

pub fn verify(
    args: &VerifyArgs,
    out: &mut dyn Write,
    _err: &mut dyn Write,
) -> Result<u8, CliError> {
    let mut texts = args.key.clone();
    if let Some(path) = &args.keys {
        texts.extend(read_text(path)?.lines().map(str::to_owned));
    }
    let trusted =
        TrustedKeys::parse(texts.iter().map(String::as_str)).map_err(|e| CliError::BadInput {
            path: args.keys.clone().unwrap_or_else(|| "--key".to_owned()),
            message: e.to_string(),
        })?;
    let bytes = read_bytes(&args.file)?;
    let sig_path = args
        .signature
        .clone()
        .unwrap_or_else(|| format!("{}.sig", args.file));
    let signature = match fs::read_to_string(&sig_path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => {
            return Err(CliError::Read {
                path: sig_path,
                source,
            })
        }
    };
    let result = match manifest_signer(&args.file) {
        Some(signer) => {
            signature::verify_signed_by(&bytes, signature.as_deref(), &signer, &trusted)
        }
        None => signature::verify(&bytes, signature.as_deref(), &trusted),
    };
    match result {
        Ok(()) => {
            writeln!(
                out,
                "valid: {} is signed by a trusted key ({sig_path})",
                args.file
            )?;
            Ok(EXIT_OK)
        }
        Err(error) => {
            let hint = match error {
                SignatureError::NotSigned => format!(" (no {sig_path})"),
                SignatureError::UnknownKey => {
                    " (the manifest names a key you do not trust)".to_owned()
                }
                _ => String::new(),
            };
            writeln!(out, "not valid: {}: {error}{hint}", args.file)?;
            Ok(EXIT_INVALID)
        }
    }
}
