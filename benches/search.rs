//! Measures full-text search of posts on a seeded database: SQLite by default, PostgreSQL with
//! `--postgres URL` (an empty database). Seeds `--posts N` (default 5,000) threads and replies
//! in the six interface languages from a fixed vocabulary (deterministic), then times searches
//! as the client API runs them (ranked page of statuses, then their images, hashtags and
//! mentions): a common word, a rare one, two words, a stemmed German plural and a deep page.
//!
//! With `--serve ADDR --serve-seconds S` the seeded instance then answers HTTP on ADDR for S
//! seconds, for a load generator such as `wrk` (see docs/PERFORMANCE.md). Run with
//! `cargo bench --bench search [-- --posts 5000]`. Nothing leaves the machine.

use std::time::{Duration, Instant};

use allmende::config::Config;
use allmende::service::groups::NewGroup;
use allmende::service::posts::NewReply;
use allmende::service::threads::NewThread;
use allmende::service::{CurrentUser, accounts, groups, posts, search, threads};
use allmende::startup::Application;

/// Words per language; `solar`/`Solaranlage` are sprinkled in so searches have something to find.
const WORDS: [(&str, &[&str]); 6] = [
    (
        "en",
        &[
            "heat",
            "pump",
            "school",
            "roof",
            "energy",
            "transition",
            "bike",
            "lane",
            "council",
            "budget",
            "insulation",
            "window",
            "district",
            "heating",
            "study",
            "results",
            "meeting",
            "tram",
            "tree",
            "garden",
            "water",
            "flood",
            "plan",
            "citizens",
            "company",
            "funding",
            "project",
            "goal",
        ],
    ),
    (
        "de",
        &[
            "Wärmepumpe",
            "Schule",
            "Dach",
            "Energiewende",
            "Radweg",
            "Gemeinderat",
            "Haushalt",
            "Dämmung",
            "Fenster",
            "Quartier",
            "Nahwärme",
            "Studie",
            "Ergebnisse",
            "Treffen",
            "Straßenbahn",
            "Baum",
            "Garten",
            "Wasser",
            "Hochwasser",
            "Plan",
            "Bürger",
            "Unternehmen",
            "Förderung",
            "Projekt",
            "Ziel",
            "Anlagen",
            "Stadtwerke",
            "Klimaschutz",
        ],
    ),
    (
        "sv",
        &[
            "värmepump",
            "skola",
            "tak",
            "energiomställning",
            "cykelbana",
            "kommun",
            "budget",
            "isolering",
            "fönster",
            "stadsdel",
            "fjärrvärme",
            "studie",
            "resultat",
            "möte",
            "spårvagn",
            "träd",
        ],
    ),
    (
        "da",
        &[
            "varmepumpe",
            "skole",
            "tag",
            "energi",
            "cykelsti",
            "kommune",
            "budget",
            "isolering",
            "vindue",
            "bydel",
            "fjernvarme",
            "undersøgelse",
            "resultater",
            "møde",
            "sporvogn",
            "træ",
        ],
    ),
    (
        "fi",
        &[
            "lämpöpumppu",
            "koulu",
            "katto",
            "energiamuutos",
            "pyörätie",
            "kunta",
            "budjetti",
            "eristys",
            "ikkuna",
            "kaupunginosa",
            "kaukolämpö",
            "tutkimus",
            "tulokset",
            "kokous",
            "raitiovaunu",
            "puu",
        ],
    ),
    (
        "pl",
        &[
            "pompa",
            "ciepła",
            "szkoła",
            "dach",
            "transformacja",
            "ścieżka",
            "rowerowa",
            "gmina",
            "budżet",
            "izolacja",
            "okno",
            "dzielnica",
            "ciepłownia",
            "badanie",
            "wyniki",
            "spotkanie",
            "tramwaj",
        ],
    ),
];

/// A small deterministic generator (no seed from outside: every run seeds the same data).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }

    fn text(&mut self, words: &[&str], count: usize) -> String {
        let mut text: Vec<&str> = (0..count).map(|_| words[self.below(words.len())]).collect();
        match self.below(40) {
            0 => text.push("solar"),
            1 => text.push("Solaranlage"),
            2 => text.push("Photovoltaik"),
            _ => {}
        }
        text.join(" ")
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let arg = |name: &str| std::env::args().skip_while(|a| a != name).nth(1);
    let count: usize = arg("--posts").and_then(|n| n.parse().ok()).unwrap_or(5000);
    let dir = tempfile::tempdir().expect("dir");
    let mut config = Config::defaults().expect("config");
    config.bind = arg("--serve").unwrap_or_else(|| "127.0.0.1:0".into());
    config.insecure_http = true;
    config.data_dir = dir.path().to_owned();
    if let Some(url) = arg("--postgres") {
        config.database.url = url;
    }
    let app = Application::build(config).await.expect("app").without_background_delivery();
    let ctx = app.state().ctx.clone();

    let started = Instant::now();
    let mut people: Vec<CurrentUser> = Vec::new();
    for n in 0..20 {
        let account = accounts::NewAccount {
            username: format!("member{n}"),
            email: None,
            password: "long enough password".into(),
            admin: false,
        };
        people.push(accounts::create_account(&ctx, account).await.expect("member"));
    }
    let group_names: Vec<String> = (0..10).map(|n| format!("group{n}")).collect();
    for name in &group_names {
        let group = NewGroup {
            name: name.clone(),
            kind: "discussion".into(),
            title: format!("Group {name}"),
            description: String::new(),
        };
        groups::create_group(&ctx, people[0].id, group).await.expect("group");
    }
    let mut random = Lcg(17);
    let mut openers = Vec::new();
    for n in 0..count {
        let author = &people[n % people.len()];
        let (language, words) = WORDS[random.below(WORDS.len())];
        if n % 4 == 0 || openers.is_empty() {
            let title_words = 3 + random.below(4);
            let body_words = 20 + random.below(60);
            let input = NewThread {
                title: random.text(words, title_words),
                body: random.text(words, body_words),
                language: Some(language.into()),
                ..Default::default()
            };
            openers.push(
                threads::create_thread(&ctx, author, &group_names[n % group_names.len()], input)
                    .await
                    .expect("thread"),
            );
        } else {
            let body_words = 10 + random.below(50);
            let input = NewReply {
                body: random.text(words, body_words),
                language: Some(language.into()),
                ..Default::default()
            };
            let parent = openers[random.below(openers.len())];
            posts::reply(&ctx, author, parent, input).await.expect("reply");
        }
    }
    println!(
        "seeded {count} posts ({} threads) in 6 languages in {:.1} s",
        openers.len(),
        started.elapsed().as_secs_f64()
    );

    let reader = people[1].clone();
    for (what, query, offset) in [
        ("a common word (heat)", "heat", 0),
        ("a rare word (solar)", "solar", 0),
        ("two words (Wärmepumpe Schule)", "Wärmepumpe Schule", 0),
        ("a German plural (Solaranlagen)", "Solaranlagen", 0),
        ("a word in every language (budget), offset 200", "budget", 200),
    ] {
        let hits = search::search_posts(&ctx, Some(&reader), query, offset, 20).await.expect(what).hits.len();
        measure(&format!("search {what}, {hits} results on the page"), || {
            search::search_posts(&ctx, Some(&reader), query, offset, 20)
        })
        .await;
    }

    if let Some(seconds) = arg("--serve-seconds").and_then(|s| s.parse::<u64>().ok()) {
        println!("serving on http://{} for {seconds} s", app.local_addr().expect("address"));
        app.run_until(tokio::time::sleep(Duration::from_secs(seconds))).await.expect("serve");
    }
}

/// Runs `call` 200 times after 20 warm-up calls and prints the median and 95th percentile.
async fn measure<T, E: std::fmt::Debug, F, Fut>(what: &str, mut call: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    for _ in 0..20 {
        call().await.expect(what);
    }
    let mut times: Vec<Duration> = Vec::with_capacity(200);
    for _ in 0..200 {
        let started = Instant::now();
        call().await.expect(what);
        times.push(started.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("{what}: median {:.2} ms, p95 {:.2} ms (200 calls)", ms(times[100]), ms(times[190]));
}
