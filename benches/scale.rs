//! The project's benchmark: `cargo bench --bench scale -- [HOUSEHOLDS ...]`.
//!
//! For each size it builds a fresh demo database in a temporary folder and prints each figure:
//! demo generation rate, open time, overview queries, person search latency per keystroke
//! (p50/p95), backup and check times, and roster import throughput. Figures are wall-clock on this machine; compare
//! them within one run.

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};
use tinkuy::i18n::Lang;
use tinkuy::services::matching::{self, scan::ScanKind};
use tinkuy::services::registry::search::{search, Query};
use tinkuy::services::roster::{self, ImportOptions};
use tinkuy::services::{auth, demo, maintenance, overlaps, overview, Actor};
use tinkuy::store::Store;

fn main() {
    let sizes: Vec<u32> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .filter_map(|a| a.replace('_', "").parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![100_000]
    } else {
        sizes
    };
    for households in sizes {
        if let Err(e) = run(households) {
            eprintln!("benchmark at {households} households failed: {e}");
            std::process::exit(1);
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    ms(sorted[index.min(sorted.len() - 1)])
}

fn run(households: u32) -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("bench.db");
    println!("== {households} households");
    let started = Instant::now();
    {
        let mut store = Store::open(&path)?;
        let summary = demo::generate(
            &mut store,
            &Actor::system(),
            &demo::DemoRequest {
                households,
                seed: 7,
            },
            &mut (),
        )?;
        let took = started.elapsed();
        println!(
            "demo generation: {:.1} s ({:.0} households/s; {} persons, {} enrolments)",
            took.as_secs_f64(),
            households as f64 / took.as_secs_f64(),
            summary.persons,
            summary.enrolments
        );
    }
    let size = std::fs::metadata(&path)?.len();
    println!("database size: {:.0} MiB", size as f64 / (1024.0 * 1024.0));
    let started = Instant::now();
    let store = Store::open(&path)?;
    println!("open: {:.1} ms", ms(started.elapsed()));
    let admin = auth::authenticate(&store, "admin", "demo")?;
    overview_figures(&store, &admin)?;
    search_figures(&store, &admin)?;
    maintenance_figures(&store, &admin, &dir)?;
    drop(store);
    scan_figures(&path, &admin)?;
    import_figures(&dir, &path, &admin)?;
    Ok(())
}

fn overview_figures(store: &Store, admin: &Actor) -> Result<(), Box<dyn std::error::Error>> {
    let mut times = Vec::new();
    for _ in 0..20 {
        let started = Instant::now();
        let data = overview::load(store, admin, 1000)?;
        times.push(started.elapsed());
        assert!(data.totals.households > 0);
    }
    times.sort();
    println!(
        "overview (totals, programmes, districts): p50 {:.2} ms, p95 {:.2} ms",
        percentile(&times, 0.5),
        percentile(&times, 0.95)
    );
    Ok(())
}

/// A backup with SQLite's online API (what the TUI does once a day on opening) and `check`.
fn maintenance_figures(
    store: &Store,
    admin: &Actor,
    dir: &tempfile::TempDir,
) -> Result<(), Box<dyn std::error::Error>> {
    let out = dir.path().join("copia.db");
    let started = Instant::now();
    maintenance::backup(store, Some(&out))?;
    let took = started.elapsed();
    let size = std::fs::metadata(&out)?.len();
    println!(
        "backup: {:.2} s, {:.0} MiB",
        took.as_secs_f64(),
        size as f64 / (1024.0 * 1024.0)
    );
    std::fs::remove_file(&out)?;
    let started = Instant::now();
    let findings = maintenance::check(store, admin)?;
    println!(
        "check (integrity, foreign keys, invariants, audit chain): {:.2} s, {} findings",
        started.elapsed().as_secs_f64(),
        findings.len()
    );
    Ok(())
}

/// What a clerk types, one keystroke at a time.
const TYPED: &[&str] = &[
    "quispe mar",
    "mamani jose",
    "huaman ros",
    "nahui",
    "ccori sat",
    "condori luz",
    "gutierrez",
    "yauri wil",
    "4011",
    "0123",
    "7",
    "m",
    "quis",
    "palomino e",
];

fn search_figures(store: &Store, admin: &Actor) -> Result<(), Box<dyn std::error::Error>> {
    let mut times: Vec<(Duration, String)> = Vec::new();
    for text in TYPED {
        for end in 1..=text.chars().count() {
            let prefix: String = text.chars().take(end).collect();
            let query = Query {
                text: prefix.clone(),
                ..Query::default()
            };
            let started = Instant::now();
            let page = search(store, admin, &query, None, 20)?;
            times.push((started.elapsed(), prefix.clone()));
            if let Some(next) = page.next {
                let started = Instant::now();
                search(store, admin, &query, Some(&next), 20)?;
                times.push((started.elapsed(), format!("{prefix} (next page)")));
            }
        }
    }
    times.sort();
    let durations: Vec<Duration> = times.iter().map(|(d, _)| *d).collect();
    println!(
        "search per keystroke ({} queries, first and next page of 20): p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        durations.len(),
        percentile(&durations, 0.5),
        percentile(&durations, 0.95),
        percentile(&durations, 1.0)
    );
    let slowest: Vec<String> = times
        .iter()
        .rev()
        .take(5)
        .map(|(d, t)| format!("{t:?} {:.1} ms", ms(*d)))
        .collect();
    println!("  slowest: {}", slowest.join(", "));
    Ok(())
}

fn scan_figures(path: &std::path::Path, admin: &Actor) -> Result<(), Box<dyn std::error::Error>> {
    let mut store = Store::open(path)?;
    let quality = matching::quality::measure(&store)?;
    println!(
        "matching quality on the labelled demo set: precision {:.4}, recall {:.4} ({} true pairs, {} predicted, {} correct); missed by kind {:?}; wrong by kind {:?}",
        quality.precision, quality.recall, quality.true_pairs, quality.predicted_pairs, quality.correct,
        quality.missed_by_kind, quality.wrong_by_kind
    );
    let report = overlaps::scan::scan(
        &mut store,
        admin,
        ScanKind::Full,
        &mut (),
        &AtomicBool::new(false),
    )?;
    let m = &report.matching;
    println!(
        "full overlap scan: {:.1} s (load {:.1} s, compare {:.1} s, rules {:.1} s, write {:.1} s); {} records, {} pairs compared, {} probable, {} DNI conflicts, {} rule flags, {} oversized blocks",
        report.total_time.as_secs_f64(), m.load_time.as_secs_f64(), m.compare_time.as_secs_f64(),
        report.rules_time.as_secs_f64(), report.write_time.as_secs_f64(), m.records, m.pairs_compared,
        m.probable, m.dni_conflicts, report.rule_flags, m.truncated_blocks
    );
    Ok(())
}

fn import_figures(
    dir: &tempfile::TempDir,
    db: &std::path::Path,
    admin: &Actor,
) -> Result<(), Box<dyn std::error::Error>> {
    let csv = dir.path().join("roster.csv");
    let rows = 100_000;
    let mut text = String::from("codigo_origen,hogar,dni,apellido_paterno,apellido_materno,nombres,fecha_nacimiento,sexo,ubigeo,centro_poblado,fecha_alta,actividad,monto\n");
    let given = [
        "Ana", "Rosa", "Luz", "Eva", "Juan", "Wilber", "María", "José",
    ];
    let surnames = [
        "Quispe", "Huamán", "Mamani", "Ccori", "Ñahui", "Condori", "Yauri", "Taipe",
    ];
    for i in 0..rows {
        text.push_str(&format!(
            "B-{i},BH-{},{:08},{},{},{} {},1980-01-0{},F,030212,Bench {},2024-01-01,asistencia_tecnica,150\n",
            i / 4,
            90_000_000 + i,
            surnames[i % 8],
            surnames[(i / 8) % 8],
            given[i % 8],
            given[(i / 64) % 8],
            1 + i % 9,
            ["Alfa", "Beta", "Gamma", "Delta"][i % 4],
        ));
    }
    std::fs::write(&csv, text)?;
    let mut store = Store::open(db)?;
    let started = Instant::now();
    let options = ImportOptions {
        programme: Some("AGRORURAL".into()),
        ..ImportOptions::default()
    };
    let report = roster::import_file(&mut store, admin, &csv, &options, Lang::Es, &mut ())?;
    let took = started.elapsed();
    let started_scan = Instant::now();
    let incremental = overlaps::scan::scan(
        &mut store,
        admin,
        ScanKind::Incremental,
        &mut (),
        &AtomicBool::new(false),
    )?;
    let scan_took = started_scan.elapsed();
    println!(
        "roster import of {rows} rows (all new): {:.1} s, {:.0} rows/s ({} new)",
        took.as_secs_f64(),
        rows as f64 / took.as_secs_f64(),
        report.counts.new
    );
    println!(
        "incremental scan after that import: {:.1} s ({} pending records of {})",
        scan_took.as_secs_f64(),
        incremental.matching.pending,
        incremental.matching.records
    );
    let started = Instant::now();
    let again = roster::import_file(&mut store, admin, &csv, &options, Lang::Es, &mut ())?;
    let took = started.elapsed();
    println!(
        "roster re-import of {rows} rows (unchanged): {:.1} s, {:.0} rows/s ({} unchanged)",
        took.as_secs_f64(),
        rows as f64 / took.as_secs_f64(),
        again.counts.unchanged
    );
    Ok(())
}
