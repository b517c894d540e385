//! Finding, and if needed building, the `allmende` binary under test.
//!
//! Cargo only sets `CARGO_BIN_EXE_allmende` for tests of the package that owns the binary, so a
//! separate crate has to look for it in the target directory itself.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// Overrides the binary, e.g. to test a release build or an installed package. Never built.
/// A relative path counts from the workspace root, where one runs `cargo test` (the tests
/// themselves run in the package directory).
pub const BIN_VAR: &str = "ALLMENDE_BIN";

/// The outcome of the one build per test process, shared by all tests running in parallel.
static BUILT: OnceLock<Result<PathBuf, String>> = OnceLock::new();

/// The path of the `allmende` binary to run.
///
/// `ALLMENDE_BIN` wins when set. Otherwise `cargo build -p allmende --bin allmende` runs once per
/// test process and the result in `<target dir>/debug/allmende` is used. Building every time
/// (a no-op of about a second when nothing changed) rather than only when the file is missing
/// keeps the tests from silently exercising a stale binary after the sources changed.
///
/// # Panics
///
/// When `ALLMENDE_BIN` names no file, or when the build fails (the panic shows cargo's output).
pub fn allmende_binary() -> PathBuf {
    if let Some(path) = std::env::var_os(BIN_VAR).filter(|p| !p.is_empty()) {
        let path = workspace_root().join(path);
        assert!(path.is_file(), "{BIN_VAR}={} is not a file", path.display());
        return path;
    }
    match BUILT.get_or_init(build) {
        Ok(path) => path.clone(),
        Err(message) => panic!("{message}"),
    }
}

/// The workspace root: this crate lives in `<root>/federation-tests`.
pub(crate) fn workspace_root() -> &'static Path {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().unwrap_or(manifest_dir)
}

/// `CARGO_TARGET_DIR` (relative to the workspace root, as cargo reads it) or `<root>/target`.
fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR").filter(|dir| !dir.is_empty()) {
        Some(dir) => workspace_root().join(dir),
        None => workspace_root().join("target"),
    }
}

fn build() -> Result<PathBuf, String> {
    // `cargo test` sets CARGO to the cargo that runs us; fall back to the one on PATH.
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(&cargo)
        .args(["build", "--quiet", "-p", "allmende", "--bin", "allmende"])
        .current_dir(workspace_root())
        .output()
        .map_err(|e| format!("cannot run {} to build allmende: {e}", Path::new(&cargo).display()))?;
    if !output.status.success() {
        return Err(format!(
            "`cargo build -p allmende --bin allmende` failed ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let binary = target_dir().join("debug").join(format!("allmende{}", std::env::consts::EXE_SUFFIX));
    if binary.is_file() {
        Ok(binary)
    } else {
        Err(format!("cargo built allmende but {} does not exist; set {BIN_VAR}", binary.display()))
    }
}
