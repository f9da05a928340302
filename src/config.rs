//! The app's configuration, `config.json` beside `index.html`: where the
//! dataset is and which keys may sign it. Documented in
//! docs/configuration.md.

use serde::Deserialize;

use crate::error::LoadError;

/// Where the configuration is, relative to the app's base URL.
pub const CONFIG_URL: &str = "config.json";

/// The configuration; every field has a default, so `{}` is valid.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The published dataset (relative to the app, or absolute with CORS).
    pub dataset_url: String,
    /// Its signature; `<dataset_url>.sig` when absent.
    pub signature_url: Option<String>,
    /// Base64 Ed25519 public keys. With any, unsigned or wrongly signed
    /// data is refused.
    pub trusted_keys: Vec<String>,
    /// Larger answers are refused without being read to the end.
    pub max_dataset_bytes: u64,
    pub timeout_seconds: u32,
    /// After this long without a successful check the app says the data
    /// may be out of date.
    pub stale_after_hours: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            dataset_url: "data/dataset.json".to_owned(),
            signature_url: None,
            trusted_keys: Vec::new(),
            max_dataset_bytes: 64 * 1024 * 1024,
            timeout_seconds: 30,
            stale_after_hours: 168,
        }
    }
}

impl Config {
    /// Reads `config.json`'s text.
    pub fn parse(text: &str) -> Result<Config, LoadError> {
        serde_json::from_str(text).map_err(|e| LoadError::Config(e.to_string()))
    }

    pub fn signature_url(&self) -> String {
        self.signature_url
            .clone()
            .unwrap_or_else(|| format!("{}.sig", self.dataset_url))
    }
}
