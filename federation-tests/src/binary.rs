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
/// `ALLMENDE_BIN` wins when set. Otherwise `<target dir>/debug/allmende` is used when it is newer
/// than every source file (`cargo test --workspace` has just built it); when it is missing or
/// older, `cargo build -p allmende --bin allmende` runs once per test process. Building only
/// when needed matters: a package-only build resolves dependency features differently from the
/// workspace test build, so it would recompile much of the dependency tree.
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
    let binary = target_dir().join("debug").join(format!("allmende{}", std::env::consts::EXE_SUFFIX));
    if is_fresh(&binary) {
        return Ok(binary);
    }
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
    if binary.is_file() {
        Ok(binary)
    } else {
        Err(format!("cargo built allmende but {} does not exist; set {BIN_VAR}", binary.display()))
    }
}

/// Whether the binary exists and is newer than everything it is built from.
fn is_fresh(binary: &Path) -> bool {
    let Ok(built) = std::fs::metadata(binary).and_then(|m| m.modified()) else {
        return false;
    };
    let root = workspace_root();
    let sources =
        ["src", "migrations", "templates", "static", "config", "Cargo.toml", "Cargo.lock", "build.rs"];
    sources.iter().all(|source| newest_change(&root.join(source)).is_none_or(|changed| changed <= built))
}

/// The latest modification time of a file or anything below a directory.
fn newest_change(path: &Path) -> Option<std::time::SystemTime> {
    let metadata = std::fs::metadata(path).ok()?;
    let own = metadata.modified().ok();
    if !metadata.is_dir() {
        return own;
    }
    let children =
        std::fs::read_dir(path).ok()?.filter_map(Result::ok).filter_map(|entry| newest_change(&entry.path()));
    children.chain(own).max()
}
