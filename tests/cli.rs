//! The command line, run as a person or a script would: the built binary on temporary files.

use std::path::Path;
use std::process::{Command, Output};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn tinkuy(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tinkuy"));
    cmd.arg("--db").arg(db).args(args);
    for var in [
        "TINKUY_DB",
        "TINKUY_USER",
        "TINKUY_PASSWORD",
        "TINKUY_NEW_PASSWORD",
        "TINKUY_LANG",
    ] {
        cmd.env_remove(var);
    }
    // Keep the user's real config file out of the tests.
    cmd.env("XDG_CONFIG_HOME", db.parent().unwrap_or(Path::new(".")));
    cmd.envs(env.iter().copied());
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().expect("run tinkuy");
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

fn init(db: &Path) {
    let run = tinkuy(
        db,
        &["init", "--admin", "ana", "--district", "030212"],
        &[("TINKUY_PASSWORD", "secreto")],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
}

const AS_ANA: &[(&str, &str)] = &[("TINKUY_USER", "ana"), ("TINKUY_PASSWORD", "secreto")];

#[test]
fn help_is_in_spanish_by_default_and_in_english_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let es = tinkuy(&db, &["--help"], &[]);
    assert_eq!(es.code, 0);
    assert!(es.stdout.contains("Uso: tinkuy"), "{}", es.stdout);
    assert!(es
        .stdout
        .contains("Llena la base con datos de demostración"));
    let en = tinkuy(&db, &["--lang", "en", "users", "add", "--help"], &[]);
    assert!(
        en.stdout.contains("Adds a user (administrators only)"),
        "{}",
        en.stdout
    );
    let env = tinkuy(&db, &["--help"], &[("TINKUY_LANG", "en")]);
    assert!(env.stdout.contains("Usage: tinkuy"));
    let version = tinkuy(&db, &["--version"], &[]);
    assert_eq!(
        version.stdout.trim(),
        format!("tinkuy {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn init_then_users_add_and_list() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    init(&db);
    let add = tinkuy(
        &db,
        &[
            "users",
            "add",
            "rosa",
            "--role",
            "registrador",
            "--name",
            "Rosa Ccori",
        ],
        &[
            ("TINKUY_USER", "ana"),
            ("TINKUY_PASSWORD", "secreto"),
            ("TINKUY_NEW_PASSWORD", "clave-rosa"),
        ],
    );
    assert_eq!(add.code, 0, "{}", add.stderr);
    let list = tinkuy(&db, &["users", "list"], AS_ANA);
    assert_eq!(list.code, 0, "{}", list.stderr);
    let lines: Vec<&str> = list.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", list.stdout);
    assert!(lines[0].starts_with("usuario"));
    assert!(lines[2].starts_with("rosa") && lines[2].contains("Rosa Ccori"));
    assert!(lines[2].contains("Registrador"));
}

#[test]
fn errors_are_one_clear_line_with_a_non_zero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let bad = tinkuy(
        &db,
        &["init", "--admin", "ana", "--district", "999999"],
        &[("TINKUY_PASSWORD", "secreto")],
    );
    assert_eq!(bad.code, 1);
    assert_eq!(bad.stderr.lines().count(), 1, "{}", bad.stderr);
    assert!(bad
        .stderr
        .starts_with("error: No existe un distrito con UBIGEO (INEI) «999999»"));
    init(&db);
    let twice = tinkuy(
        &db,
        &["init", "--admin", "x", "--district", "030212"],
        &[("TINKUY_PASSWORD", "secreto")],
    );
    assert_eq!(twice.code, 1);
    assert!(twice.stderr.contains("ya está configurada"));
    let wrong = tinkuy(
        &db,
        &["users", "list", "--lang", "en"],
        &[("TINKUY_USER", "ana"), ("TINKUY_PASSWORD", "nope")],
    );
    assert_eq!(wrong.code, 1);
    assert_eq!(
        wrong.stderr.trim(),
        "error: Wrong user name or password. Check and try again."
    );
}

#[test]
fn a_read_only_user_is_refused_in_their_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    init(&db);
    let add = tinkuy(
        &db,
        &["users", "add", "lee", "--role", "consulta"],
        &[
            ("TINKUY_USER", "ana"),
            ("TINKUY_PASSWORD", "secreto"),
            ("TINKUY_NEW_PASSWORD", "clave-lee"),
        ],
    );
    assert_eq!(add.code, 0, "{}", add.stderr);
    let refused = tinkuy(
        &db,
        &["users", "add", "otro", "--role", "admin"],
        &[
            ("TINKUY_USER", "lee"),
            ("TINKUY_PASSWORD", "clave-lee"),
            ("TINKUY_NEW_PASSWORD", "x-x-x-x"),
        ],
    );
    assert_eq!(refused.code, 1);
    assert!(refused
        .stderr
        .contains("Su rol (Consulta) no permite administrar usuarios"));
}

#[test]
fn a_file_that_is_not_a_database_is_refused_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notas.txt");
    std::fs::write(&db, "esto no es una base de datos\n".repeat(200)).unwrap();
    let run = tinkuy(&db, &["overview"], AS_ANA);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("está dañado o no es una base de datos"),
        "{}",
        run.stderr
    );
}

#[test]
fn overview_prints_programmes_and_csv_for_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    init(&db);
    let csv = tinkuy(&db, &["overview", "--format", "csv"], AS_ANA);
    assert_eq!(csv.code, 0, "{}", csv.stderr);
    let lines: Vec<&str> = csv.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "tipo,codigo,nombre,hogares,personas,afiliaciones_activas"
    );
    assert_eq!(lines[1], "programa,JUNTOS,Juntos,,,0");
    assert_eq!(lines.len(), 5);
}

#[test]
fn an_import_with_errors_lists_them_and_exits_non_zero_and_a_good_one_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    init(&db);
    let data = |f: &str| format!("{}/tests/data/{f}", env!("CARGO_MANIFEST_DIR"));
    let bad = tinkuy(&db, &["import", "roster", &data("bad_rows.csv")], AS_ANA);
    assert_eq!(bad.code, 1, "{}", bad.stderr);
    assert!(
        bad.stdout
            .contains("fila 3, columna fecha_nacimiento, valor «31/02/2010»"),
        "{}",
        bad.stdout
    );
    assert!(bad.stdout.contains("No se importó nada"));
    assert!(bad.stderr.is_empty(), "{}", bad.stderr);
    let good = tinkuy(
        &db,
        &["import", "roster", &data("juntos_cachi.csv")],
        AS_ANA,
    );
    assert_eq!(good.code, 0, "{}", good.stderr);
    assert!(
        good.stdout.starts_with(
            "Resultado: 4 nuevos, 0 actualizados, 0 sin cambios, 0 dados de baja, 0 rechazados"
        ),
        "{}",
        good.stdout
    );
    let search = tinkuy(
        &db,
        &["persons", "search", "quis mar", "--format", "csv"],
        AS_ANA,
    );
    assert_eq!(search.code, 0);
    assert!(
        search
            .stdout
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("40112233,\"Quispe Huamán, María Eulogia\""),
        "{}",
        search.stdout
    );
    let export = tinkuy(&db, &["export", "roster", "--programme", "JUNTOS"], AS_ANA);
    assert!(export
        .stdout
        .trim_start_matches('\u{feff}')
        .starts_with("codigo_origen,programa,hogar,dni"));
}

#[test]
fn backup_check_restore_and_audit_verify_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    init(&db);
    let backup = tinkuy(&db, &["backup"], AS_ANA);
    assert_eq!(backup.code, 0, "{}", backup.stderr);
    let saved = backup
        .stdout
        .trim()
        .rsplit(": ")
        .next()
        .unwrap()
        .to_string();
    assert!(std::path::Path::new(&saved).exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&saved).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let check = tinkuy(&db, &["check"], AS_ANA);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    let add = tinkuy(
        &db,
        &["users", "add", "rosa", "--role", "registrador"],
        &[
            ("TINKUY_USER", "ana"),
            ("TINKUY_PASSWORD", "secreto"),
            ("TINKUY_NEW_PASSWORD", "clave"),
        ],
    );
    assert_eq!(add.code, 0);
    let restore = tinkuy(&db, &["restore", &saved], AS_ANA);
    assert_eq!(restore.code, 0, "{}", restore.stderr);
    let list = tinkuy(&db, &["users", "list"], AS_ANA);
    assert!(
        !list.stdout.contains("rosa"),
        "the restored copy predates rosa: {}",
        list.stdout
    );
    // Edited behind Tinkuy's back with the sqlite3 tool: verify names the entry.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET username = 'otra' WHERE seq = 2;",
    )
    .unwrap();
    drop(conn);
    let verify = tinkuy(&db, &["audit", "verify"], AS_ANA);
    assert_eq!(verify.code, 1);
    assert!(
        verify.stdout.contains("se rompe en la entrada 2"),
        "{}",
        verify.stdout
    );
}

#[test]
fn how_many_automatic_backups_are_kept_is_set_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    init(&db);
    let refused = tinkuy(&db, &["backup", "--keep", "0"], AS_ANA);
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains("indique un número de 1 a 365"),
        "{}",
        refused.stderr
    );
    let kept = tinkuy(&db, &["backup", "--keep", "30"], AS_ANA);
    assert_eq!(kept.code, 0, "{}", kept.stderr);
    assert!(
        kept.stdout.starts_with(
            "Copias automáticas que se conservarán: 30\nCopia de seguridad guardada en"
        ),
        "{}",
        kept.stdout
    );
    let audit = tinkuy(&db, &["audit"], AS_ANA);
    assert!(audit.stdout.contains("setting"), "{}", audit.stdout);
}

#[test]
fn a_damaged_database_names_the_newest_backup_and_can_be_restored_over() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    init(&db);
    let backup = tinkuy(&db, &["backup"], AS_ANA);
    let saved = backup
        .stdout
        .trim()
        .rsplit(": ")
        .next()
        .unwrap()
        .to_string();
    // A power cut with a bad disk: the first page is garbage.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(conn);
    let mut bytes = std::fs::read(&db).unwrap();
    for b in bytes.iter_mut().take(100) {
        *b = 0x5a;
    }
    std::fs::write(&db, &bytes).unwrap();
    let refused = tinkuy(&db, &["users", "list"], AS_ANA);
    assert_eq!(refused.code, 1);
    assert!(refused.stderr.contains("está dañado"), "{}", refused.stderr);
    assert!(
        refused.stderr.contains(&format!("restore {saved}")),
        "{}",
        refused.stderr
    );
    let restore = tinkuy(&db, &["restore", &saved], AS_ANA);
    assert_eq!(restore.code, 0, "{}", restore.stderr);
    let list = tinkuy(&db, &["users", "list"], AS_ANA);
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert!(list.stdout.contains("ana"));
    // The damaged file was kept aside, not deleted.
    let kept = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().contains("danado"));
    assert!(kept);
}

#[test]
fn after_a_reset_write_commands_are_refused_until_the_user_changes_the_password() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    init(&db);
    let add = tinkuy(
        &db,
        &["users", "add", "rosa", "--role", "registrador"],
        &[
            ("TINKUY_USER", "ana"),
            ("TINKUY_PASSWORD", "secreto"),
            ("TINKUY_NEW_PASSWORD", "clave-rosa"),
        ],
    );
    assert_eq!(add.code, 0, "{}", add.stderr);
    let reset = tinkuy(
        &db,
        &["users", "passwd", "rosa"],
        &[
            ("TINKUY_USER", "ana"),
            ("TINKUY_PASSWORD", "secreto"),
            ("TINKUY_NEW_PASSWORD", "temporal"),
        ],
    );
    assert_eq!(reset.code, 0, "{}", reset.stderr);
    let as_rosa = [("TINKUY_USER", "rosa"), ("TINKUY_PASSWORD", "temporal")];
    // A write is refused, saying how to change the password.
    let scan = tinkuy(&db, &["overlaps", "scan"], &as_rosa);
    assert_eq!(scan.code, 1, "{}", scan.stdout);
    assert_eq!(
        scan.stderr.trim(),
        "error: Un administrador restableció la contraseña de rosa: antes de cambiar datos, \
         elija una nueva con «tinkuy users passwd --user rosa» o al ingresar en la pantalla de \
         Tinkuy. Mientras tanto puede consultar."
    );
    let english = tinkuy(&db, &["--lang", "en", "overlaps", "scan"], &as_rosa);
    assert!(
        english
            .stderr
            .contains("choose a new one with «tinkuy users passwd --user rosa»"),
        "{}",
        english.stderr
    );
    let runs = tinkuy(&db, &["audit"], AS_ANA);
    assert!(!runs.stdout.contains("scan_run"), "{}", runs.stdout);
    // Reading still works.
    let overview = tinkuy(&db, &["overview"], &as_rosa);
    assert_eq!(overview.code, 0, "{}", overview.stderr);
    // The same password again is not a change.
    let same = tinkuy(
        &db,
        &["users", "passwd"],
        &[
            ("TINKUY_USER", "rosa"),
            ("TINKUY_PASSWORD", "temporal"),
            ("TINKUY_NEW_PASSWORD", "temporal"),
        ],
    );
    assert_eq!(same.code, 1);
    assert!(same.stderr.contains("igual a la actual"), "{}", same.stderr);
    let changed = tinkuy(
        &db,
        &["users", "passwd"],
        &[
            ("TINKUY_USER", "rosa"),
            ("TINKUY_PASSWORD", "temporal"),
            ("TINKUY_NEW_PASSWORD", "quinua-7"),
        ],
    );
    assert_eq!(changed.code, 0, "{}", changed.stderr);
    let scan = tinkuy(
        &db,
        &["overlaps", "scan"],
        &[("TINKUY_USER", "rosa"), ("TINKUY_PASSWORD", "quinua-7")],
    );
    assert_eq!(scan.code, 0, "{}", scan.stderr);
    let runs = tinkuy(&db, &["audit"], AS_ANA);
    assert!(runs.stdout.contains("scan_run"), "{}", runs.stdout);
}
