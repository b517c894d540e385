//! The Atom feed of a group's events: one entry per event, newest start first, with when and
//! where in the entry's text (in the event's own zone, in the instance's language).

use super::atom::{FeedHead, Subtitle, XmlWriter, atom_date};
use super::event_views::EventView;
use super::i18n::Translator;
use crate::domain::html::escape_text;
use crate::service::events::EventDetails;

/// `uid_of` gives each event's stable id, `page_of` its page.
pub fn render_events_feed(
    head: &FeedHead<'_>,
    events: &[EventDetails],
    t: &Translator,
    uid_of: impl Fn(&EventDetails) -> String,
    page_of: impl Fn(&EventDetails) -> String,
) -> String {
    let mut xml = XmlWriter::default();
    xml.start("feed", &[("xmlns", "http://www.w3.org/2005/Atom")]);
    xml.text("id", &[], head.self_url);
    xml.text("title", &[("type", "text")], head.title);
    match head.subtitle {
        Subtitle::Text(text) => xml.text("subtitle", &[("type", "text")], text),
        Subtitle::Html(html) => xml.text("subtitle", &[("type", "html")], html),
    }
    let updated = events.iter().map(|e| e.updated_at).max().unwrap_or(head.updated_if_empty);
    xml.text("updated", &[], &atom_date(updated));
    xml.empty("link", &[("rel", "self"), ("type", "application/atom+xml"), ("href", head.self_url)]);
    xml.empty("link", &[("rel", "alternate"), ("type", "text/html"), ("href", head.page_url)]);
    xml.text("generator", &[("version", env!("CARGO_PKG_VERSION"))], "Allmende");
    for event in events {
        let view = EventView::new(event, t);
        let page = page_of(event);
        xml.start("entry", &[]);
        xml.text("id", &[], &uid_of(event));
        xml.text("title", &[("type", "text")], &event.title);
        xml.empty("link", &[("rel", "alternate"), ("type", "text/html"), ("href", &page)]);
        xml.start("author", &[]);
        xml.text("name", &[], event.group.shown_name());
        xml.end("author");
        xml.text("published", &[], &atom_date(event.created_at));
        xml.text("updated", &[], &atom_date(event.updated_at));
        let place = if event.address.is_empty() { &event.online_url } else { &event.address };
        xml.text("summary", &[("type", "text")], &format!("{} · {place}", view.when));
        let content = format!(
            "<p><strong>{}</strong><br>{}</p>{}",
            escape_text(&view.when),
            escape_text(place),
            event.description_html
        );
        xml.text("content", &[("type", "html")], &content);
        xml.end("entry");
    }
    xml.end("feed");
    xml.finish()
}
