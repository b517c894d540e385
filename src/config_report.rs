//! `allmende config check`: the settings in force, as TOML, with secrets masked, so an admin
//! can see what the server will use (and paste it into a bug report) without leaking
//! passwords, tokens or keys.

use std::fmt::Write as _;
use std::path::Path;

use figment::value::{Dict, Value};

use crate::config::Config;

/// What a masked secret is shown as.
pub const MASK: &str = "***";

/// Key names (any part of them) that hold secrets: their values are never printed.
const SECRET_WORDS: &[&str] = &["password", "token", "secret", "private_key", "api_key"];

/// The effective `values` (already checked by `Config::load`) as TOML with a short header.
pub fn render(values: &Dict, config: &Config, file: Option<&Path>) -> String {
    let mut out = String::new();
    let source = file.map_or_else(|| "no --config file".to_owned(), |f| f.display().to_string());
    let _ = writeln!(out, "# The configuration is valid.");
    let _ =
        writeln!(out, "# Layers: built-in defaults, then {source}, then ALLMENDE_* environment variables.");
    let _ = writeln!(out, "# Secrets (passwords, tokens, keys) are shown as \"{MASK}\".");
    let _ = writeln!(out, "# Database in use: {}", mask_url_password(&config.database_url()));
    let _ = writeln!(out, "# Public URL: {}", config.base_url());
    out.push('\n');
    for (key, value) in values.iter().filter(|(_, v)| !matches!(v, Value::Dict(..))) {
        let _ = writeln!(out, "{} = {}", key, toml_value(key, value));
    }
    for (section, value) in values {
        if let Value::Dict(_, table) = value {
            let _ = writeln!(out, "\n[{section}]");
            write_table(&mut out, "", table);
        }
    }
    out
}

fn write_table(out: &mut String, prefix: &str, table: &Dict) {
    for (key, value) in table {
        let name = format!("{prefix}{key}");
        match value {
            Value::Dict(_, inner) => write_table(out, &format!("{name}."), inner),
            _ => {
                let _ = writeln!(out, "{name} = {}", toml_value(&name, value));
            }
        }
    }
}

/// One value as TOML; a secret's value as the mask (an empty secret stays visible as `""`,
/// so that "not set" can be told from "set").
fn toml_value(key: &str, value: &Value) -> String {
    match value {
        Value::String(_, text) if is_secret(key) && !text.is_empty() => quoted(MASK),
        Value::String(_, text) => quoted(&mask_url_password(text)),
        Value::Empty(..) => quoted(""),
        other => serde_json::to_string(other).unwrap_or_else(|_| quoted("?")),
    }
}

fn quoted(text: &str) -> String {
    // JSON's string escapes (\" \\ \n \uXXXX) are also TOML's.
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

/// Whether a key (`metrics.token`, `mail.password`) names a secret.
pub fn is_secret(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    SECRET_WORDS.iter().any(|word| key.contains(word))
}

/// A URL with its password replaced by the mask (`postgres://user:***@host/db`); other text
/// unchanged.
pub fn mask_url_password(text: &str) -> String {
    match url::Url::parse(text) {
        Ok(mut url) if url.password().is_some() => {
            let _ = url.set_password(Some(MASK));
            url.to_string()
        }
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_and_url_passwords_are_masked() {
        assert!(is_secret("metrics.token"));
        assert!(is_secret("mail.password"));
        assert!(!is_secret("instance.name"));
        assert_eq!(mask_url_password("postgres://ana:hunter2@db/allmende"), "postgres://ana:***@db/allmende");
        assert_eq!(mask_url_password("sqlite://data/a.sqlite"), "sqlite://data/a.sqlite");
        let secret = Value::from("hunter2");
        assert_eq!(toml_value("metrics.token", &secret), "\"***\"");
        assert_eq!(toml_value("metrics.token", &Value::from("")), "\"\"");
        assert_eq!(toml_value("instance.name", &Value::from("Klima \"Forum\"")), r#""Klima \"Forum\"""#);
    }
}
