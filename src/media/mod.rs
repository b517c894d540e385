//! Uploaded images: checked and re-encoded ([`process`]) before anything is kept, then stored as
//! files under `<data_dir>/media` ([`store`]) and served from `/media/{file}`.

pub mod process;
pub mod store;

pub use process::{ImageKind, MediaError, ProcessedImage, process_cropped, process_image};
pub use store::MediaStore;
