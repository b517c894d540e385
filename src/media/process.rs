//! Turning uploaded bytes into an image we are willing to serve.
//!
//! Every upload is decoded and encoded again: what is served is pixels we wrote, never the
//! uploaded file. That drops EXIF and other metadata (a photo's GPS position), refuses files
//! that only look like images, and applies the camera's orientation so the picture stands the
//! right way up without its metadata. Decoding has limits on size and memory, so a small file
//! that claims a huge canvas is refused instead of exhausting memory.
//!
//! JPEG stays JPEG; PNG, GIF (its first frame) and WebP become PNG.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

/// The longest side a stored image may have; larger ones are scaled down.
pub const MAX_SIDE: u32 = 4096;
/// The longest side of the preview apps show in timelines.
pub const PREVIEW_SIDE: u32 = 640;
/// Canvases larger than this are refused before decoding.
const MAX_DECODED_SIDE: u32 = 12_000;
const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;
const JPEG_QUALITY: u8 = 85;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Jpeg,
    Png,
}

impl ImageKind {
    pub fn content_type(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Jpeg => "jpg",
            Self::Png => "png",
        }
    }

    fn format(self) -> ImageFormat {
        match self {
            Self::Jpeg => ImageFormat::Jpeg,
            Self::Png => ImageFormat::Png,
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MediaError {
    #[error("the file is not an image in a supported format (JPEG, PNG, GIF or WebP)")]
    Unsupported,
    #[error("the image could not be read")]
    Unreadable,
    #[error("the image is too large")]
    TooLarge,
}

#[derive(Debug, Clone)]
pub struct ProcessedImage {
    pub kind: ImageKind,
    pub bytes: Vec<u8>,
    /// A smaller copy, when the image is larger than [`PREVIEW_SIDE`].
    pub preview: Option<Vec<u8>>,
    pub width: u32,
    pub height: u32,
    /// A short placeholder apps draw while the image loads.
    pub blurhash: Option<String>,
}

/// Checks and re-encodes an upload. CPU-bound: call it off the async runtime.
pub fn process_image(data: &[u8]) -> Result<ProcessedImage, MediaError> {
    let (kind, mut image) = decode(data)?;
    if image.width() > MAX_SIDE || image.height() > MAX_SIDE {
        image = image.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Lanczos3);
    }
    let bytes = encode(&image, kind)?;
    let preview = if image.width() > PREVIEW_SIDE || image.height() > PREVIEW_SIDE {
        Some(encode(&image.thumbnail(PREVIEW_SIDE, PREVIEW_SIDE), kind)?)
    } else {
        None
    };
    Ok(ProcessedImage {
        kind,
        bytes,
        preview,
        width: image.width(),
        height: image.height(),
        blurhash: blurhash(&image),
    })
}

/// Checks an avatar or header upload and scales and crops it to exactly `width` × `height`
/// (the middle of the picture is kept), re-encoded like every upload. No preview is made.
/// CPU-bound: call it off the async runtime.
pub fn process_cropped(data: &[u8], width: u32, height: u32) -> Result<ProcessedImage, MediaError> {
    let (kind, image) = decode(data)?;
    let image = image.resize_to_fill(width, height, image::imageops::FilterType::Lanczos3);
    Ok(ProcessedImage {
        kind,
        bytes: encode(&image, kind)?,
        preview: None,
        width: image.width(),
        height: image.height(),
        blurhash: blurhash(&image),
    })
}

/// Sniffs the format from the bytes and decodes within the limits, upright.
fn decode(data: &[u8]) -> Result<(ImageKind, DynamicImage), MediaError> {
    let mut reader =
        ImageReader::new(Cursor::new(data)).with_guessed_format().map_err(|_| MediaError::Unreadable)?;
    let kind = match reader.format() {
        Some(ImageFormat::Jpeg) => ImageKind::Jpeg,
        Some(ImageFormat::Png | ImageFormat::Gif | ImageFormat::WebP) => ImageKind::Png,
        _ => return Err(MediaError::Unsupported),
    };
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DECODED_SIDE);
    limits.max_image_height = Some(MAX_DECODED_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(decode_error)?;
    let orientation = decoder.orientation().map_err(decode_error)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(decode_error)?;
    image.apply_orientation(orientation);
    if image.width() == 0 || image.height() == 0 {
        return Err(MediaError::Unreadable);
    }
    Ok((kind, image))
}

fn decode_error(error: image::ImageError) -> MediaError {
    match error {
        image::ImageError::Limits(_) => MediaError::TooLarge,
        image::ImageError::Unsupported(_) => MediaError::Unsupported,
        _ => MediaError::Unreadable,
    }
}

fn encode(image: &DynamicImage, kind: ImageKind) -> Result<Vec<u8>, MediaError> {
    let mut out = Cursor::new(Vec::new());
    let written = match kind {
        ImageKind::Jpeg => {
            image.to_rgb8().write_with_encoder(JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY))
        }
        ImageKind::Png => image.write_to(&mut out, kind.format()),
    };
    written.map_err(|_| MediaError::Unreadable)?;
    Ok(out.into_inner())
}

/// The blurhash of a 32-pixel thumbnail (4×3 components, as Mastodon makes them).
fn blurhash(image: &DynamicImage) -> Option<String> {
    let small = image.thumbnail(32, 32).to_rgba8();
    blurhash::encode(4, 3, small.width(), small.height(), small.as_raw()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage, Rgba, RgbaImage};

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = RgbaImage::from_pixel(width, height, Rgba([10, 120, 60, 255]));
        let mut out = Cursor::new(Vec::new());
        image.write_to(&mut out, ImageFormat::Png).expect("png");
        out.into_inner()
    }

    fn jpeg_with_comment(comment: &[u8]) -> Vec<u8> {
        let image = RgbImage::from_pixel(40, 30, Rgb([200, 100, 0]));
        let mut out = Cursor::new(Vec::new());
        image.write_to(&mut out, ImageFormat::Jpeg).expect("jpeg");
        let plain = out.into_inner();
        // An APP1 segment right after the start-of-image marker, as cameras write EXIF.
        let mut segment = vec![0xFF, 0xE1];
        let length = u16::try_from(comment.len() + 2).expect("short");
        segment.extend_from_slice(&length.to_be_bytes());
        segment.extend_from_slice(comment);
        [&plain[..2], &segment[..], &plain[2..]].concat()
    }

    #[test]
    fn a_png_is_read_and_written_again() {
        let processed = process_image(&png(800, 600)).expect("image");
        assert_eq!(processed.kind, ImageKind::Png);
        assert_eq!((processed.width, processed.height), (800, 600));
        assert!(processed.preview.is_some(), "larger than the preview size");
        assert!(processed.blurhash.as_deref().is_some_and(|hash| hash.len() >= 6));
    }

    #[test]
    fn metadata_of_a_jpeg_does_not_survive() {
        let upload = jpeg_with_comment(b"Exif\0\0GPS 54.3N 10.1E secret");
        assert!(upload.windows(6).any(|w| w == b"secret"));
        let processed = process_image(&upload).expect("image");
        assert_eq!(processed.kind, ImageKind::Jpeg);
        assert!(!processed.bytes.windows(6).any(|w| w == b"secret"));
        assert!(processed.preview.is_none(), "small images need no preview");
    }

    #[test]
    fn text_and_broken_images_are_refused() {
        assert_eq!(process_image(b"hello, world").unwrap_err(), MediaError::Unsupported);
        let mut truncated = png(64, 64);
        truncated.truncate(60);
        assert!(process_image(&truncated).is_err());
    }

    #[test]
    fn a_huge_canvas_is_refused_before_decoding() {
        // A valid PNG header that claims 60000 × 60000 pixels.
        let mut header = png(1, 1);
        header[16..20].copy_from_slice(&60_000_u32.to_be_bytes());
        header[20..24].copy_from_slice(&60_000_u32.to_be_bytes());
        assert!(matches!(process_image(&header), Err(MediaError::TooLarge | MediaError::Unreadable)));
    }

    #[test]
    fn a_cropped_image_has_exactly_the_asked_size() {
        let processed = process_cropped(&png(900, 300), 400, 400).expect("image");
        assert_eq!((processed.width, processed.height), (400, 400));
        let stored = image::load_from_memory(&processed.bytes).expect("stored");
        assert_eq!((stored.width(), stored.height()), (400, 400));
    }
}
