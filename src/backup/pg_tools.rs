//! PostgreSQL's own tools: `pg_dump` makes the snapshot (one transaction, so it is consistent
//! while the server writes), `pg_restore` reads it back. The password goes through the
//! environment, not the command line that other local users can see.

use std::path::Path;
use std::process::Command;

use anyhow::{Context as _, bail};

/// Dumps the database at `url` into `file` in pg_dump's custom format.
pub fn dump(url: &str, file: &Path) -> anyhow::Result<()> {
    let mut command = Command::new("pg_dump");
    command.args(["--format=custom", "--no-password", "--file"]).arg(file);
    run(command, "pg_dump", url)
}

/// Restores a custom-format dump into the (empty) database at `url`, all or nothing.
pub fn restore(url: &str, file: &Path) -> anyhow::Result<()> {
    let mut command = Command::new("pg_restore");
    command.args([
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        "--single-transaction",
        "--no-password",
    ]);
    command.arg(file);
    run(command, "pg_restore", url)
}

fn run(mut command: Command, tool: &str, url: &str) -> anyhow::Result<()> {
    let (url, password) = split_password(url)?;
    command.arg("--dbname").arg(url);
    if let Some(password) = password {
        command.env("PGPASSWORD", password);
    }
    let output = match command.output() {
        Ok(output) => output,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => bail!(
            "{tool} is not installed (or not on PATH); it is needed to back up and restore a PostgreSQL \
             database. Install the PostgreSQL client tools of your server's major version (Debian and \
             Ubuntu: `apt-get install postgresql-client`) and run this again"
        ),
        Err(error) => return Err(error).with_context(|| format!("cannot run {tool}")),
    };
    if !output.status.success() {
        bail!("{tool} failed ({}): {}", output.status, String::from_utf8_lossy(&output.stderr).trim());
    }
    Ok(())
}

/// The URL without its password, and the password (percent-decoded).
fn split_password(url: &str) -> anyhow::Result<(String, Option<String>)> {
    let mut parsed = url::Url::parse(url).context("the database URL is not a URL")?;
    let password =
        parsed.password().map(|p| percent_encoding::percent_decode_str(p).decode_utf8_lossy().into_owned());
    if password.is_some() {
        let _ = parsed.set_password(None);
    }
    Ok((parsed.to_string(), password))
}

#[cfg(test)]
mod tests {
    use super::split_password;

    #[test]
    fn the_password_leaves_the_url() {
        let (url, password) = split_password("postgres://forum:p%40ss@db.local:5432/allmende").expect("url");
        assert_eq!(url, "postgres://forum@db.local:5432/allmende");
        assert_eq!(password.as_deref(), Some("p@ss"));
        let (url, password) = split_password("postgres://forum@db.local/allmende").expect("url");
        assert_eq!((url.as_str(), password), ("postgres://forum@db.local/allmende", None));
    }
}
