//! Mastodon's account list CSV files. The export writes them as Mastodon does:
//! `following_accounts.csv` with the header `Account address,Show boosts,Notify on new posts,
//! Languages`, `muted_accounts.csv` with `Account address,Hide notifications`, and
//! `blocked_accounts.csv` as one address a line. The import reads any of these, and the older
//! one-column form, taking the address from the first column.

use crate::service::account_data::AccountAddress;

/// Mastodon's header of `following_accounts.csv`.
pub const FOLLOWING_HEADER: [&str; 4] =
    ["Account address", "Show boosts", "Notify on new posts", "Languages"];
/// Mastodon's header of `muted_accounts.csv`.
pub const MUTED_HEADER: [&str; 2] = ["Account address", "Hide notifications"];

/// `following_accounts.csv`.
pub fn following_csv(rows: &[AccountAddress]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(FOLLOWING_HEADER)?;
    for row in rows {
        writer.write_record([row.address.as_str(), "true", if row.flag { "true" } else { "false" }, ""])?;
    }
    into_bytes(writer)
}

/// `muted_accounts.csv`.
pub fn muted_csv(rows: &[AccountAddress]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(MUTED_HEADER)?;
    for row in rows {
        writer.write_record([row.address.as_str(), if row.flag { "true" } else { "false" }])?;
    }
    into_bytes(writer)
}

/// `blocked_accounts.csv`: one address a line, no header (as Mastodon writes it).
pub fn blocked_csv(rows: &[AccountAddress]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
    for row in rows {
        writer.write_record([row.address.as_str()])?;
    }
    into_bytes(writer)
}

fn into_bytes(writer: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, csv::Error> {
    writer.into_inner().map_err(|error| error.into_error().into())
}

/// Why an uploaded file is not an account list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CsvError {
    #[error("the file is empty or lists no accounts")]
    Empty,
    #[error("the file is not text (UTF-8); choose the CSV file Mastodon or Allmende exported")]
    NotText,
    #[error("line {line} is not valid CSV: {message}")]
    Malformed { line: u64, message: String },
    #[error("the file lists {found} accounts; at most {limit} are imported at once")]
    TooMany { found: usize, limit: usize },
}

/// One line of an account list, as written (its address still unchecked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedAccount {
    /// The line in the file (1-based), for the summary.
    pub line: u64,
    pub address: String,
}

/// Reads a follows, blocks or mutes CSV file (with Mastodon's header or without, one column or
/// more) and returns the address of each line, at most `limit`. Empty lines are skipped.
pub fn parse_account_list(bytes: &[u8], limit: usize) -> Result<Vec<ListedAccount>, CsvError> {
    let text = std::str::from_utf8(bytes).map_err(|_| CsvError::NotText)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\0') {
        return Err(CsvError::NotText);
    }
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut accounts = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|error| CsvError::Malformed {
            line: error.position().map_or(index as u64 + 1, |p| p.line()),
            message: match error.kind() {
                csv::ErrorKind::Utf8 { .. } => "not UTF-8 text".to_owned(),
                _ => "unbalanced quotes or a broken field".to_owned(),
            },
        })?;
        let line = record.position().map_or(index as u64 + 1, |p| p.line());
        let first = record.get(0).unwrap_or("").trim();
        if first.is_empty() || (index == 0 && first.eq_ignore_ascii_case(FOLLOWING_HEADER[0])) {
            continue;
        }
        accounts.push(ListedAccount { line, address: first.to_owned() });
        if accounts.len() > limit {
            let found = accounts.len() + reader.records().count();
            return Err(CsvError::TooMany { found, limit });
        }
    }
    if accounts.is_empty() {
        return Err(CsvError::Empty);
    }
    Ok(accounts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(text: &str, flag: bool) -> AccountAddress {
        AccountAddress { address: text.to_owned(), flag }
    }

    #[test]
    fn following_round_trips() {
        let rows = [address("ana@forum.example", true), address("energy@lemmy.example", false)];
        let bytes = following_csv(&rows).expect("written");
        let text = String::from_utf8(bytes.clone()).expect("text");
        assert!(text.starts_with("Account address,Show boosts,Notify on new posts,Languages\n"));
        assert!(text.contains("ana@forum.example,true,true,\n"));
        let parsed = parse_account_list(&bytes, 10).expect("parsed");
        let addresses: Vec<_> = parsed.iter().map(|a| a.address.as_str()).collect();
        assert_eq!(addresses, ["ana@forum.example", "energy@lemmy.example"]);
        assert_eq!(parsed[0].line, 2);
    }

    #[test]
    fn one_column_and_blank_lines() {
        let parsed =
            parse_account_list(b"\xef\xbb\xbfana@a.example\n\n  bob@b.example \r\n", 10).expect("parsed");
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed[1].address, "bob@b.example");
    }

    #[test]
    fn bad_files_are_refused_clearly() {
        assert_eq!(parse_account_list(b"", 10), Err(CsvError::Empty));
        assert_eq!(parse_account_list(b"Account address,Show boosts\n", 10), Err(CsvError::Empty));
        assert_eq!(parse_account_list(b"PK\x03\x04\xff\xfe", 10), Err(CsvError::NotText));
        assert_eq!(
            parse_account_list(b"a@x.example\nb@x.example\nc@x.example\n", 2),
            Err(CsvError::TooMany { found: 3, limit: 2 })
        );
    }
}
