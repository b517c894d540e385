//! The client API's parameter parser: a query string and a body (JSON, form or multipart) with
//! Rails-style keys merged into one object, then read leniently into the API's parameter types.
//! Input: `query\ncontent-type selector byte\nbody`.
#![no_main]

use allmende::api::handlers::{accounts, oauth, reports, statuses, timelines};
use allmende::api::paging::PageParams;
use allmende::api::params::{Params, merge_body, merge_form, read_params};
use axum::body::Body;
use axum::extract::FromRequest;
use axum::http::Request;
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

fn depth(value: &Value) -> usize {
    match value {
        Value::Object(map) => 1 + map.values().map(depth).max().unwrap_or(0),
        Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

fn read_all(merged: &Map<String, Value>) {
    let _ = read_params::<PageParams>(merged.clone());
    let _ = read_params::<statuses::NewStatusParams>(merged.clone());
    let _ = read_params::<statuses::EditParams>(merged.clone());
    let _ = read_params::<accounts::StatusesParams>(merged.clone());
    let _ = read_params::<accounts::UpdateParams>(merged.clone());
    let _ = read_params::<timelines::PublicParams>(merged.clone());
    let _ = read_params::<oauth::TokenParams>(merged.clone());
    let _ = read_params::<reports::NewReportParams>(merged.clone());
}

thread_local! {
    static RUNTIME: tokio::runtime::Runtime =
        tokio::runtime::Builder::new_current_thread().build().expect("a runtime");
}

fuzz_target!(|data: &[u8]| {
    let (head, body) = allmende_fuzz::fields(data, 2);
    let (query, selector) = (head[0], head[1].first().copied().unwrap_or(0));
    let mut merged = Map::new();
    merge_form(&mut merged, query);
    // Rails-style keys never nest deeper than the limit (four levels).
    assert!(depth(&Value::Object(merged.clone())) <= 4);
    let content_type = match selector % 4 {
        0 => "application/json",
        1 => "application/x-www-form-urlencoded",
        2 => "text/plain",
        _ => "multipart/form-data; boundary=X",
    };
    if selector % 4 == 3 {
        // Multipart is read by the extractor itself, as a handler gets it.
        let uri = format!("/x?{}", String::from_utf8_lossy(query).replace(['#', ' '], ""));
        let Ok(request) = Request::builder()
            .method("POST")
            .uri(uri)
            .header("content-type", content_type)
            .body(Body::from(body.to_vec()))
        else {
            return;
        };
        RUNTIME.with(|runtime| {
            let _ = runtime.block_on(Params::<Map<String, Value>>::from_request(request, &()));
        });
        return;
    }
    if merge_body(&mut merged, content_type, body).is_ok() {
        read_all(&merged);
    }
});
