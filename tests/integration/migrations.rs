//! The two migration sets must stay paired: same file names, same order.

use std::collections::BTreeSet;
use std::path::Path;

fn names(dir: &str) -> BTreeSet<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(dir);
    std::fs::read_dir(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".sql"))
        .collect()
}

#[test]
fn sqlite_and_postgres_migrations_are_paired() {
    let sqlite = names("sqlite");
    let postgres = names("postgres");
    assert!(!sqlite.is_empty(), "there are migrations");
    assert_eq!(sqlite, postgres, "migrations/sqlite and migrations/postgres must have the same files");
    for name in &sqlite {
        let (number, rest) = name.split_once('_').unwrap_or_default();
        assert!(number.len() == 4 && number.chars().all(|c| c.is_ascii_digit()), "{name}: NNNN_name.sql");
        assert!(!rest.is_empty(), "{name}: NNNN_name.sql");
    }
}
