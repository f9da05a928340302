//! Checking a dataset's signature: Ed25519 over the exact bytes of the
//! published file, published beside it as `<file>.sig`, the base64 text of
//! the 64-byte signature (`docs/dataset-format.md`, "Signature").
//!
//! Only verifying lives here, because the app does it; making keys and
//! signing belong to the publisher's tool, which has a source of randomness.
//!
//! ```
//! use dialognetz_core::signature::{verify, SignatureError, TrustedKeys};
//! // RFC 8032, section 7.1, test 1: the empty message.
//! let keys = TrustedKeys::parse(["11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="]).expect("a key");
//! let sig = "5VZDAMNgrHKQhuLMgG6CioSHfx645dl02HPgZSJJAVVfuIIVkKM7rMYeOXAc+bRr0lv18FlbviRlUUFDjnoQCw==";
//! assert_eq!(verify(b"", Some(sig), &keys), Ok(()));
//! assert_eq!(verify(b"x", Some(sig), &keys), Err(SignatureError::Mismatch));
//! assert_eq!(verify(b"", None, &keys), Err(SignatureError::NotSigned));
//! ```

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ed25519_dalek::{Signature, VerifyingKey, PUBLIC_KEY_LENGTH, SIGNATURE_LENGTH};

/// The DER prefix of an Ed25519 public key in SubjectPublicKeyInfo form, as
/// `openssl pkey -pubout -outform DER` writes it: a key given that way is
/// accepted too, so publishers who made their key with OpenSSL need no
/// conversion.
const SPKI_PREFIX: [u8; 12] = [
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
];

/// Why a dataset's signature was not accepted. Each case calls for a
/// different action, so the app and the tool can say what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    /// There is no signature, though keys are trusted.
    #[error("the dataset is not signed; the publisher must publish its .sig file beside it")]
    NotSigned,
    /// The signature text is not base64 of 64 bytes.
    #[error("the signature is malformed: {0}")]
    Malformed(String),
    /// The signature is well formed, but none of the trusted keys made it
    /// (a stranger's key, or the publisher changed keys).
    #[error("the dataset is signed with a key that is not trusted")]
    UnknownKey,
    /// The signature was made by a trusted key over different bytes: the
    /// file was changed after signing (or not re-signed after an edit).
    #[error("the signature does not match the data: the file was changed after it was signed")]
    Mismatch,
}

/// Why a public key was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// Not base64.
    #[error("public key {index}: not base64 ({reason})")]
    NotBase64 { index: usize, reason: String },
    /// Base64 of the wrong number of bytes.
    #[error("public key {index}: {len} bytes; an Ed25519 public key has 32 (or 44 in OpenSSL's DER form)")]
    Length { index: usize, len: usize },
    /// 32 bytes that are no point on the curve.
    #[error("public key {index}: not a valid Ed25519 public key")]
    Invalid { index: usize },
    /// No key at all: verifying against nothing would refuse every dataset.
    #[error("no public key given")]
    Empty,
}

/// The public keys an app or a script trusts to sign datasets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedKeys {
    keys: Vec<VerifyingKey>,
}

impl TrustedKeys {
    /// Parses base64 public keys (32 raw bytes, or OpenSSL's 44-byte DER).
    /// Blank entries and lines starting with `#` are skipped, so a key file
    /// may carry comments.
    pub fn parse<'a>(keys: impl IntoIterator<Item = &'a str>) -> Result<Self, KeyError> {
        let mut parsed = Vec::new();
        for (index, key) in keys.into_iter().enumerate() {
            let key = key.trim();
            if key.is_empty() || key.starts_with('#') {
                continue;
            }
            parsed.push(parse_public_key(key, index + 1)?);
        }
        if parsed.is_empty() {
            return Err(KeyError::Empty);
        }
        Ok(TrustedKeys { keys: parsed })
    }

    /// Parses a key file: one base64 key per line, `#` comments allowed.
    pub fn from_text(text: &str) -> Result<Self, KeyError> {
        Self::parse(text.lines())
    }

    /// How many keys are trusted.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Always false for a parsed set (an empty one is refused).
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

fn parse_public_key(text: &str, index: usize) -> Result<VerifyingKey, KeyError> {
    let bytes = STANDARD.decode(text).map_err(|error| KeyError::NotBase64 {
        index,
        reason: error.to_string(),
    })?;
    let raw: &[u8] = match bytes.strip_prefix(&SPKI_PREFIX[..]) {
        Some(rest) => rest,
        None => &bytes,
    };
    let raw: [u8; PUBLIC_KEY_LENGTH] = raw.try_into().map_err(|_| KeyError::Length {
        index,
        len: bytes.len(),
    })?;
    VerifyingKey::from_bytes(&raw).map_err(|_| KeyError::Invalid { index })
}

/// The base64 text of a 32-byte public key, as [`TrustedKeys::parse`] reads it.
pub fn public_key_base64(key: &[u8; PUBLIC_KEY_LENGTH]) -> String {
    STANDARD.encode(key)
}

/// The signature file's text for a 64-byte signature: base64 on one line.
pub fn signature_base64(signature: &[u8; SIGNATURE_LENGTH]) -> String {
    STANDARD.encode(signature)
}

/// Checks `signature` (the `.sig` file's text, `None` when there is none)
/// over the exact `bytes` against the trusted keys.
///
/// Surrounding white space (a final line break) is allowed in the signature
/// text; the data bytes are taken as they are, without any normalisation.
/// Verification is strict (no malleable signatures, no small-order keys).
///
/// An Ed25519 signature does not say which key made it, so a signature
/// that no trusted key accepts is reported as [`SignatureError::Mismatch`]
/// here. When the signer's public key is known (the manifest that
/// `dialognetz publish` writes names it), [`verify_signed_by`] also tells
/// an untrusted key from changed data.
pub fn verify(
    bytes: &[u8],
    signature: Option<&str>,
    keys: &TrustedKeys,
) -> Result<(), SignatureError> {
    let signature = parse_signature(signature)?;
    if keys
        .keys
        .iter()
        .any(|key| key.verify_strict(bytes, &signature).is_ok())
    {
        Ok(())
    } else {
        Err(SignatureError::Mismatch)
    }
}

/// Like [`verify`], for a signature whose signer names itself by its
/// base64 public key: a signer that is not trusted gives
/// [`SignatureError::UnknownKey`] (whether or not its signature holds), a
/// trusted signer whose signature fails gives [`SignatureError::Mismatch`].
pub fn verify_signed_by(
    bytes: &[u8],
    signature: Option<&str>,
    signer: &str,
    keys: &TrustedKeys,
) -> Result<(), SignatureError> {
    let signature = parse_signature(signature)?;
    let signer = parse_public_key(signer.trim(), 1)
        .map_err(|error| SignatureError::Malformed(format!("the signer's key: {error}")))?;
    if !keys.keys.contains(&signer) {
        return Err(SignatureError::UnknownKey);
    }
    signer
        .verify_strict(bytes, &signature)
        .map_err(|_| SignatureError::Mismatch)
}

/// The signature file's text → the signature.
fn parse_signature(text: Option<&str>) -> Result<Signature, SignatureError> {
    let text = text.map(str::trim).unwrap_or_default();
    if text.is_empty() {
        return Err(SignatureError::NotSigned);
    }
    let raw = STANDARD
        .decode(text)
        .map_err(|error| SignatureError::Malformed(format!("not base64 ({error})")))?;
    let raw: [u8; SIGNATURE_LENGTH] = raw.as_slice().try_into().map_err(|_| {
        SignatureError::Malformed(format!(
            "{} bytes; an Ed25519 signature has {SIGNATURE_LENGTH}",
            raw.len()
        ))
    })?;
    Ok(Signature::from_bytes(&raw))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ed25519_dalek::{Signer, SigningKey};

    const DATA: &[u8] = br#"{"phone": "0431 160-1310"}"#;

    fn key(seed: u8) -> SigningKey {
        SigningKey::from_bytes(&[seed; 32])
    }

    fn public(key: &SigningKey) -> String {
        public_key_base64(&key.verifying_key().to_bytes())
    }

    fn sign(key: &SigningKey, data: &[u8]) -> String {
        signature_base64(&key.sign(data).to_bytes())
    }

    fn trusted(keys: &[&SigningKey]) -> TrustedKeys {
        let texts: Vec<String> = keys.iter().map(|k| public(k)).collect();
        TrustedKeys::parse(texts.iter().map(String::as_str)).expect("valid keys")
    }

    #[test]
    fn a_signature_by_a_trusted_key_over_the_same_bytes_is_accepted() {
        let publisher = key(1);
        let signature = format!("{}\n", sign(&publisher, DATA));
        assert_eq!(
            verify(DATA, Some(&signature), &trusted(&[&publisher])),
            Ok(())
        );
        // Among several trusted keys.
        let keys = trusted(&[&key(2), &publisher]);
        assert_eq!(verify(DATA, Some(&signature), &keys), Ok(()));
    }

    #[test]
    fn one_changed_digit_breaks_the_signature() {
        let publisher = key(1);
        let signature = sign(&publisher, DATA);
        let tampered = br#"{"phone": "0431 160-1311"}"#;
        let keys = trusted(&[&publisher]);
        assert_eq!(
            verify(tampered, Some(&signature), &keys),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify_signed_by(tampered, Some(&signature), &public(&publisher), &keys),
            Err(SignatureError::Mismatch)
        );
    }

    #[test]
    fn missing_and_malformed_signatures_are_told_apart() {
        let keys = trusted(&[&key(1)]);
        assert_eq!(verify(DATA, None, &keys), Err(SignatureError::NotSigned));
        assert_eq!(
            verify(DATA, Some(" \n"), &keys),
            Err(SignatureError::NotSigned)
        );
        assert!(matches!(
            verify(DATA, Some("not base64!"), &keys),
            Err(SignatureError::Malformed(m)) if m.contains("base64")
        ));
        let short = STANDARD.encode([7u8; 32]);
        assert!(matches!(
            verify(DATA, Some(&short), &keys),
            Err(SignatureError::Malformed(m)) if m.contains("32 bytes")
        ));
    }

    #[test]
    fn a_signer_that_is_not_trusted_is_an_unknown_key() {
        let stranger = key(9);
        let signature = sign(&stranger, DATA);
        let keys = trusted(&[&key(1)]);
        assert_eq!(
            verify_signed_by(DATA, Some(&signature), &public(&stranger), &keys),
            Err(SignatureError::UnknownKey)
        );
        // Without the signer's name no trusted key accepts it.
        assert_eq!(
            verify(DATA, Some(&signature), &keys),
            Err(SignatureError::Mismatch)
        );
    }

    #[test]
    fn keys_are_read_raw_or_in_openssl_der_form_with_comments() {
        let publisher = key(3);
        let raw = publisher.verifying_key().to_bytes();
        let der = STANDARD.encode([&SPKI_PREFIX[..], &raw[..]].concat());
        let text = format!("# publisher, 2026\n\n{der}\n{}\n", public(&key(4)));
        let keys = TrustedKeys::from_text(&text).expect("two keys");
        assert_eq!(keys.len(), 2);
        let signature = sign(&publisher, DATA);
        assert_eq!(verify(DATA, Some(&signature), &keys), Ok(()));
    }

    #[test]
    fn bad_keys_are_refused_with_their_position() {
        assert_eq!(
            TrustedKeys::from_text("# only a comment"),
            Err(KeyError::Empty)
        );
        assert!(matches!(
            TrustedKeys::parse(["AAAA"]),
            Err(KeyError::Length { index: 1, len: 3 })
        ));
        assert!(matches!(
            TrustedKeys::parse([public(&key(1)).as_str(), "%%"]),
            Err(KeyError::NotBase64 { index: 2, .. })
        ));
    }
}
