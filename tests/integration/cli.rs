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
        vec!["group", "--help"],
        vec!["group", "create", "--help"],
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
