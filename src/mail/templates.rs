//! The texts of the mails, in the recipient's language (`locales/*/mail.ftl`). Each is plain
//! text: a greeting, paragraphs, links on lines of their own, the instance's name, and the
//! unsubscribe link every mail carries.

use crate::web::i18n::Translator;

/// A mail's subject and text, ready for the queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
}

/// What a digest lists: one line per item, under its heading.
#[derive(Debug, Clone, Default)]
pub struct DigestItems {
    pub replies: Vec<String>,
    pub mentions: Vec<String>,
    pub new_threads: Vec<String>,
}

impl DigestItems {
    pub fn is_empty(&self) -> bool {
        self.replies.is_empty() && self.mentions.is_empty() && self.new_threads.is_empty()
    }
}

/// The parts of a mail between greeting and signature.
struct Body<'a> {
    t: &'a Translator,
    instance: &'a str,
    paragraphs: Vec<String>,
}

impl<'a> Body<'a> {
    fn new(t: &'a Translator, instance: &'a str, name: Option<&str>) -> Self {
        let paragraphs = name.map(|name| t.arg("mail-greeting", "name", name)).into_iter().collect();
        Self { t, instance, paragraphs }
    }

    fn text(mut self, text: String) -> Self {
        self.paragraphs.push(text);
        self
    }

    fn finish(self, subject: String, unsubscribe: &str) -> Rendered {
        let mut paragraphs = self.paragraphs;
        paragraphs.push(format!("-- \n{}", self.instance));
        paragraphs.push(self.t.arg("mail-unsubscribe", "link", unsubscribe));
        Rendered { subject, text: paragraphs.join("\n\n") + "\n" }
    }
}

fn instance_arg(t: &Translator, id: &str, instance: &str) -> String {
    t.arg(id, "instance", instance)
}

fn with_hours(t: &Translator, id: &str, instance: &str, hours: i64) -> String {
    use fluent_templates::fluent_bundle::FluentValue;
    t.args(id, &[("instance", FluentValue::from(instance.to_owned())), ("hours", FluentValue::from(hours))])
}

pub fn test_mail(t: &Translator, instance: &str, unsubscribe: &str) -> Rendered {
    Body::new(t, instance, None)
        .text(instance_arg(t, "mail-test-body", instance))
        .finish(instance_arg(t, "mail-test-subject", instance), unsubscribe)
}

pub fn password_reset(
    t: &Translator,
    instance: &str,
    name: &str,
    link: &str,
    hours: i64,
    unsubscribe: &str,
) -> Rendered {
    Body::new(t, instance, Some(name))
        .text(with_hours(t, "mail-reset-body", instance, hours))
        .text(link.to_owned())
        .text(t.get("mail-reset-ignore"))
        .finish(instance_arg(t, "mail-reset-subject", instance), unsubscribe)
}

/// The confirmation of a new account's address, or (`change`) of a changed address.
pub fn confirm_address(
    t: &Translator,
    instance: &str,
    name: &str,
    link: &str,
    hours: i64,
    change: bool,
    unsubscribe: &str,
) -> Rendered {
    let (subject, body) = if change {
        ("mail-change-subject", "mail-change-body")
    } else {
        ("mail-confirm-subject", "mail-confirm-body")
    };
    Body::new(t, instance, Some(name))
        .text(with_hours(t, body, instance, hours))
        .text(link.to_owned())
        .text(t.get("mail-confirm-ignore"))
        .finish(instance_arg(t, subject, instance), unsubscribe)
}

pub fn registration_decided(
    t: &Translator,
    instance: &str,
    name: &str,
    approved: bool,
    message: &str,
    sign_in_link: &str,
    unsubscribe: &str,
) -> Rendered {
    let mut body = Body::new(t, instance, Some(name));
    let subject = if approved {
        body = body.text(instance_arg(t, "mail-approved-body", instance)).text(sign_in_link.to_owned());
        instance_arg(t, "mail-approved-subject", instance)
    } else {
        body = body.text(instance_arg(t, "mail-rejected-body", instance));
        instance_arg(t, "mail-rejected-subject", instance)
    };
    if !message.trim().is_empty() {
        body = body.text(t.arg("mail-decision-message", "message", message.trim()));
    }
    body.finish(subject, unsubscribe)
}

pub fn report_resolved(
    t: &Translator,
    instance: &str,
    name: &str,
    target: &str,
    note: &str,
    unsubscribe: &str,
) -> Rendered {
    use fluent_templates::fluent_bundle::FluentValue;
    let mut body = Body::new(t, instance, Some(name)).text(t.args(
        "mail-report-body",
        &[
            ("instance", FluentValue::from(instance.to_owned())),
            ("target", FluentValue::from(target.to_owned())),
        ],
    ));
    if !note.trim().is_empty() {
        body = body.text(t.arg("mail-report-note", "note", note.trim()));
    }
    body.finish(instance_arg(t, "mail-report-subject", instance), unsubscribe)
}

pub fn digest(
    t: &Translator,
    instance: &str,
    name: &str,
    weekly: bool,
    items: &DigestItems,
    settings_link: &str,
    unsubscribe: &str,
) -> Rendered {
    let subject = if weekly { "mail-digest-subject-weekly" } else { "mail-digest-subject-daily" };
    let mut body = Body::new(t, instance, Some(name)).text(t.get("mail-digest-intro"));
    for (heading, lines) in [
        ("mail-digest-replies", &items.replies),
        ("mail-digest-mentions", &items.mentions),
        ("mail-digest-threads", &items.new_threads),
    ] {
        if !lines.is_empty() {
            let list: Vec<String> = lines.iter().map(|line| format!("* {line}")).collect();
            body = body.text(format!(
                "{}\n{}",
                t.count(heading, i64::try_from(lines.len()).unwrap_or(0)),
                list.join("\n")
            ));
        }
    }
    body.text(t.arg("mail-digest-settings", "link", settings_link))
        .finish(instance_arg(t, subject, instance), unsubscribe)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mails_are_in_the_recipients_language_with_the_links_on_their_own_lines() {
        let en = password_reset(
            &Translator::new("en"),
            "Forum",
            "ana",
            "https://f.example/r?t=1",
            2,
            "https://f.example/u",
        );
        let de = password_reset(
            &Translator::new("de"),
            "Forum",
            "ana",
            "https://f.example/r?t=1",
            2,
            "https://f.example/u",
        );
        assert_ne!(en.subject, de.subject);
        for mail in [&en, &de] {
            assert!(mail.text.lines().any(|line| line == "https://f.example/r?t=1"), "{}", mail.text);
            assert!(mail.text.contains("https://f.example/u"), "every mail can be unsubscribed");
            assert!(mail.text.contains("ana"));
        }
    }
}
