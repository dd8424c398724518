//! Power cuts, simulated: the program is killed (SIGKILL, as hard as a power cut gets for the
//! database) at many points during an import and a scan. After every kill the database passes
//! `tinkuy check` and holds each operation entirely or not at all.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ENV: &[(&str, &str)] = &[("TINKUY_USER", "ana"), ("TINKUY_PASSWORD", "secreto")];

fn tinkuy(db: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tinkuy"));
    cmd.arg("--db").arg(db).args(args).envs(ENV.iter().copied());
    cmd.env("XDG_CONFIG_HOME", db.parent().unwrap_or(Path::new(".")));
    cmd.stdout(Stdio::null()).stderr(Stdio::null());
    cmd
}

fn run(db: &Path, args: &[&str]) -> bool {
    tinkuy(db, args)
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

fn count(db: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Starts the command, kills it after `delay` (if still running); true if it was killed.
fn kill_after(db: &Path, args: &[&str], delay: Duration) -> bool {
    let mut child = tinkuy(db, args).spawn().unwrap();
    let started = Instant::now();
    while started.elapsed() < delay {
        if let Ok(Some(_)) = child.try_wait() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let killed = matches!(child.try_wait(), Ok(None));
    let _ = child.kill();
    let _ = child.wait();
    killed
}

/// Delays spread over `span`, the same in every run (a small linear congruential sequence).
fn delays(n: usize, span: Duration) -> Vec<Duration> {
    let mut x: u64 = 12345;
    (0..n)
        .map(|_| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            span.mul_f64((x >> 33) as f64 / (1u64 << 31) as f64)
        })
        .collect()
}

fn roster(dir: &Path, rows: usize) -> PathBuf {
    let path = dir.join("padron.csv");
    let mut text = String::from("codigo_origen,hogar,dni,apellido_paterno,apellido_materno,nombres,ubigeo,centro_poblado,actividad\n");
    let given = [
        "Ana", "Rosa", "Luz", "Eva", "Juan", "Wilber", "María", "José",
    ];
    for i in 0..rows {
        text.push_str(&format!(
            "K-{i},KH-{},{:08},Quispe,Yauri,{} {},030212,Huantana,semillas\n",
            i / 4,
            30_000_000 + i,
            given[i % 8],
            given[(i / 8) % 8]
        ));
    }
    std::fs::write(&path, text).unwrap();
    path
}

fn fresh(dir: &Path, name: &str) -> PathBuf {
    let db = dir.join(name);
    assert!(run(
        &db,
        &["init", "--admin", "ana", "--district", "030212"]
    ));
    db
}

fn copy_db(from: &Path, to: &Path) {
    let conn = rusqlite::Connection::open(from).unwrap();
    conn.execute("VACUUM INTO ?1", [to.to_string_lossy().as_ref()])
        .unwrap();
}

#[test]
fn killed_imports_leave_all_or_nothing_and_a_sound_database() {
    let dir = tempfile::tempdir().unwrap();
    let rows = 4_000;
    let file = roster(dir.path(), rows);
    let template = fresh(dir.path(), "template.db");
    // How long a whole import takes here, to spread the kills over it.
    let timing = dir.path().join("timing.db");
    copy_db(&template, &timing);
    let started = Instant::now();
    assert!(run(
        &timing,
        &[
            "import",
            "roster",
            file.to_str().unwrap(),
            "--programme",
            "AGRORURAL"
        ]
    ));
    let span = started.elapsed().mul_f64(1.2);
    let mut killed = 0;
    for (i, delay) in delays(30, span).into_iter().enumerate() {
        let db = dir.path().join(format!("run{i}.db"));
        copy_db(&template, &db);
        killed += kill_after(
            &db,
            &[
                "import",
                "roster",
                file.to_str().unwrap(),
                "--programme",
                "AGRORURAL",
            ],
            delay,
        ) as usize;
        let persons = count(&db, "SELECT count(*) FROM person");
        assert!(
            persons == 0 || persons == rows as i64,
            "run {i}: {persons} persons after a kill at {delay:?}"
        );
        let imports = count(&db, "SELECT count(*) FROM roster_import");
        assert_eq!(imports, (persons > 0) as i64, "run {i}");
        assert!(
            run(&db, &["check"]),
            "run {i}: check failed after a kill at {delay:?}"
        );
        std::fs::remove_file(&db).ok();
    }
    assert!(
        killed >= 10,
        "only {killed} of 30 runs were killed mid-import"
    );
}

#[test]
fn killed_scans_leave_all_or_nothing_and_a_sound_database() {
    let dir = tempfile::tempdir().unwrap();
    let template = fresh(dir.path(), "template.db");
    let file = roster(dir.path(), 2_500);
    assert!(run(
        &template,
        &[
            "import",
            "roster",
            file.to_str().unwrap(),
            "--programme",
            "AGRORURAL"
        ]
    ));
    // A second roster with the same people under noisy names, so the scan has work to write.
    let second = dir.path().join("juntos.csv");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("Quispe,Yauri", "Qespe,Yauri")
        .replace("K-", "J-");
    std::fs::write(&second, text.replace(",semillas", ",transferencia")).unwrap();
    assert!(run(
        &template,
        &[
            "import",
            "roster",
            second.to_str().unwrap(),
            "--programme",
            "JUNTOS"
        ]
    ));
    let reference = dir.path().join("reference.db");
    copy_db(&template, &reference);
    let started = Instant::now();
    assert!(run(&reference, &["overlaps", "scan"]));
    let span = started.elapsed().mul_f64(1.2);
    let all = count(&reference, "SELECT count(*) FROM overlap_flag");
    assert!(all > 0);
    let mut killed = 0;
    for (i, delay) in delays(25, span).into_iter().enumerate() {
        let db = dir.path().join(format!("scan{i}.db"));
        copy_db(&template, &db);
        killed += kill_after(&db, &["overlaps", "scan"], delay) as usize;
        let flags = count(&db, "SELECT count(*) FROM overlap_flag");
        assert!(
            flags == 0 || flags == all,
            "run {i}: {flags} of {all} flags after a kill at {delay:?}"
        );
        assert!(run(&db, &["check"]), "run {i}");
        std::fs::remove_file(&db).ok();
    }
    assert!(killed >= 8, "only {killed} of 25 runs were killed mid-scan");
}
