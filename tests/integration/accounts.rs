//! Accounts, sign-in, lockout, sessions and profiles through the service layer.

use allmende::domain::Role;
use allmende::service::ServiceError;
use allmende::service::accounts::{self, NewAccount, Profile};
use allmende::service::groups::{self, NewGroup};

use crate::common::{PASSWORD, TestApp, count_rows as count};
use crate::on_both_backends;

fn account(name: &str) -> NewAccount {
    NewAccount {
        username: name.into(),
        email: Some(format!("{name}@example.org")),
        password: PASSWORD.into(),
        admin: false,
    }
}

fn field_error(result: Result<impl std::fmt::Debug, ServiceError>, field: &str) -> String {
    match result {
        Err(ServiceError::Invalid(errors)) => {
            errors.get(field).unwrap_or_else(|| panic!("no error on {field}: {errors}")).to_owned()
        }
        other => panic!("expected a field error on {field}, got {other:?}"),
    }
}

pub async fn registration_creates_a_member(app: TestApp) {
    let user = accounts::register(&app.ctx, account("ana")).await.expect("registered");
    assert_eq!(user.name, "ana");
    assert_eq!(user.role, Role::Member);
    let session = accounts::login(&app.ctx, "ana", PASSWORD).await.expect("signs in");
    let found = accounts::user_for_session(&app.ctx, &session.token).await.expect("lookup");
    assert_eq!(found.map(|u| u.name), Some("ana".to_owned()));
}

pub async fn names_are_one_namespace_for_people_and_groups(app: TestApp) {
    let ana = accounts::register(&app.ctx, account("ana")).await.expect("registered");
    let taken = accounts::register(&app.ctx, account("ana")).await;
    assert_eq!(field_error(taken, "username"), "is already taken");
    let group = groups::create_group(
        &app.ctx,
        ana.id,
        NewGroup {
            name: "ana".into(),
            kind: "discussion".into(),
            title: "Ana".into(),
            description: String::new(),
        },
    )
    .await;
    assert_eq!(field_error(group, "name"), "is already taken");
    groups::create_group(
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
    .expect("group created");
    let person =
        accounts::register(&app.ctx, NewAccount { email: Some("x@example.org".into()), ..account("energy") })
            .await;
    assert_eq!(field_error(person, "username"), "is already taken");
    let instance_actor = accounts::register(&app.ctx, account("actor")).await;
    assert_eq!(field_error(instance_actor, "username"), "is reserved, please choose another");
}

pub async fn bad_registrations_store_nothing(app: TestApp) {
    let before = count(&app, "actors").await;
    for (input, field) in [
        (NewAccount { username: "Ana Maria".into(), ..account("x") }, "username"),
        (NewAccount { username: "admin".into(), ..account("x") }, "username"),
        (NewAccount { email: Some("not-an-email".into()), ..account("bob") }, "email"),
        (NewAccount { email: None, ..account("bob") }, "email"),
        (NewAccount { password: "short".into(), ..account("bob") }, "password"),
    ] {
        let result = accounts::register(&app.ctx, input).await;
        field_error(result, field);
    }
    accounts::register(&app.ctx, account("bob")).await.expect("bob registers");
    let same_email = accounts::register(
        &app.ctx,
        NewAccount { email: Some("BOB@example.org".into()), ..account("bobby") },
    )
    .await;
    assert_eq!(field_error(same_email, "email"), "is already registered");
    assert_eq!(count(&app, "actors").await, before + 1, "only bob was stored");
    assert_eq!(count(&app, "accounts").await, 1);
}

pub async fn closed_registration_is_refused(app: TestApp) {
    let mut settings = (*app.ctx.settings).clone();
    settings.registration_mode = allmende::domain::registration::RegistrationMode::Closed;
    let ctx = allmende::service::Context { settings: std::sync::Arc::new(settings), ..app.ctx.clone() };
    assert!(matches!(accounts::register(&ctx, account("ana")).await, Err(ServiceError::RegistrationClosed)));
    // Admins can still create accounts from the command line.
    accounts::create_account(&ctx, account("ana")).await.expect("admin-made account");
}

pub async fn failed_sign_ins_lock_the_account_for_a_while(app: TestApp) {
    accounts::register(&app.ctx, account("ana")).await.expect("registered");
    for _ in 0..4 {
        assert!(matches!(
            accounts::login(&app.ctx, "ana", "wrong password").await,
            Err(ServiceError::BadCredentials)
        ));
    }
    assert!(matches!(accounts::login(&app.ctx, "ana", "wrong password").await, Err(ServiceError::LockedOut)));
    assert!(
        matches!(accounts::login(&app.ctx, "ana", PASSWORD).await, Err(ServiceError::LockedOut)),
        "even the right password is refused while locked"
    );
    app.clock.advance_seconds(15 * 60 + 1);
    accounts::login(&app.ctx, "ana", PASSWORD).await.expect("signs in after the lockout");
    assert!(matches!(accounts::login(&app.ctx, "nobody", PASSWORD).await, Err(ServiceError::BadCredentials)));
}

pub async fn sessions_end_on_logout_and_expiry(app: TestApp) {
    accounts::register(&app.ctx, account("ana")).await.expect("registered");
    let first = accounts::login(&app.ctx, "ana", PASSWORD).await.expect("signs in");
    let second = accounts::login(&app.ctx, "ana", PASSWORD).await.expect("signs in again");
    accounts::logout(&app.ctx, &first.token).await.expect("logs out");
    assert!(accounts::user_for_session(&app.ctx, &first.token).await.expect("lookup").is_none());
    assert!(accounts::user_for_session(&app.ctx, &second.token).await.expect("lookup").is_some());
    app.clock.advance_seconds(app.ctx.settings.session_ttl_seconds + 1);
    assert!(accounts::user_for_session(&app.ctx, &second.token).await.expect("lookup").is_none());
    assert!(accounts::user_for_session(&app.ctx, "forged").await.expect("lookup").is_none());
}

pub async fn profile_updates_are_validated_and_rendered(app: TestApp) {
    let ana = accounts::register(&app.ctx, account("ana")).await.expect("registered");
    let bad = accounts::update_profile(
        &app.ctx,
        &ana,
        Profile { display_name: "Ana".into(), bio: String::new(), language: "xx".into() },
    )
    .await;
    assert_eq!(field_error(bad, "language"), "is not one of the offered languages");
    accounts::update_profile(
        &app.ctx,
        &ana,
        Profile {
            display_name: "Ana <b>Nowak</b>".into(),
            bio: "Energy **advisor** <script>alert(1)</script>".into(),
            language: "pl".into(),
        },
    )
    .await
    .expect("profile saved");
    let profile = accounts::get_profile(&app.ctx, &ana).await.expect("profile");
    assert_eq!(profile.language, "pl");
    assert_eq!(profile.display_name, "Ana <b>Nowak</b>", "stored as typed, escaped when shown");
    let (page, _) = allmende::service::users::get_user_page(&app.ctx, "ana", None, None).await.expect("page");
    assert!(page.bio_html.contains("<strong>advisor</strong>"));
    assert!(!page.bio_html.contains("<script"));
}

on_both_backends!(
    registration_creates_a_member,
    names_are_one_namespace_for_people_and_groups,
    bad_registrations_store_nothing,
    closed_registration_is_refused,
    failed_sign_ins_lock_the_account_for_a_while,
    sessions_end_on_logout_and_expiry,
    profile_updates_are_validated_and_rendered,
);
