//! The persisted outgoing queue. Activities are enqueued in the transaction of the change that
//! caused them; the worker here signs and delivers them, retrying with backoff, and survives
//! restarts because everything it needs is in the database.

pub mod enqueue;
pub mod retry;
pub mod worker;

pub use enqueue::{Recipient, enqueue_activity};
pub use worker::{DeliveryWorker, WorkerReport};
