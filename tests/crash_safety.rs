//! Power cuts, simulated: the program is killed (SIGKILL, as hard as a power cut gets for the
//! database) at many points during an import, a scan and a CLAR award. After every kill the
//! database passes `tinkuy check` and holds each operation entirely or not at all.

#![cfg(unix)]

mod clar_support;
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ENV: &[(&str, &str)] = &[("TINKUY_USER", "ana"), ("TINKUY_PASSWORD", "secreto")];

fn tinkuy(db: &Path, args: &[&str]) -> Command {
    tinkuy_as(db, args, ENV)
}

fn tinkuy_as(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tinkuy"));
    cmd.arg("--db").arg(db).args(args).envs(env.iter().copied());
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
    kill_after_as(db, args, ENV, delay)
}

fn kill_after_as(db: &Path, args: &[&str], env: &[(&str, &str)], delay: Duration) -> bool {
    let mut child = tinkuy_as(db, args, env).spawn().unwrap();
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
    eprintln!("import: {killed} of 30 runs killed, span {span:?}");
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
    eprintln!("scan: {killed} of 25 runs killed, span {span:?}");
    assert!(killed >= 8, "only {killed} of 25 runs were killed mid-scan");
}

/// A contest big enough that its award takes a while to write: one call with `count`
/// reviewed proposals from eight associations, three CLAR members who scored them all, the
/// session closed and waiting for its award. Built through the library, as the office would
/// through the screens. Returns the session's code for `tinkuy clar award`.
fn contest_waiting_for_award(path: &Path, count: usize) -> String {
    use clar_support::{plan_budget, set_day, soles};
    use tinkuy::domain::clar::{AssociationKind, CallKind, CallStatus, LegalStatus, Verdict};
    use tinkuy::services::clar::associations::{self, AssociationDraft, NewMember};
    use tinkuy::services::clar::calls::{self, call_detail, CallDraft};
    use tinkuy::services::clar::members::{self, ClarMemberDraft};
    use tinkuy::services::clar::proposals::{self, ProposalDraft};
    use tinkuy::services::clar::review::{self, ReviewDraft};
    use tinkuy::services::clar::scoring::{self, ScoreEntry, ScoreSheet};
    use tinkuy::services::clar::session::{self, SessionDraft};

    let (mut store, admin) = common::initialised_store(path);
    set_day(&mut store, "2026-03-01");
    let clerk = common::user_with_role(
        &mut store,
        &admin,
        "rosa",
        tinkuy::domain::role::Role::Registrador,
    );
    let mut associations_ids = Vec::new();
    for a in 0..8u32 {
        let draft = AssociationDraft {
            name: format!("Asociación de productores número {a}"),
            kind: AssociationKind::ProducerAssociation,
            community_id: None,
            legal_status: LegalStatus::Registered,
            ruc: None,
            contact_name: None,
            contact_phone: None,
        };
        let id = associations::create_association(&mut store, &clerk, &draft).unwrap();
        for m in 1..=12u32 {
            let member = NewMember::Listed {
                full_name: format!("Socia {m} Quispe Asociación {a}"),
                dni: Some(format!("5{a}{m:06}")),
                role: None,
            };
            associations::add_member(&mut store, &clerk, id, &member).unwrap();
        }
        associations_ids.push(id);
    }
    let mut scorers = Vec::new();
    for u in 1..=3 {
        let name = format!("clar{u}");
        let actor = common::user_with_role(
            &mut store,
            &admin,
            &name,
            tinkuy::domain::role::Role::MiembroClar,
        );
        let draft = ClarMemberDraft {
            full_name: format!("Miembro {u} Huamán Ccori"),
            represents: "Comunidad campesina".into(),
            user_id: actor.user_id,
            person_id: None,
            dni: None,
        };
        let id = members::add_clar_member(&mut store, &clerk, &draft).unwrap();
        scorers.push((actor, id));
    }
    let programme = calls::programme_id(&store, "ALIADOS_II").unwrap().unwrap();
    let window = (
        clar_support::day("2026-03-01"),
        clar_support::day("2026-04-30"),
    );
    // About half the proposals fit the envelope, so the award writes both outcomes.
    let envelope = soles(40_000 * count as i64);
    let draft = CallDraft::preset(
        programme,
        CallKind::BusinessPlan,
        "Concurso grande",
        envelope,
        window,
    );
    let call_id = calls::create_call(&mut store, &clerk, &draft).unwrap();
    calls::set_call_status(&mut store, &clerk, call_id, 1, CallStatus::Open).unwrap();
    set_day(&mut store, "2026-04-10");
    let version = |store: &tinkuy::store::Store, id| {
        proposals::proposal_detail(store, &clerk, id)
            .unwrap()
            .proposal
            .version
    };
    let mut proposal_ids = Vec::new();
    for p in 0..count {
        let association = associations_ids[p % 8];
        let extra = (p as i64 % 7) * 1_000;
        let draft = ProposalDraft {
            association_id: association,
            title: format!("Plan de negocio {p}"),
            product: "Cuyes".into(),
            description: None,
            lines: plan_budget([
                (40_000 + extra, 17_500 + extra / 2),
                (12_000, 5_200),
                (7_000, 3_000),
            ]),
        };
        let id = proposals::create_proposal(&mut store, &clerk, call_id, &draft).unwrap();
        let v = version(&store, id);
        proposals::submit_proposal(&mut store, &clerk, id, v).unwrap();
        let a = (p % 8) as u32;
        let review = ReviewDraft {
            verdict: Verdict::Viable,
            reasons: String::new(),
            field_visit_on: Some(clar_support::day("2026-04-09")),
            present_dnis: (1..=10u32).map(|m| format!("5{a}{m:06}")).collect(),
            present_member_ids: Vec::new(),
        };
        let v = version(&store, id);
        review::record_review(&mut store, &clerk, id, v, &review).unwrap();
        proposal_ids.push(id);
    }
    let call_version = call_detail(&store, &clerk, call_id).unwrap().call.version;
    calls::set_call_status(
        &mut store,
        &clerk,
        call_id,
        call_version,
        CallStatus::Closed,
    )
    .unwrap();
    let session_draft = SessionDraft {
        call_id,
        held_on: clar_support::day("2026-04-10"),
        place: "Local comunal".into(),
        member_ids: scorers.iter().map(|(_, id)| *id).collect(),
    };
    let session_id = session::open_session(&mut store, &clerk, &session_draft).unwrap();
    let criteria: Vec<i64> = call_detail(&store, &clerk, call_id)
        .unwrap()
        .criteria
        .iter()
        .map(|c| c.id)
        .collect();
    for (p, id) in proposal_ids.iter().enumerate() {
        for (u, (actor, _)) in scorers.iter().enumerate() {
            let points = 5 + ((p * 7 + u * 3) % 11) as i64;
            let entries = criteria
                .iter()
                .map(|&criterion_id| ScoreEntry {
                    criterion_id,
                    points,
                    expected_version: None,
                })
                .collect();
            let sheet = ScoreSheet {
                session_id,
                proposal_id: *id,
                entries,
            };
            scoring::save_scores(&mut store, actor, &sheet).unwrap();
        }
    }
    let session_version = session::list_sessions(&store, &clerk)
        .unwrap()
        .into_iter()
        .find(|s| s.id == session_id)
        .unwrap()
        .version;
    session::close_session(&mut store, &clerk, session_id, session_version).unwrap();
    tinkuy::store::ids::display(session_id)
}

#[test]
fn killed_awards_leave_all_or_nothing_and_a_sound_database() {
    let dir = tempfile::tempdir().unwrap();
    // Writing 400 awards takes about as long as starting and logging in, so about half the
    // kills land inside the award's transaction.
    let proposals = 400;
    let template = dir.path().join("template.db");
    let session = contest_waiting_for_award(&template, proposals);
    let clerk = [("TINKUY_USER", "rosa"), ("TINKUY_PASSWORD", "clave")];
    let award = ["clar", "award", session.as_str()];
    let reference = dir.path().join("reference.db");
    copy_db(&template, &reference);
    let started = Instant::now();
    assert!(tinkuy_as(&reference, &award, &clerk)
        .status()
        .unwrap()
        .success());
    let span = started.elapsed().mul_f64(1.2);
    let awards = "SELECT count(*) FROM award";
    assert_eq!(count(&reference, awards), proposals as i64);
    let funded = "SELECT count(*) FROM award WHERE funded = 1";
    let funded_all = count(&reference, funded);
    assert!(
        funded_all > 0 && funded_all < proposals as i64,
        "{funded_all} funded"
    );
    let tranches_all = count(&reference, "SELECT count(*) FROM disbursement");
    let mut killed = 0;
    let mut kept = 0;
    for (i, delay) in delays(30, span).into_iter().enumerate() {
        let db = dir.path().join(format!("award{i}.db"));
        copy_db(&template, &db);
        killed += kill_after_as(&db, &award, &clerk, delay) as usize;
        let written = count(&db, awards);
        kept += (written > 0) as usize;
        let tranches = count(&db, "SELECT count(*) FROM disbursement");
        let proposals_decided = count(
            &db,
            "SELECT count(*) FROM proposal WHERE status IN ('awarded', 'not_awarded')",
        );
        let call_awarded = count(
            &db,
            "SELECT count(*) FROM clar_call WHERE status = 'awarded'",
        );
        assert_eq!(call_awarded, (written > 0) as i64, "run {i}: call status");
        if written == 0 {
            assert_eq!(
                (tranches, proposals_decided),
                (0, 0),
                "run {i}: a partial award"
            );
        } else {
            assert_eq!(
                (written, tranches, proposals_decided, count(&db, funded)),
                (proposals as i64, tranches_all, proposals as i64, funded_all),
                "run {i}: a partial award after a kill at {delay:?}"
            );
        }
        let check = tinkuy_as(&db, &["check"], &clerk).status().unwrap();
        assert!(
            check.success(),
            "run {i}: check failed after a kill at {delay:?}"
        );
        std::fs::remove_file(&db).ok();
    }
    eprintln!("award: {killed} of 30 runs killed, {kept} with the award whole, span {span:?}");
    assert!(
        killed >= 8,
        "only {killed} of 30 runs were killed mid-award"
    );
}
