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

/// Waits (ten seconds at most) for the server to close the socket; events before that are
/// skipped. Returns the close code.
async fn closed_by_server(socket: &mut Socket) -> Option<u16> {
    let wait = async {
        while let Some(message) = socket.next().await {
            match message {
                Ok(Message::Close(frame)) => return frame.map(|frame| u16::from(frame.code)),
                Ok(_) => continue,
                Err(_) => return None,
            }
        }
        None
    };
    tokio::time::timeout(Duration::from_secs(10), wait).await.expect("the server closes the socket in time")
}

/// A token revoked while its socket is open, and an account that stops being active (suspended),
/// lose their sockets at once, not only their next requests; other sockets stay open.
pub async fn revoked_tokens_and_suspended_accounts_lose_their_sockets(app: TestApp) {
    app.create_user("ana").await;
    app.create_user("bo").await;
    let (registered, token) = crate::api_support::app_and_token_for(&app, "ana", "read").await;
    let mut revoked = open(&app, &format!("access_token={token}&stream=user")).await;
    let bo_token = crate::api_support::token_for(&app, "bo", "read").await;
    let mut suspended = open(&app, &format!("access_token={bo_token}&stream=user")).await;
    let ana_other = crate::api_support::token_for(&app, "ana", "read").await;
    let mut stays = open(&app, &format!("access_token={ana_other}&stream=public")).await;

    let revoke = app
        .client
        .post(app.url("/oauth/revoke"))
        .form(&[
            ("client_id", registered.client_id.as_str()),
            ("client_secret", registered.client_secret.as_str()),
            ("token", token.as_str()),
        ])
        .send()
        .await
        .expect("revoke");
    assert_eq!(revoke.status(), reqwest::StatusCode::OK);
    assert_eq!(closed_by_server(&mut revoked).await, Some(1008), "closed with a policy violation");

    let mut conn = app.ctx.db.acquire().await.expect("connection");
    let bo =
        allmende::db::actors::get_local_actor_by_name(&mut conn.conn(), "bo").await.expect("bo").expect("bo");
    allmende::db::accounts::update_account_state(&mut conn.conn(), bo.id, "suspended")
        .await
        .expect("suspend");
    drop(conn);
    assert_eq!(closed_by_server(&mut suspended).await, Some(1008), "a suspended account's socket closes");

    stays.send(Message::Ping(Vec::new().into())).await.expect("still open");
    let pong = tokio::time::timeout(Duration::from_secs(5), stays.next()).await.expect("answered");
    assert!(matches!(pong, Some(Ok(Message::Pong(_)))), "the other token's socket stays open: {pong:?}");
}

on_both_backends!(
    new_posts_and_notifications_arrive_live,
    revoked_tokens_and_suspended_accounts_lose_their_sockets
);
