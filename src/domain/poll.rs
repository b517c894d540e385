//! Polls: a post may ask a question with two or more answers (Mastodon's polls, ActivityPub's
//! `Question`). The limits here are the instance's, published in `/api/v2/instance`.

use super::FieldError;

/// Fewest options a poll has.
pub const MIN_OPTIONS: usize = 2;
/// Most options a poll of ours has (remote polls may have more, up to [`MAX_REMOTE_OPTIONS`]).
pub const MAX_OPTIONS: usize = 6;
/// Most characters of one option.
pub const MAX_OPTION_CHARS: usize = 100;
/// Shortest time a poll runs: five minutes.
pub const MIN_EXPIRATION_SECONDS: i64 = 5 * 60;
/// Longest time a poll runs: thirty days.
pub const MAX_EXPIRATION_SECONDS: i64 = 30 * 24 * 3600;
/// Most options of a remote poll that are kept (the rest are dropped).
pub const MAX_REMOTE_OPTIONS: usize = 20;

/// A poll as a member asks it, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPoll {
    pub options: Vec<String>,
    pub expires_in_seconds: i64,
    pub multiple: bool,
    pub hide_totals: bool,
}

impl NewPoll {
    /// Checks a poll's options (each trimmed, none empty, none twice) and how long it runs.
    pub fn parse(
        options: &[String],
        expires_in_seconds: Option<i64>,
        multiple: bool,
        hide_totals: bool,
    ) -> Result<Self, FieldError> {
        let options: Vec<String> = options.iter().map(|option| option.trim().to_owned()).collect();
        if options.len() < MIN_OPTIONS || options.len() > MAX_OPTIONS {
            return Err(FieldError::new(
                "poll[options]",
                format!("a poll has {MIN_OPTIONS} to {MAX_OPTIONS} options"),
            ));
        }
        if options.iter().any(String::is_empty) {
            return Err(FieldError::new("poll[options]", "options can't be blank"));
        }
        if options.iter().any(|option| option.chars().count() > MAX_OPTION_CHARS) {
            return Err(FieldError::new(
                "poll[options]",
                format!("an option is at most {MAX_OPTION_CHARS} characters long"),
            ));
        }
        if options.iter().enumerate().any(|(index, option)| options[..index].contains(option)) {
            return Err(FieldError::new("poll[options]", "each option may appear only once"));
        }
        let Some(expires_in_seconds) = expires_in_seconds else {
            return Err(FieldError::new("poll[expires_in]", "can't be blank"));
        };
        if !(MIN_EXPIRATION_SECONDS..=MAX_EXPIRATION_SECONDS).contains(&expires_in_seconds) {
            return Err(FieldError::new(
                "poll[expires_in]",
                format!("must be between {MIN_EXPIRATION_SECONDS} and {MAX_EXPIRATION_SECONDS} seconds"),
            ));
        }
        Ok(Self { options, expires_in_seconds, multiple, hide_totals })
    }
}

/// Checks a vote's choices (option positions) against a poll of `option_count` options: at
/// least one, each an option, none twice, and only one unless the poll allows several.
pub fn check_choices(choices: &[i64], option_count: usize, multiple: bool) -> Result<Vec<i64>, FieldError> {
    if choices.is_empty() {
        return Err(FieldError::new("choices", "choose at least one option"));
    }
    if !multiple && choices.len() > 1 {
        return Err(FieldError::new("choices", "this poll takes one choice"));
    }
    let count = i64::try_from(option_count).unwrap_or(i64::MAX);
    if choices.iter().any(|choice| !(0..count).contains(choice)) {
        return Err(FieldError::new("choices", "no such option"));
    }
    let mut unique = choices.to_vec();
    unique.sort_unstable();
    unique.dedup();
    if unique.len() != choices.len() {
        return Err(FieldError::new("choices", "each option may be chosen once"));
    }
    Ok(unique)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn polls_are_checked() {
        assert!(NewPoll::parse(&options(&["yes", "no"]), Some(3600), false, false).is_ok());
        assert_eq!(
            NewPoll::parse(&options(&["yes"]), Some(3600), false, false).unwrap_err().field,
            "poll[options]"
        );
        let seven = options(&["1", "2", "3", "4", "5", "6", "7"]);
        assert!(NewPoll::parse(&seven, Some(3600), false, false).is_err());
        assert!(NewPoll::parse(&options(&["yes", " "]), Some(3600), false, false).is_err());
        assert!(NewPoll::parse(&options(&["yes", "yes"]), Some(3600), false, false).is_err());
        assert!(NewPoll::parse(&options(&["yes", &"x".repeat(101)]), Some(3600), false, false).is_err());
        assert_eq!(
            NewPoll::parse(&options(&["a", "b"]), Some(60), false, false).unwrap_err().field,
            "poll[expires_in]"
        );
        assert!(NewPoll::parse(&options(&["a", "b"]), None, false, false).is_err());
        assert!(
            NewPoll::parse(&options(&["a", "b"]), Some(MAX_EXPIRATION_SECONDS + 1), false, false).is_err()
        );
    }

    #[test]
    fn choices_are_checked() {
        assert_eq!(check_choices(&[1], 2, false).unwrap(), vec![1]);
        assert!(check_choices(&[], 2, false).is_err());
        assert!(check_choices(&[0, 1], 2, false).is_err());
        assert_eq!(check_choices(&[1, 0], 2, true).unwrap(), vec![0, 1]);
        assert!(check_choices(&[2], 2, true).is_err());
        assert!(check_choices(&[-1], 2, true).is_err());
        assert!(check_choices(&[1, 1], 2, true).is_err());
    }
}
