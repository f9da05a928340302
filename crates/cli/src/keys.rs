//! The publisher's signing key: made, written and read by the tool only.
//!
//! The secret key file holds the 32-byte Ed25519 seed in base64 on its own
//! line, under comment lines that say what it is and give the public key.
//! A PKCS#8 PEM file as `openssl genpkey -algorithm ed25519` writes it is
//! read as well, so a key made with OpenSSL works unchanged.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use dialognetz_core::signature::public_key_base64;
use ed25519_dalek::SigningKey;
use rand::rngs::OsRng;
use rand::TryRngCore;

/// The DER prefix of an Ed25519 private key in PKCS#8 (RFC 8410), followed
/// by the 32-byte seed.
const PKCS8_PREFIX: [u8; 16] = [
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];

/// Why a key could not be made or read.
#[derive(Debug, thiserror::Error)]
pub enum KeyFileError {
    #[error("the system's random source failed: {0}")]
    Random(String),
    #[error("it is not a Dialognetz secret key (base64 of 32 bytes) nor an OpenSSL Ed25519 PEM key: {0}")]
    Format(String),
}

/// A new key from the operating system's random source.
pub fn generate() -> Result<SigningKey, KeyFileError> {
    let mut seed = [0u8; 32];
    OsRng
        .try_fill_bytes(&mut seed)
        .map_err(|e| KeyFileError::Random(e.to_string()))?;
    Ok(SigningKey::from_bytes(&seed))
}

/// The public key of a signing key, as `verify --key` and the app take it.
pub fn public_base64(key: &SigningKey) -> String {
    public_key_base64(&key.verifying_key().to_bytes())
}

/// The secret key file's text.
pub fn secret_file_text(key: &SigningKey) -> String {
    format!(
        "# Dialognetz publisher secret key (Ed25519). Keep it secret: whoever has it can sign datasets as you.\n# public key: {}\n{}\n",
        public_base64(key),
        STANDARD.encode(key.to_bytes())
    )
}

/// Reads a secret key file's text.
pub fn parse_secret(text: &str) -> Result<SigningKey, KeyFileError> {
    let text = text.trim_start_matches('\u{feff}');
    if text.contains("-----BEGIN PRIVATE KEY-----") {
        let body: String = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.starts_with("-----") && !l.is_empty())
            .collect();
        let der = STANDARD
            .decode(body)
            .map_err(|e| KeyFileError::Format(format!("the PEM body is not base64 ({e})")))?;
        let seed = der
            .strip_prefix(&PKCS8_PREFIX[..])
            .ok_or_else(|| KeyFileError::Format("the PEM key is not an Ed25519 key".to_owned()))?;
        return seed_key(seed);
    }
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .ok_or_else(|| KeyFileError::Format("the file has no key line".to_owned()))?;
    let seed = STANDARD
        .decode(line)
        .map_err(|e| KeyFileError::Format(format!("not base64 ({e})")))?;
    seed_key(&seed)
}

fn seed_key(seed: &[u8]) -> Result<SigningKey, KeyFileError> {
    let seed: [u8; 32] = seed
        .try_into()
        .map_err(|_| KeyFileError::Format(format!("{} bytes instead of 32", seed.len())))?;
    Ok(SigningKey::from_bytes(&seed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_key_reads_back_and_names_its_public_key() {
        let key = generate().expect("random");
        let text = secret_file_text(&key);
        assert!(text.contains(&public_base64(&key)));
        let read = parse_secret(&text).expect("reads");
        assert_eq!(read.to_bytes(), key.to_bytes());
        assert_ne!(generate().expect("random").to_bytes(), key.to_bytes());
    }

    #[test]
    fn an_openssl_pem_key_is_read() {
        // RFC 8410, section 10.3: the example private key.
        let pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n";
        let key = parse_secret(pem).expect("reads");
        assert_eq!(
            public_base64(&key),
            "Gb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE="
        );
    }

    #[test]
    fn other_text_is_refused() {
        assert!(parse_secret("# nothing\n").is_err());
        assert!(parse_secret("AAAA\n").is_err());
    }
}
