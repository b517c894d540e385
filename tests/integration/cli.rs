//! The `allmende` command line: help everywhere, clear errors instead of panics.

use std::net::TcpListener;
use std::process::{Command, Output};

fn allmende(data_dir: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_allmende"));
    for (key, _) in std::env::vars() {
        if key.starts_with("ALLMENDE_") {
            command.env_remove(key);
        }
    }
    command.env("ALLMENDE_DATA_DIR", data_dir).env("ALLMENDE_LOG_FILTER", "warn").env_remove("RUST_LOG");
    command.args(args).envs(env.iter().copied()).output().expect("the binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn assert_clear_failure(output: &Output, expected: &str) {
    let text = stderr(output);
    assert!(!output.status.success(), "expected failure, got success: {text}");
    assert!(text.contains(expected), "stderr should mention {expected:?}: {text}");
    assert!(!text.contains("panicked"), "no panic: {text}");
}

#[test]
fn every_command_has_help() {
    let dir = tempfile::tempdir().expect("dir");
    for args in [
        vec!["--help"],
        vec!["serve", "--help"],
        vec!["migrate", "--help"],
        vec!["user", "--help"],
        vec!["user", "create", "--help"],
        vec!["user", "reset-password", "--help"],
        vec!["user", "delete", "--help"],
        vec!["group", "--help"],
        vec!["group", "create", "--help"],
        vec!["backup", "--help"],
        vec!["restore", "--help"],
    ] {
        let output = allmende(dir.path(), &args, &[]);
        assert!(output.status.success(), "{args:?}");
        assert!(String::from_utf8_lossy(&output.stdout).contains("Usage"), "{args:?}");
    }
}

#[test]
fn users_and_groups_are_created_from_the_command_line() {
    let dir = tempfile::tempdir().expect("dir");
    let migrate = allmende(dir.path(), &["migrate"], &[]);
    assert!(migrate.status.success(), "{}", stderr(&migrate));
    assert!(dir.path().join("allmende.sqlite").exists(), "SQLite file created in the data dir");
    let no_admin = allmende(
        dir.path(),
        &["group", "create", "--name", "energy", "--kind", "discussion", "--title", "Energy"],
        &[],
    );
    assert_clear_failure(&no_admin, "no admin exists yet");
    let admin = allmende(
        dir.path(),
        &["user", "create", "--username", "ana", "--password", "long enough pw", "--admin"],
        &[],
    );
    assert!(admin.status.success(), "{}", stderr(&admin));
    assert!(String::from_utf8_lossy(&admin.stdout).contains("Created admin ana"));
    let again =
        allmende(dir.path(), &["user", "create", "--username", "ana", "--password", "long enough pw"], &[]);
    assert_clear_failure(&again, "username: is already taken");
    let weak = allmende(dir.path(), &["user", "create", "--username", "bob", "--password", "short"], &[]);
    assert_clear_failure(&weak, "password: must be at least 8 characters");
    let group = allmende(
        dir.path(),
        &["group", "create", "--name", "energy", "--kind", "discussion", "--title", "Energy"],
        &[],
    );
    assert!(group.status.success(), "{}", stderr(&group));
    let bad_kind =
        allmende(dir.path(), &["group", "create", "--name", "x1", "--kind", "party", "--title", "X"], &[]);
    assert!(!bad_kind.status.success());
    let unknown_owner = allmende(
        dir.path(),
        &["group", "create", "--name", "x1", "--kind", "project", "--title", "X", "--owner", "nobody"],
        &[],
    );
    assert_clear_failure(&unknown_owner, "owner: no such user");

    // `user delete`: at once; the name stays taken; twice is fine; nobody is a clear error.
    let member =
        allmende(dir.path(), &["user", "create", "--username", "bob", "--password", "long enough pw"], &[]);
    assert!(member.status.success(), "{}", stderr(&member));
    let deleted = allmende(dir.path(), &["user", "delete", "bob"], &[]);
    assert!(deleted.status.success(), "{}", stderr(&deleted));
    assert!(String::from_utf8_lossy(&deleted.stdout).contains("Deleted the account bob"));
    let twice = allmende(dir.path(), &["user", "delete", "bob"], &[]);
    assert!(twice.status.success(), "{}", stderr(&twice));
    assert!(String::from_utf8_lossy(&twice.stdout).contains("deleted before"));
    let reused =
        allmende(dir.path(), &["user", "create", "--username", "bob", "--password", "long enough pw"], &[]);
    assert_clear_failure(&reused, "username: is already taken");
    let nobody = allmende(dir.path(), &["user", "delete", "nobody"], &[]);
    assert_clear_failure(&nobody, "could not delete the account nobody");
}

#[test]
fn bad_database_urls_are_clear_errors() {
    let dir = tempfile::tempdir().expect("dir");
    let unsupported = allmende(dir.path(), &["migrate"], &[("ALLMENDE_DATABASE_URL", "mysql://localhost/x")]);
    assert_clear_failure(&unsupported, "unsupported database URL");
    let unreachable = allmende(
        dir.path(),
        &["migrate"],
        &[("ALLMENDE_DATABASE_URL", "postgres://allmende:secret@127.0.0.1:1/x")],
    );
    assert_clear_failure(&unreachable, "cannot open the database");
    assert!(!stderr(&unreachable).contains("secret"), "the password is not printed");
}

#[test]
fn a_taken_port_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("dir");
    let taken = TcpListener::bind("127.0.0.1:0").expect("listener");
    let address = taken.local_addr().expect("address").to_string();
    let output = allmende(dir.path(), &["serve"], &[("ALLMENDE_BIND", &address)]);
    assert_clear_failure(&output, &format!("cannot listen on {address}"));
}

#[test]
fn bad_configuration_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("dir");
    let missing = allmende(dir.path(), &["--config", "/nonexistent/allmende.toml", "migrate"], &[]);
    assert_clear_failure(&missing, "does not exist");
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "domain = [unclosed").expect("write");
    let output = allmende(dir.path(), &["--config", broken.to_str().expect("path"), "migrate"], &[]);
    assert_clear_failure(&output, "invalid configuration");
    let typo = dir.path().join("typo.toml");
    std::fs::write(&typo, "[registration]\nopen = true\nopne = false\n").expect("write");
    let output = allmende(dir.path(), &["--config", typo.to_str().expect("path"), "migrate"], &[]);
    assert_clear_failure(&output, "opne");
    let bad_flag = allmende(dir.path(), &["migrate"], &[("ALLMENDE_INSECURE_HTTP", "maybe")]);
    assert_clear_failure(&bad_flag, "expected a boolean");
    let good = dir.path().join("good.toml");
    std::fs::write(&good, "[instance]\nname = \"Klimaforum Borken\"\n").expect("write");
    let output = allmende(dir.path(), &["--config", good.to_str().expect("path"), "migrate"], &[]);
    assert!(output.status.success(), "{}", stderr(&output));
}

/// `allmende` with `input` on its standard input.
fn allmende_with_stdin(data_dir: &std::path::Path, args: &[&str], input: &str) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut command = Command::new(env!("CARGO_BIN_EXE_allmende"));
    for (key, _) in std::env::vars() {
        if key.starts_with("ALLMENDE_") {
            command.env_remove(key);
        }
    }
    command.env("ALLMENDE_DATA_DIR", data_dir).env("ALLMENDE_LOG_FILTER", "warn").env_remove("RUST_LOG");
    let mut child = command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write stdin");
    child.wait_with_output().expect("the binary ends")
}

/// Whether `password` is ana's password now, read from the SQLite file of `data_dir`.
fn is_password_of_ana(data_dir: &std::path::Path, password: &str) -> bool {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    runtime.block_on(async {
        use sqlx::Connection;
        let url = format!("sqlite://{}", data_dir.join("allmende.sqlite").display());
        let mut conn = sqlx::SqliteConnection::connect(&url).await.expect("the database opens");
        let hash: String = sqlx::query_scalar(
            "SELECT c.password_hash FROM accounts c JOIN actors a ON a.id = c.actor_id WHERE a.name = 'ana'",
        )
        .fetch_one(&mut conn)
        .await
        .expect("ana's hash");
        allmende::service::passwords::verify_password(password, &hash).await.expect("verify")
    })
}

#[test]
fn passwords_are_reset_from_the_command_line() {
    let dir = tempfile::tempdir().expect("dir");
    let created =
        allmende(dir.path(), &["user", "create", "--username", "ana", "--password", "long enough pw"], &[]);
    assert!(created.status.success(), "{}", stderr(&created));

    let random = allmende(dir.path(), &["user", "reset-password", "ana"], &[]);
    assert!(random.status.success(), "{}", stderr(&random));
    let stdout = String::from_utf8_lossy(&random.stdout).into_owned();
    let password = stdout
        .lines()
        .find_map(|line| line.strip_prefix("New password of ana: "))
        .unwrap_or_else(|| panic!("the new password is printed: {stdout}"))
        .to_owned();
    assert!(password.len() >= 16, "{password}");
    assert!(is_password_of_ana(dir.path(), &password), "the printed password is the new one");
    assert!(!is_password_of_ana(dir.path(), "long enough pw"));

    let chosen = allmende_with_stdin(
        dir.path(),
        &["user", "reset-password", "ana", "--password-stdin"],
        "my chosen passphrase\n",
    );
    assert!(chosen.status.success(), "{}", stderr(&chosen));
    assert!(
        !String::from_utf8_lossy(&chosen.stdout).contains("my chosen passphrase"),
        "a chosen password is not echoed"
    );
    assert!(is_password_of_ana(dir.path(), "my chosen passphrase"));

    let short =
        allmende_with_stdin(dir.path(), &["user", "reset-password", "ana", "--password-stdin"], "short\n");
    assert_clear_failure(&short, "password: must be at least 8 characters");
    let unknown = allmende(dir.path(), &["user", "reset-password", "nobody"], &[]);
    assert_clear_failure(&unknown, "username: is not an account here");
    assert!(is_password_of_ana(dir.path(), "my chosen passphrase"), "refused resets change nothing");
}
