//! `cargo bench -p casewright-core --bench cases`: the case library at 100,000 case studies.
//! Before divan's per-benchmark figures it prints the library's file size, the time to
//! import the 100,000 rows from CSV, and the median and 95th percentile of search-as-you-type
//! over a fixed set of queries (each typed letter by letter) and of facet counts.

use std::sync::OnceLock;
use std::time::Instant;

use casewright_core::cases::library::{CaseLibrary, OnDuplicate};
use casewright_core::cases::transfer::{default_mapping, read_csv, write_csv};
use casewright_core::cases::{
    CaseQuery, CaseSource, CaseStudy, Evidence, OrgSize, Outcome, OutcomeKind,
};
use casewright_core::model::Relation;

const CASES: usize = 100_000;
const QUERIES: &[&str] = &[
    "maintenance",
    "repeat faults",
    "nurses",
    "onboarding time",
    "new services",
    "customer answers",
    "cross site",
    "ideas adopted",
    "safety incidents",
    "retention",
    "field technicians",
    "supply chain",
];

const VERBS: &[&str] = &[
    "cut",
    "halved",
    "raised",
    "doubled",
    "shortened",
    "improved",
    "grew",
    "reduced",
];
const THINGS: &[&str] = &[
    "repeat faults",
    "time to answer",
    "onboarding time",
    "safety incidents",
    "ideas adopted",
    "customer complaints",
    "staff turnover",
    "new services",
    "scrap rates",
    "supply delays",
    "call handling time",
    "patient waits",
    "energy use",
    "defects",
    "project overruns",
];
const WHO: &[&str] = &[
    "Maintenance crews",
    "Nurses",
    "Store staff",
    "Engineers",
    "Field technicians",
    "Call centre teams",
    "Teachers",
    "Drivers",
    "Analysts",
    "Designers",
    "Plant operators",
    "Pharmacists",
];
const INDUSTRIES: &[&str] = &[
    "manufacturing",
    "healthcare",
    "retail",
    "financial services",
    "public sector",
    "education",
    "logistics",
    "energy",
    "software",
    "hospitality",
    "pharmaceuticals",
    "telecoms",
];

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    /// A rank from a Zipf-like distribution over `n` (word frequencies in real text).
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.below(1 << 20) as f64 + 0.5) / (1 << 20) as f64;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

/// 4,000 made-up words built from syllables: real case text has a large vocabulary whose
/// words are used with very unequal frequency, which is what search cost depends on.
fn vocabulary() -> Vec<String> {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mer", "tin", "sa", "ven", "dro", "pel", "qua", "rin", "sto", "bra", "cle",
        "dun", "fe", "gor", "hal", "ish", "jo", "kel", "lum", "mon", "nor", "pra", "ros", "sil",
        "tor", "ul", "vas", "wen",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut words = std::collections::BTreeSet::new();
    while words.len() < 4_000 {
        let n = 2 + rng.below(2);
        words.insert(
            (0..n)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect::<String>(),
        );
    }
    let mut words: Vec<String> = words.into_iter().collect();
    // Shuffle so frequency does not follow alphabetical order.
    for i in (1..words.len()).rev() {
        words.swap(i, rng.below(i + 1));
    }
    words
}

fn generated(count: usize) -> Vec<CaseStudy> {
    let vocabulary = vocabulary();
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let sentence = |rng: &mut Rng, words: usize| -> String {
        (0..words)
            .map(|_| vocabulary[rng.zipf(vocabulary.len())].as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    (0..count)
        .map(|i| {
            let (who, verb, thing) = (
                WHO[rng.below(WHO.len())],
                VERBS[rng.below(VERBS.len())],
                THINGS[rng.below(THINGS.len())],
            );
            let kind = OutcomeKind::ALL[rng.below(OutcomeKind::ALL.len())];
            CaseStudy {
                id: 0,
                title: format!("{who} {verb} {thing} {}", sentence(&mut rng, 2)),
                organisation: format!("Organisation {i} (illustrative)"),
                industry: INDUSTRIES[rng.below(INDUSTRIES.len())].into(),
                size: Some(OrgSize::ALL[rng.below(OrgSize::ALL.len())]),
                region: ["UK", "Germany", "Nordics", "India", "Brazil"][rng.below(5)].into(),
                year: Some(2010 + rng.below(17) as i32),
                initiative: sentence(&mut rng, 30),
                outcomes: vec![Outcome {
                    kind,
                    number: Some((5 + rng.below(40)) as f64),
                    unit: Some("%".into()),
                    description: format!("{thing} {verb} {}", sentence(&mut rng, 4)),
                }],
                quote: Some(sentence(&mut rng, 12)),
                source: CaseSource {
                    title: format!("Review {i}"),
                    publisher: "Illustrative".into(),
                    link: None,
                    accessed: Some("2025-03".into()),
                },
                evidence: Evidence::ALL[rng.below(Evidence::ALL.len())],
                tags: vec![["pilot", "cross-site", "frontline", "learning"][rng.below(4)].into()],
                relation: [None, Some(Relation::Peer), Some(Relation::Competitor)][rng.below(3)],
            }
        })
        .collect()
}

struct Fixture {
    _dir: tempfile::TempDir,
    /// Behind a lock because a connection is not `Sync` and divan's closures must be.
    library: std::sync::Mutex<CaseLibrary>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        // CASES_BENCH_LIBRARY keeps the generated library there (for probing it afterwards).
        let path = std::env::var_os("CASES_BENCH_LIBRARY")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| dir.path().join("bench.casewright-library"));
        let _ = std::fs::remove_file(&path);
        let csv = write_csv(&generated(CASES));
        let start = Instant::now();
        // As `casewright cases import` and the app do.
        let (_, map) = default_mapping(&csv).unwrap();
        let mut library = CaseLibrary::open_or_create(&path).unwrap();
        library
            .import_csv(&csv, &map, Some(OnDuplicate::Skip))
            .unwrap();
        let import = start.elapsed();
        let size = std::fs::metadata(&path).unwrap().len();
        // Reading alone, for scale.
        let start = Instant::now();
        let read = read_csv(&csv, &map).unwrap().len();
        println!(
            "library: {CASES} cases imported from CSV ({:.1} MB) in {:.2} s (reading its {read} rows alone takes {:.2} s); file {:.1} MB",
            csv.len() as f64 / 1e6,
            import.as_secs_f64(),
            start.elapsed().as_secs_f64(),
            size as f64 / 1e6
        );
        Fixture {
            _dir: dir,
            library: std::sync::Mutex::new(library),
        }
    })
}

fn percentile(times: &mut [f64], p: f64) -> f64 {
    times.sort_by(f64::total_cmp);
    times[((times.len() - 1) as f64 * p).round() as usize]
}

/// Every prefix of every query, as typed letter by letter (from two letters on): the fixed
/// phrases above, and made-up words from the most common (rank 1) to rare (rank 2,000).
fn typed() -> Vec<String> {
    let vocabulary = vocabulary();
    let words: Vec<String> = [0, 1, 3, 10, 30, 100, 300, 1_000, 2_000]
        .iter()
        .map(|&rank| vocabulary[rank].clone())
        .chain([format!("{} {}", vocabulary[2], vocabulary[50])])
        .collect();
    QUERIES
        .iter()
        .map(|q| q.to_string())
        .chain(words)
        .flat_map(|q| {
            (2..=q.len())
                .map(move |n| q[..n].to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

fn main() {
    let library = fixture().library.lock().unwrap();
    if std::env::var_os("CASES_BENCH_IMPORT_ONLY").is_some() {
        return; // for profiling the import alone
    }
    let (mut hits_ms, mut facet_ms, mut both_ms) = (Vec::new(), Vec::new(), Vec::new());
    let mut slowest: Vec<(f64, String, u32)> = Vec::new();
    let queries = typed();
    for _ in 0..3 {
        for text in &queries {
            let query = CaseQuery {
                text: text.clone(),
                limit: Some(20),
                ..CaseQuery::default()
            };
            let start = Instant::now();
            let found = library.search_hits(&query).unwrap();
            let hits = start.elapsed().as_secs_f64() * 1000.0;
            slowest.push((hits, text.clone(), found.total));
            let start = Instant::now();
            library.search(&query).unwrap();
            let both = start.elapsed().as_secs_f64() * 1000.0;
            let start = Instant::now();
            library
                .facets(&CaseQuery {
                    text: String::new(),
                    kind: Some(OutcomeKind::ALL[text.len() % 8]),
                    ..CaseQuery::default()
                })
                .unwrap();
            let facets = start.elapsed().as_secs_f64() * 1000.0;
            hits_ms.push(hits);
            facet_ms.push(facets);
            both_ms.push(both);
        }
    }
    for (what, times) in [
        ("search as you type (hits and count)", &mut hits_ms),
        (
            "search as you type with its facet counts, as the app asks",
            &mut both_ms,
        ),
        (
            "facet counts of the whole library filtered by one outcome kind",
            &mut facet_ms,
        ),
    ] {
        println!(
            "{what}, {} typed queries × 3: median {:.2} ms, p95 {:.2} ms",
            queries.len(),
            percentile(times, 0.5),
            percentile(times, 0.95)
        );
    }
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    slowest.dedup_by(|a, b| a.1 == b.1);
    let listed: Vec<String> = slowest
        .iter()
        .take(8)
        .map(|(ms, q, n)| format!("{q:?} {ms:.1} ms ({n} hits)"))
        .collect();
    println!("slowest: {}", listed.join(", "));
    drop(library);
    divan::main();
}

#[divan::bench(args = QUERIES)]
fn search(bencher: divan::Bencher, text: &str) {
    let library = &fixture().library;
    let query = CaseQuery {
        text: text.to_string(),
        limit: Some(20),
        ..CaseQuery::default()
    };
    bencher.bench(|| library.lock().unwrap().search_hits(&query).unwrap());
}

/// Browsing one industry: every case in it is counted (the whole library's counts are
/// kept between changes, so they cost nothing after the first time).
#[divan::bench]
fn facets_of_one_industry(bencher: divan::Bencher) {
    let library = &fixture().library;
    let query = CaseQuery {
        industry: Some("energy".into()),
        ..CaseQuery::default()
    };
    bencher.bench(|| library.lock().unwrap().facets(&query).unwrap());
}
