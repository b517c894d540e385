//! Forms that may carry images (`enctype="multipart/form-data"`): the profile images and the
//! composer. Their routes sit outside the usual body limit and outside the CSRF middleware's body
//! check (it reads only URL-encoded forms); [`UploadForm`] reads the body itself, up to the upload
//! limit, and checks the CSRF field against the visitor's cookie the same way. Every handler on
//! those routes must take an `UploadForm`.

use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

use super::csrf::{CSRF_FIELD, constant_time_eq, visitor_token};
use super::error::WebError;
use crate::state::AppState;

/// Files one upload form may carry (the composer's four images).
pub const MAX_FILES: usize = 4;

/// The text fields and the chosen files of a form, its CSRF token checked.
#[derive(Debug, Default)]
pub struct UploadForm {
    pub fields: Vec<(String, String)>,
    /// Field name and bytes, in the order sent; file inputs left empty are not here.
    pub files: Vec<(String, Vec<u8>)>,
}

impl UploadForm {
    /// The first value of a text field.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }

    /// Every value of a text field, in order.
    pub fn texts(&self, name: &str) -> Vec<&str> {
        self.fields.iter().filter(|(key, _)| key == name).map(|(_, value)| value.as_str()).collect()
    }

    /// Takes the first file sent in field `name`.
    pub fn take_file(&mut self, name: &str) -> Option<Vec<u8>> {
        let index = self.files.iter().position(|(key, _)| key == name)?;
        Some(self.files.remove(index).1)
    }

    /// The text fields read as a form struct, by `axum::Form` itself.
    pub async fn parse<T: DeserializeOwned>(&self) -> Result<T, Response> {
        let encoded = form_urlencoded::Serializer::new(String::new()).extend_pairs(&self.fields).finish();
        let request = Request::builder()
            .method(axum::http::Method::POST)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(axum::body::Body::from(encoded))
            .map_err(|_| StatusCode::BAD_REQUEST.into_response())?;
        let axum::Form(form) =
            axum::Form::<T>::from_request(request, &()).await.map_err(IntoResponse::into_response)?;
        Ok(form)
    }
}

impl FromRequest<AppState> for UploadForm {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let expected = visitor_token(request.headers());
        let content_type = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_ascii_lowercase();
        let mut form = UploadForm::default();
        if content_type.starts_with("multipart/form-data") {
            let mut multipart = Multipart::from_request(request, state).await.map_err(|_| unreadable())?;
            while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
                let Some(name) = field.name().map(str::to_owned) else { continue };
                if field.file_name().is_some() {
                    let bytes = field.bytes().await.map_err(multipart_error)?;
                    if !bytes.is_empty() {
                        if form.files.len() >= MAX_FILES {
                            return Err(StatusCode::PAYLOAD_TOO_LARGE.into_response());
                        }
                        form.files.push((name, bytes.to_vec()));
                    }
                } else {
                    let text = field.text().await.map_err(multipart_error)?;
                    form.fields.push((name, text));
                }
            }
        } else {
            let bytes = Bytes::from_request(request, state).await.map_err(IntoResponse::into_response)?;
            if bytes.len() > state.config.limits.body_bytes {
                return Err(StatusCode::PAYLOAD_TOO_LARGE.into_response());
            }
            form.fields =
                form_urlencoded::parse(&bytes).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
        }
        let valid = match (&expected, form.text(CSRF_FIELD)) {
            (Some(expected), Some(submitted)) => constant_time_eq(expected.as_bytes(), submitted.as_bytes()),
            _ => false,
        };
        if !valid {
            tracing::info!("upload form refused: CSRF token missing or wrong");
            return Err(WebError::Csrf.into_response());
        }
        Ok(form)
    }
}

fn unreadable() -> Response {
    (StatusCode::BAD_REQUEST, "the form could not be read").into_response()
}

fn multipart_error(error: axum::extract::multipart::MultipartError) -> Response {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        StatusCode::PAYLOAD_TOO_LARGE.into_response()
    } else {
        unreadable()
    }
}

/// Uploads the composer's images (`image_1` … with `alt_1` …) through the same checks as the
/// API, and returns their ids in order for the post's `media_ids`. An invalid image is an error
/// on its own field.
pub async fn upload_post_images(
    ctx: &crate::service::Context,
    user: &crate::service::CurrentUser,
    form: &mut UploadForm,
) -> Result<Vec<i64>, crate::service::ServiceError> {
    use crate::domain::{FieldError, FieldErrors};
    use crate::service::ServiceError;
    use crate::service::media::{Upload, upload_image};
    let mut ids = Vec::new();
    for slot in super::view::IMAGE_SLOTS {
        let Some(bytes) = form.take_file(slot.file) else { continue };
        let upload = Upload { bytes, description: form.text(slot.alt).map(str::to_owned), focus: None };
        match upload_image(ctx, user, upload).await {
            Ok(media) => ids.push(media.id),
            Err(ServiceError::Invalid(errors)) => {
                let mut named = FieldErrors::new();
                for error in errors.iter() {
                    let field = if error.field == "description" { slot.alt } else { slot.file };
                    named.push(FieldError::new(field, error.message.clone()));
                }
                return Err(ServiceError::Invalid(named));
            }
            Err(other) => return Err(other),
        }
    }
    Ok(ids)
}
