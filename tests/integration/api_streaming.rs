//! The streaming API over a real WebSocket: a client subscribed to `user` and `public:local`
//! receives new posts and notifications as Mastodon events; subscribing by message works; a
//! connection without a valid token is refused.

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

use crate::api_support::Api;
use crate::common::TestApp;
use crate::on_both_backends;
use allmende::service::groups::{NewGroup, create_group};

type Socket = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

pub(crate) async fn open(app: &TestApp, query: &str) -> Socket {
    let url = format!("{}/api/v1/streaming?{query}", app.base_url.replacen("http", "ws", 1));
    tokio_tungstenite::connect_async(url).await.expect("the WebSocket opens").0
}

/// The next event whose stream and kind match, within ten seconds.
pub(crate) async fn next_event(socket: &mut Socket, stream: &str, kind: &str) -> Value {
    let wait = async {
        while let Some(message) = socket.next().await {
            let Ok(Message::Text(text)) = message else { continue };
            let event: Value = serde_json::from_str(text.as_str()).expect("events are JSON");
            if event["stream"][0] == stream && event["event"] == kind {
                return event;
            }
        }
        panic!("the stream ended");
    };
    tokio::time::timeout(Duration::from_secs(10), wait).await.expect("an event arrives in time")
}

pub async fn new_posts_and_notifications_arrive_live(app: TestApp) {
    let ana = app.create_user("ana").await;
    app.create_user("bo").await;
    create_group(
        &app.ctx,
        ana.id,
        NewGroup {
            name: "energy".into(),
            kind: "discussion".into(),
            title: "Energy".into(),
            description: String::new(),
        },
    )
    .await
    .expect("group");
    let ana_api = Api::for_user(&app, "ana").await;
    let bo_api = Api::for_user(&app, "bo").await;

    let mut ana_socket = open(&app, &format!("access_token={}&stream=user", ana_api.token)).await;
    let mut public = open(&app, &format!("access_token={}", bo_api.token)).await;
    public
        .send(Message::Text(json!({"type": "subscribe", "stream": "public:local"}).to_string().into()))
        .await
        .expect("subscribe");

    let posted: Value = ana_api
        .post_form("/api/v1/statuses", &[("status", "@energy Live from the town hall")])
        .await
        .json()
        .await
        .unwrap();
    let update = next_event(&mut public, "public:local", "update").await;
    let status: Value =
        serde_json::from_str(update["payload"].as_str().expect("payload is a string")).unwrap();
    assert_eq!(status["id"], posted["id"]);

    let reply = bo_api
        .post_form(
            "/api/v1/statuses",
            &[("status", "On my way"), ("in_reply_to_id", posted["id"].as_str().unwrap())],
        )
        .await;
    assert_eq!(reply.status(), reqwest::StatusCode::OK);
    let notification = next_event(&mut ana_socket, "user", "notification").await;
    let payload: Value = serde_json::from_str(notification["payload"].as_str().unwrap()).unwrap();
    assert_eq!(payload["type"], "mention");
    assert_eq!(payload["account"]["username"], "bo");

    let refused = tokio_tungstenite::connect_async(format!(
        "{}/api/v1/streaming?access_token=made-up&stream=user",
        app.base_url.replacen("http", "ws", 1)
    ))
    .await;
    assert!(refused.is_err(), "an unknown token gets no stream");
}

on_both_backends!(new_posts_and_notifications_arrive_live);
