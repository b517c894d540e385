//! Plain types and rules of the forum. Nothing here knows about HTTP, SQL or ActivityPub:
//! input from any front door becomes one of these types before it reaches a service.

pub mod account;
pub mod blocked_domain;
pub mod event;
pub mod events;
pub mod goal;
pub mod group;
pub mod hashtags;
pub mod html;
pub mod ids;
pub mod interaction;
pub mod language;
pub mod mentions;
pub mod modlog;
pub mod name;
pub mod organisation;
pub mod poll;
pub mod post;
pub mod project;
pub mod registration;
pub mod report;
pub mod scopes;
pub mod search;
pub mod time;
pub mod validation;
pub mod visibility;

pub use account::{DisplayName, Email, Password, Permission, Role};
pub use events::DomainEvent;
pub use group::{GroupKind, GroupLanguages, GroupTitle};
pub use ids::{ActorId, EventId, IdGenerator, PostId};
pub use language::Language;
pub use name::Name;
pub use post::{ContentWarning, PostBody, ThreadTitle};
pub use scopes::Scopes;
pub use time::{Clock, SystemClock, Timestamp};
pub use validation::{FieldError, FieldErrors};
pub use visibility::Visibility;
