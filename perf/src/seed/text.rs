//! Words of the seeded posts, titles and names: six languages, hashtags with a long tail, and the
//! word `solar` in some posts (so search has something to find).

use rand::Rng;
use rand::seq::IndexedRandom;

/// The six UI languages, with how often people write in each.
pub const LANGUAGES: [(&str, u32); 6] =
    [("en", 30), ("de", 25), ("sv", 10), ("da", 10), ("fi", 10), ("pl", 15)];

/// Hashtags, most used first (picked with a Zipf-like skew).
pub const HASHTAGS: &[&str] = &[
    "solar",
    "climate",
    "energy",
    "cycling",
    "heatpumps",
    "wind",
    "biodiversity",
    "repaircafe",
    "mobility",
    "klimaschutz",
    "energiewende",
    "gardening",
    "insulation",
    "buses",
    "trees",
    "compost",
    "rainwater",
    "foodsharing",
    "carsharing",
    "districtheating",
    "balkonkraftwerk",
    "agrivoltaics",
    "rewilding",
    "cooperative",
    "citizenenergy",
    "retrofit",
    "trams",
    "bees",
    "wetlands",
    "floods",
    "heatwave",
    "energisparande",
    "klimat",
    "ilmasto",
    "aurinko",
    "energia",
    "klimat_pl",
    "fotowoltaika",
    "vindkraft",
    "cykel",
    "fjernvarme",
    "kompost",
    "pyoraily",
    "lampopumppu",
    "rower",
    "ogrod",
    "las",
    "torv",
    "hede",
];

/// Group topics (also the start of group names).
pub const TOPICS: &[&str] = &[
    "solar", "wind", "cycling", "heat", "trees", "repair", "food", "water", "transit", "housing", "gardens",
    "energy", "climate", "rivers", "schools", "farms", "coops", "mobility", "nature", "retrofit",
];

/// Places, for titles and group titles.
pub const PLACES: &[&str] = &[
    "Berlin",
    "Hamburg",
    "Malmö",
    "Aarhus",
    "Tampere",
    "Kraków",
    "Leipzig",
    "Göteborg",
    "Odense",
    "Turku",
    "Gdańsk",
    "Freiburg",
    "Uppsala",
    "Aalborg",
    "Oulu",
    "Wrocław",
    "Münster",
    "Lund",
    "Roskilde",
    "Espoo",
];

pub const FIRST_NAMES: &[&str] = &[
    "anna", "ben", "clara", "david", "emil", "frida", "greta", "hanna", "ida", "jonas", "kasia", "lars",
    "maja", "nils", "olga", "piotr", "rasmus", "sofia", "tuomas", "ulla", "vera", "wiktor", "aino", "bjorn",
];

/// Sentence pieces of one language: openers of titles, subjects, verbs and objects.
struct Words {
    titles: &'static [&'static str],
    subjects: &'static [&'static str],
    verbs: &'static [&'static str],
    objects: &'static [&'static str],
    solar: &'static str,
}

const EN: Words = Words {
    titles: &["Ideas for", "Question about", "Report from", "Meeting on", "Plans for", "Help needed with"],
    subjects: &[
        "Our neighbourhood",
        "The city council",
        "The cooperative",
        "Our school",
        "The allotment group",
        "Everyone here",
    ],
    verbs: &["is planning", "discussed", "wants to fund", "has finished", "is looking at", "voted for"],
    objects: &[
        "new bike lanes",
        "a repair café",
        "heat pumps for the old houses",
        "more trees on the square",
        "a community garden",
        "better bus times",
    ],
    solar: "The solar panels on the school roof now cover most of its power.",
};
const DE: Words = Words {
    titles: &["Ideen für", "Frage zu", "Bericht aus", "Treffen zu", "Pläne für", "Hilfe gesucht bei"],
    subjects: &[
        "Unser Viertel",
        "Der Stadtrat",
        "Die Genossenschaft",
        "Unsere Schule",
        "Der Kleingartenverein",
        "Alle hier",
    ],
    verbs: &["plant", "hat besprochen", "will fördern", "hat abgeschlossen", "prüft", "stimmte für"],
    objects: &[
        "neue Radwege",
        "ein Repair-Café",
        "Wärmepumpen für die Altbauten",
        "mehr Bäume am Platz",
        "einen Gemeinschaftsgarten",
        "bessere Busverbindungen",
    ],
    solar: "Die solar betriebene Anlage auf dem Schuldach deckt jetzt fast den ganzen Strom.",
};
const SV: Words = Words {
    titles: &["Idéer för", "Fråga om", "Rapport från", "Möte om", "Planer för", "Hjälp behövs med"],
    subjects: &["Vårt kvarter", "Kommunen", "Kooperativet", "Vår skola", "Koloniföreningen", "Alla här"],
    verbs: &["planerar", "diskuterade", "vill finansiera", "har avslutat", "tittar på", "röstade för"],
    objects: &[
        "nya cykelbanor",
        "ett reparationskafé",
        "värmepumpar till de gamla husen",
        "fler träd på torget",
        "en gemensam trädgård",
        "bättre busstider",
    ],
    solar: "Solar energi från skolans tak täcker nu det mesta av elen.",
};
const DA: Words = Words {
    titles: &["Idéer til", "Spørgsmål om", "Rapport fra", "Møde om", "Planer for", "Hjælp søges til"],
    subjects: &[
        "Vores kvarter",
        "Byrådet",
        "Andelsforeningen",
        "Vores skole",
        "Kolonihaveforeningen",
        "Alle her",
    ],
    verbs: &["planlægger", "drøftede", "vil støtte", "har afsluttet", "kigger på", "stemte for"],
    objects: &[
        "nye cykelstier",
        "en reparationscafé",
        "varmepumper til de gamle huse",
        "flere træer på torvet",
        "en fælleshave",
        "bedre busforbindelser",
    ],
    solar: "Solar anlægget på skolens tag dækker nu det meste af strømmen.",
};
const FI: Words = Words {
    titles: &["Ideoita:", "Kysymys:", "Raportti:", "Tapaaminen:", "Suunnitelmia:", "Apua tarvitaan:"],
    subjects: &[
        "Meidän kortteli",
        "Kaupunginvaltuusto",
        "Osuuskunta",
        "Meidän koulu",
        "Siirtolapuutarha",
        "Kaikki täällä",
    ],
    verbs: &[
        "suunnittelee",
        "keskusteli",
        "haluaa rahoittaa",
        "on saanut valmiiksi",
        "harkitsee",
        "äänesti puolesta",
    ],
    objects: &[
        "uusia pyöräteitä",
        "korjauskahvilan",
        "lämpöpumppuja vanhoihin taloihin",
        "lisää puita torille",
        "yhteisöpuutarhan",
        "parempia bussivuoroja",
    ],
    solar: "Koulun katon solar paneelit kattavat nyt suurimman osan sähköstä.",
};
const PL: Words = Words {
    titles: &[
        "Pomysły na",
        "Pytanie o",
        "Relacja z",
        "Spotkanie w sprawie",
        "Plany na",
        "Potrzebna pomoc przy",
    ],
    subjects: &[
        "Nasza dzielnica",
        "Rada miasta",
        "Spółdzielnia",
        "Nasza szkoła",
        "Ogródki działkowe",
        "Wszyscy tutaj",
    ],
    verbs: &["planuje", "omówiła", "chce sfinansować", "zakończyła", "rozważa", "głosowała za"],
    objects: &[
        "nowe ścieżki rowerowe",
        "kawiarnię naprawczą",
        "pompy ciepła dla starych domów",
        "więcej drzew na placu",
        "ogród społeczny",
        "lepsze rozkłady autobusów",
    ],
    solar: "Panele solar na dachu szkoły pokrywają teraz większość prądu.",
};

fn words(language: &str) -> &'static Words {
    match language {
        "de" => &DE,
        "sv" => &SV,
        "da" => &DA,
        "fi" => &FI,
        "pl" => &PL,
        _ => &EN,
    }
}

/// A language, with [`LANGUAGES`]' weights.
pub fn pick_language(rng: &mut impl Rng) -> &'static str {
    let total: u32 = LANGUAGES.iter().map(|(_, w)| w).sum();
    let mut roll = rng.random_range(0..total);
    for (language, weight) in LANGUAGES {
        if roll < weight {
            return language;
        }
        roll -= weight;
    }
    "en"
}

fn pick<'a>(rng: &mut impl Rng, list: &'a [&'a str]) -> &'a str {
    list.choose(rng).copied().unwrap_or_default()
}

/// A hashtag, the first ones far more often than the last.
pub fn pick_hashtag(rng: &mut impl Rng) -> &'static str {
    let n = HASHTAGS.len();
    // Zipf-like: the index of the floor of an exponentially distributed rank.
    let u: f64 = rng.random_range(0.0..1.0);
    let index = ((n as f64).powf(u) - 1.0) as usize;
    HASHTAGS[index.min(n - 1)]
}

/// A thread title.
pub fn title(rng: &mut impl Rng, language: &str) -> String {
    let w = words(language);
    format!("{} {} in {}", pick(rng, w.titles), pick(rng, w.objects), pick(rng, PLACES))
}

/// A post's Markdown: a few sentences, sometimes hashtags, sometimes the word `solar`.
pub fn body(rng: &mut impl Rng, language: &str) -> String {
    let w = words(language);
    let sentences = rng.random_range(1..=4);
    let mut text = String::with_capacity(240);
    for i in 0..sentences {
        if i > 0 {
            text.push_str(if rng.random_bool(0.2) { "\n\n" } else { " " });
        }
        text.push_str(pick(rng, w.subjects));
        text.push(' ');
        text.push_str(pick(rng, w.verbs));
        text.push(' ');
        text.push_str(pick(rng, w.objects));
        text.push('.');
    }
    if rng.random_bool(0.06) {
        text.push(' ');
        text.push_str(w.solar);
    }
    if rng.random_bool(0.3) {
        text.push_str("\n\n");
        for i in 0..rng.random_range(1..=3) {
            if i > 0 {
                text.push(' ');
            }
            text.push('#');
            text.push_str(pick_hashtag(rng));
        }
    }
    text
}

/// A group's title and description.
pub fn group_texts(rng: &mut impl Rng, topic: &str, language: &str) -> (String, String) {
    let w = words(language);
    let place = pick(rng, PLACES);
    let mut title = topic.to_owned();
    if let Some(first) = title.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    (
        format!("{title} {place}"),
        format!("{} {} {}.", pick(rng, w.subjects), pick(rng, w.verbs), pick(rng, w.objects)),
    )
}
