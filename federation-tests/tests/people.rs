//! People from elsewhere across three real instances, through public HTTP: a member of one
//! finds a person of another by handle, follows her from her profile page and sees her post in
//! the home timeline; the person moves her account to a third instance (aliases and move in
//! the settings), and the follower ends up following the new account.

use federation_tests::oauth::token_for;
use federation_tests::scenario::{LogsOnPanic, member, options, page_shows};
use federation_tests::{Backend, Instance};

const POST: &str = "Cargo bike repair meetup on Saturday";

fn start(backend: Backend, name: &str) -> Option<Instance> {
    Some(Instance::start(options(backend, name, &[])?))
}

async fn follow_and_move(backend: Backend) {
    let (Some(north), Some(home), Some(new_home)) =
        (start(backend, "Boras"), start(backend, "Borken"), start(backend, "Hjorring"))
    else {
        return;
    };
    let _logs = LogsOnPanic::default().with("north", &north).with("home", &home).with("new home", &new_home);
    let ana = member(&north, "ana", false).await;
    let zoe = member(&home, "zoe", false).await;
    let zed = member(&new_home, "zed", false).await;

    // ana opens zoe's profile by handle (found through WebFinger) and follows her there.
    let profile = format!("/u/zoe@{}", home.domain());
    let page = ana.get_ok(&profile).await;
    assert!(page.contains(&format!("account on {}", home.domain())), "{page}");
    ana.submit_ok(&profile, &format!("{profile}/follow"), &[]).await;
    page_shows(&ana, &profile, ">Unfollow</button>").await;
    let page = ana.get_ok(&profile).await;
    assert!(!page.contains(r#"id="follow-pending""#), "zoe's instance accepted:\n{page}");

    // zoe posts (from an app); it reaches ana's home timeline on the web.
    let token = token_for(&home, "zoe").await;
    let posted = reqwest::Client::new()
        .post(home.url("/api/v1/statuses"))
        .bearer_auth(&token)
        .form(&[("status", POST)])
        .send()
        .await
        .expect("post");
    assert_eq!(posted.status().as_u16(), 200);
    page_shows(&ana, "/feed/home", POST).await;
    page_shows(&ana, &profile, POST).await;

    // zoe moves to zed on the third instance: zed names her as an alias first.
    let old_handle = format!("@zoe@{}", home.domain());
    zed.submit_ok("/settings/moving", "/settings/moving/aliases", &[("aliases", &old_handle)]).await;
    let new_handle = format!("@zed@{}", new_home.domain());
    let moved = zoe.submit_ok("/settings/moving", "/settings/moving/move", &[("target", &new_handle)]).await;
    assert!(moved.body.contains(r#"id="moved-notice""#), "{}", moved.body);

    // ana now follows zed (accepted by his instance) and no longer zoe, whose page says so.
    let new_profile = format!("/u/zed@{}", new_home.domain());
    page_shows(&ana, &new_profile, ">Unfollow</button>").await;
    let old = page_shows(&ana, &profile, r#"id="moved-notice""#).await;
    assert!(old.contains(&format!(r#"href="{new_profile}""#)), "{old}");
    assert!(!old.contains(">Unfollow</button>"), "{old}");

    // The old account posts no more.
    let refused = reqwest::Client::new()
        .post(home.url("/api/v1/statuses"))
        .bearer_auth(&token)
        .form(&[("status", "Still here")])
        .send()
        .await
        .expect("post");
    assert_eq!(refused.status().as_u16(), 422);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_followed_person_moves_and_her_follower_follows_the_new_account() {
    follow_and_move(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_followed_person_moves_and_her_follower_follows_the_new_account() {
    follow_and_move(Backend::Postgres).await;
}
