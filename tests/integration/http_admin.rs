//! The admin's federation page: only admins see it; blocking a peer is recorded and refused
//! hosts are normalised first.

use reqwest::StatusCode;

use crate::common::{PASSWORD, TestApp};
use crate::on_both_backends;

pub async fn admins_see_peers_and_block_them(app: TestApp) {
    app.signed_in_user("ana").await;
    assert_eq!(app.get("/admin/federation").await.status(), StatusCode::FORBIDDEN, "members may not");
    assert_eq!(app.post_form("/logout", &[]).await.status(), StatusCode::SEE_OTHER);
    allmende::service::accounts::create_account(
        &app.ctx,
        allmende::service::accounts::NewAccount {
            username: "root-admin".into(),
            email: None,
            password: PASSWORD.into(),
            admin: true,
        },
    )
    .await
    .expect("admin");
    app.sign_in("root-admin").await;
    let (status, page) = app.get_html("/admin/federation").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("No other instances yet."));
    let blocked = app
        .post_form("/admin/federation/policy", &[("host", " Spam.Example. "), ("policy", "blocked")])
        .await;
    assert_eq!(blocked.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html("/admin/federation").await;
    assert!(page.contains("<td>spam.example</td><td>blocked</td>"), "{page}");
    assert!(allmende::service::peers::is_refused(&app.ctx, "SPAM.example").await.expect("policy"));
    let odd = app
        .post_form(
            "/admin/federation/policy",
            &[("host", "good.example@spam.example"), ("policy", "blocked")],
        )
        .await;
    assert_eq!(odd.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

on_both_backends!(admins_see_peers_and_block_them);
