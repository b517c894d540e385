//! `/settings/account`: leaving and moving. Download one's data (a zip), import Mastodon's
//! follows or blocks CSV, and delete the account (with the password; cancelled by signing in
//! during the grace period).

use askama::Template;
use axum::Form;
use axum::body::Body;
use axum::extract::{Multipart, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use futures_util::stream;
use serde::Deserialize;
use tokio::io::AsyncReadExt;

use crate::portability::csv_files::CsvError;
use crate::portability::{export, import};
use crate::service::{CurrentUser, ServiceError, account_deletion};
use crate::state::AppState;
use crate::web::csrf::{CSRF_FIELD, visitor_token};
use crate::web::error::WebError;
use crate::web::pages::render;
use crate::web::session::RequireUser;
use crate::web::view::{Chrome, FormState};

const PAGE_PATH: &str = "/settings/account";

/// One line the import did not take, as the page shows it.
pub struct FailedRow {
    pub line: u64,
    pub address: String,
    pub reason: String,
}

/// What the last import did, shown above the forms.
pub struct ImportResult {
    pub imported: i64,
    pub failed_count: i64,
    pub failed: Vec<FailedRow>,
}

#[derive(Template)]
#[template(path = "settings/account.html")]
pub struct AccountDataPage {
    pub chrome: Chrome,
    /// A message id of what was just done, or empty.
    pub saved: &'static str,
    /// When the account is to be deleted, if its owner asked.
    pub deletion_due: Option<String>,
    pub grace_days: i64,
    pub delete_form: FormState,
    /// A refused import file (the whole file), translated.
    pub import_error: String,
    pub import_result: Option<ImportResult>,
}

#[derive(Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

fn saved_message(saved: Option<&str>) -> &'static str {
    match saved {
        Some("deletion-requested") => "account-data-deletion-requested",
        Some("deletion-cancelled") => "account-data-deletion-cancelled",
        _ => "",
    }
}

#[allow(clippy::too_many_arguments)]
async fn page(
    state: &AppState,
    chrome: Chrome,
    user: &CurrentUser,
    saved: &'static str,
    delete_form: FormState,
    import_error: String,
    import_result: Option<ImportResult>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let due = account_deletion::deletion_due(&state.ctx, user).await?;
    let page = AccountDataPage {
        deletion_due: due.map(|at| chrome.t.datetime(at)),
        chrome,
        saved,
        grace_days: state.ctx.settings.deletion_grace_days,
        delete_form,
        import_error,
        import_result,
    };
    render(status, &page)
}

pub async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Query(query): Query<SavedQuery>,
) -> Result<Response, WebError> {
    let saved = saved_message(query.saved.as_deref());
    page(&state, chrome, &user, saved, FormState::default(), String::new(), None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    current_password: String,
}

/// Asks for the account's deletion after the grace period.
pub async fn delete(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Form(form): Form<DeleteForm>,
) -> Result<Response, WebError> {
    match account_deletion::request_deletion(&state.ctx, &user, &form.current_password).await {
        Ok(account_deletion::DeletionRequest::Scheduled(_)) => {
            Ok(Redirect::to(&format!("{PAGE_PATH}?saved=deletion-requested")).into_response())
        }
        Ok(account_deletion::DeletionRequest::Deleted) => {
            state.wake_delivery.notify_one();
            Ok(Redirect::to("/").into_response())
        }
        Err(ServiceError::Invalid(errors)) => {
            let form = FormState::new(&errors, &chrome.t);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            page(&state, chrome, &user, "", form, String::new(), None, status).await
        }
        Err(other) => Err(other.into()),
    }
}

/// Keeps the account after all.
pub async fn cancel_delete(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
) -> Result<Response, WebError> {
    account_deletion::cancel_deletion(&state.ctx, &user).await?;
    Ok(Redirect::to(&format!("{PAGE_PATH}?saved=deletion-cancelled")).into_response())
}

/// Read size of the export stream.
const CHUNK_BYTES: usize = 64 * 1024;

/// `GET /settings/account/export`: the zip, streamed from its file.
pub async fn export(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
) -> Result<Response, WebError> {
    let archive = export::build_export(&state, &user).await?;
    let body = Body::from_stream(stream::unfold(Some(archive.file), |file| async move {
        let mut file = file?;
        let mut buffer = vec![0u8; CHUNK_BYTES];
        match file.read(&mut buffer).await {
            Ok(0) => None,
            Ok(read) => {
                buffer.truncate(read);
                Some((Ok::<_, std::io::Error>(buffer), Some(file)))
            }
            Err(error) => Some((Err(error), None)),
        }
    }));
    let mut response = Response::new(body);
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/zip"));
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(archive.len));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", archive.file_name)) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// The fields of the import form (multipart).
#[derive(Default)]
struct ImportForm {
    csrf_token: Option<String>,
    kind: Option<String>,
    file: Option<Vec<u8>>,
}

/// A body that is not a readable multipart form: a 422, never a 500.
fn bad_form() -> WebError {
    ServiceError::from(crate::domain::FieldError::new("file", "is not a readable form upload")).into()
}

/// The refusal of a whole import file, in the reader's language.
fn csv_error_message(chrome: &Chrome, error: &CsvError) -> String {
    use fluent_templates::fluent_bundle::FluentValue;
    match error {
        CsvError::Empty => chrome.t.get("account-data-import-empty"),
        CsvError::NotText => chrome.t.get("account-data-import-not-text"),
        CsvError::Malformed { line, .. } => chrome.t.arg("account-data-import-malformed", "line", line),
        CsvError::TooMany { found, limit } => chrome.t.args(
            "account-data-import-too-many",
            &[("found", FluentValue::from(*found as i64)), ("limit", FluentValue::from(*limit as i64))],
        ),
    }
}

async fn read_import_form(mut multipart: Multipart) -> Result<ImportForm, WebError> {
    let mut form = ImportForm::default();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => return Err(bad_form()),
        };
        let name = field.name().unwrap_or_default().to_owned();
        let bytes = field.bytes().await.map_err(|_| bad_form())?;
        match name.as_str() {
            CSRF_FIELD => form.csrf_token = Some(String::from_utf8_lossy(&bytes).into_owned()),
            "kind" => form.kind = Some(String::from_utf8_lossy(&bytes).into_owned()),
            "file" => form.file = Some(bytes.to_vec()),
            _ => {}
        }
    }
    Ok(form)
}

/// `POST /settings/account/import` (multipart, outside the usual CSRF layer, which reads
/// url-encoded forms only: the token is checked here): follows or blocks from a CSV file.
pub async fn import_submit(
    State(state): State<AppState>,
    mut chrome: Chrome,
    RequireUser(user): RequireUser,
    headers: HeaderMap,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let form = read_import_form(multipart).await?;
    let expected = visitor_token(&headers);
    let valid = match (&expected, &form.csrf_token) {
        (Some(expected), Some(submitted)) => {
            crate::web::csrf::constant_time_eq(expected.as_bytes(), submitted.as_bytes())
        }
        _ => false,
    };
    if !valid {
        return Err(WebError::Csrf);
    }
    chrome.csrf_token = expected.unwrap_or_default();
    let Some(kind) = form.kind.as_deref().and_then(import::ImportKind::parse) else {
        let error = chrome.t.get("account-data-import-choose-kind");
        return page(
            &state,
            chrome,
            &user,
            "",
            FormState::default(),
            error,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let bytes = form.file.unwrap_or_default();
    match import::import_accounts(&state, &user, kind, &bytes).await {
        Ok(summary) => {
            let failed: Vec<FailedRow> = summary
                .failed
                .into_iter()
                .map(|failed| FailedRow {
                    line: failed.line,
                    reason: if failed.detail.is_empty() {
                        chrome.t.get(failed.reason.message_id())
                    } else {
                        format!("{} ({})", chrome.t.get(failed.reason.message_id()), failed.detail)
                    },
                    address: failed.address,
                })
                .collect();
            let result = ImportResult {
                imported: summary.imported.len() as i64,
                failed_count: failed.len() as i64,
                failed,
            };
            page(&state, chrome, &user, "", FormState::default(), String::new(), Some(result), StatusCode::OK)
                .await
        }
        Err(error) => {
            let message = csv_error_message(&chrome, &error);
            page(
                &state,
                chrome,
                &user,
                "",
                FormState::default(),
                message,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
