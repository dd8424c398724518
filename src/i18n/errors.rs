//! Errors of the store and the use cases, said to a person: what is wrong and what to do.

use super::{owned, Lang, Localize};
use crate::services::auth::Permission;
use crate::services::CoreError;
use crate::store::StoreError;
use std::borrow::Cow;

impl Localize for StoreError {
    fn es(&self) -> Cow<'static, str> {
        match self {
            StoreError::Sqlite(e) => owned(format!("Error de la base de datos: {e}.")),
            StoreError::CreateDir { path, source } => owned(format!(
                "No se pudo crear la carpeta {} ({source}). Revise los permisos o use --db con otra ruta.",
                path.display()
            )),
            StoreError::NotTinkuy { path } => owned(format!(
                "{} no es una base de datos de Tinkuy. Indique otro archivo con --db.",
                path.display()
            )),
            StoreError::Corrupt { path, detail } => owned(format!(
                "{} está dañado o no es una base de datos ({detail}). Restaure una copia de seguridad.",
                path.display()
            )),
            StoreError::TooNew { path, found, supported } => owned(format!(
                "{} es de una versión más nueva de Tinkuy (esquema {found}; este programa llega al {supported}). Actualice Tinkuy; el archivo no se tocó.",
                path.display()
            )),
            StoreError::Migration { version, source } => owned(format!(
                "No se pudo actualizar la base de datos a la versión {version} ({source}). No se cambió nada."
            )),
            StoreError::ReferenceData { what, detail } => {
                owned(format!("Los datos de referencia ({what}) están mal formados: {detail}."))
            }
            StoreError::NotInitialised => Cow::Borrowed(
                "La base de datos aún no está configurada. Ejecute «tinkuy init --admin NOMBRE --district UBIGEO» o abra Tinkuy para crear al administrador.",
            ),
            StoreError::AlreadyInitialised => {
                Cow::Borrowed("La base de datos ya está configurada; no se cambió nada.")
            }
            StoreError::Conflict { entity, id, .. } => owned(format!(
                "Otra persona guardó cambios en este registro ({entity} {}) mientras usted lo editaba. Vuelva a abrirlo para ver su versión y repita su cambio.",
                crate::store::ids::display(*id)
            )),
            StoreError::NotFound { entity, id } => {
                owned(format!("No se encontró {entity} {id}."))
            }
            StoreError::Busy => Cow::Borrowed(
                "La base de datos está ocupada por otro programa. Espere un momento y vuelva a intentar.",
            ),
            StoreError::InUse => Cow::Borrowed(
                "Otro Tinkuy tiene abierta esta base de datos. Ciérrelo (en todas las computadoras que la usan) y vuelva a intentar.",
            ),
            StoreError::Io { path, detail } => owned(format!(
                "No se pudo usar el archivo {} ({detail}). Revise el espacio libre y los permisos.",
                path.display()
            )),
        }
    }

    fn en(&self) -> Cow<'static, str> {
        match self {
            StoreError::Sqlite(e) => owned(format!("Database error: {e}.")),
            StoreError::CreateDir { path, source } => owned(format!(
                "Could not create the folder {} ({source}). Check permissions or use --db with another path.",
                path.display()
            )),
            StoreError::NotTinkuy { path } => owned(format!(
                "{} is not a Tinkuy database. Give another file with --db.",
                path.display()
            )),
            StoreError::Corrupt { path, detail } => owned(format!(
                "{} is damaged or not a database ({detail}). Restore a backup.",
                path.display()
            )),
            StoreError::TooNew { path, found, supported } => owned(format!(
                "{} is from a newer Tinkuy (schema {found}; this program knows up to {supported}). Update Tinkuy; the file was not touched.",
                path.display()
            )),
            StoreError::Migration { version, source } => owned(format!(
                "Could not upgrade the database to version {version} ({source}). Nothing was changed."
            )),
            StoreError::ReferenceData { what, detail } => {
                owned(format!("The reference data ({what}) is malformed: {detail}."))
            }
            StoreError::NotInitialised => Cow::Borrowed(
                "The database is not set up yet. Run «tinkuy init --admin NAME --district UBIGEO» or open Tinkuy to create the administrator.",
            ),
            StoreError::AlreadyInitialised => {
                Cow::Borrowed("The database is already set up; nothing was changed.")
            }
            StoreError::Conflict { entity, id, .. } => owned(format!(
                "Someone else saved changes to this record ({entity} {}) while you were editing it. Open it again to see their version and repeat your change.",
                crate::store::ids::display(*id)
            )),
            StoreError::NotFound { entity, id } => owned(format!("{entity} {id} was not found.")),
            StoreError::Busy => Cow::Borrowed(
                "The database is busy with another program. Wait a moment and try again.",
            ),
            StoreError::InUse => Cow::Borrowed(
                "Another Tinkuy has this database open. Close it (on every computer that uses it) and try again.",
            ),
            StoreError::Io { path, detail } => owned(format!(
                "Could not use the file {} ({detail}). Check free space and permissions.",
                path.display()
            )),
        }
    }
}

fn permission_es(p: Permission) -> &'static str {
    match p {
        Permission::ReadRegistry => "consultar el padrón",
        Permission::ReadPersonalData => "ver datos personales (DNI, fecha de nacimiento)",
        Permission::WriteRegistry => "modificar el padrón",
        Permission::ManageUsers => "administrar usuarios",
        Permission::ReadClar => "consultar concursos, propuestas y sesiones del CLAR",
        Permission::WriteClar => "modificar concursos y propuestas del CLAR",
        Permission::ScoreClar => "calificar propuestas del CLAR",
        Permission::WriteCommittee => "modificar reuniones del comité",
        Permission::WorkFlags => "trabajar las alertas",
        Permission::ChangeOwnPassword => "cambiar su contraseña",
    }
}

fn permission_en(p: Permission) -> &'static str {
    match p {
        Permission::ReadRegistry => "read the registry",
        Permission::ReadPersonalData => "see personal data (DNI, birth date)",
        Permission::WriteRegistry => "change the registry",
        Permission::ManageUsers => "manage users",
        Permission::ReadClar => "see CLAR calls, proposals and sessions",
        Permission::WriteClar => "change CLAR calls and proposals",
        Permission::ScoreClar => "score CLAR proposals",
        Permission::WriteCommittee => "change committee meetings",
        Permission::WorkFlags => "work on alerts",
        Permission::ChangeOwnPassword => "change their password",
    }
}

impl Localize for CoreError {
    fn es(&self) -> Cow<'static, str> {
        match self {
            CoreError::Store(e) => e.es(),
            CoreError::Committee(e) => e.es(),
            CoreError::Forbidden { role, permission } => owned(format!(
                "Su rol ({}) no permite {}. Pida a un administrador que lo haga o que cambie su rol.",
                role.text(Lang::Es),
                permission_es(*permission)
            )),
            CoreError::BadCredentials => {
                Cow::Borrowed("Usuario o contraseña incorrectos. Revise e intente de nuevo.")
            }
            CoreError::UserInactive(u) => owned(format!(
                "El usuario {u} está desactivado. Pida a un administrador que lo active."
            )),
            CoreError::UserExists(u) => {
                owned(format!("Ya existe un usuario llamado {u}. Elija otro nombre."))
            }
            CoreError::UnknownUser(u) => owned(format!("No existe el usuario {u}.")),
            CoreError::InvalidUsername(u) => owned(format!(
                "El nombre de usuario «{u}» no es válido: use de 2 a 40 letras minúsculas sin tildes, números, punto, guion o guion bajo."
            )),
            CoreError::PasswordTooShort { min } => {
                owned(format!("La contraseña es muy corta: use al menos {min} caracteres."))
            }
            CoreError::PasswordUnchanged => Cow::Borrowed(
                "La contraseña nueva es igual a la actual: elija una distinta.",
            ),
            CoreError::MustChangePassword(u) => owned(format!(
                "Un administrador restableció la contraseña de {u}: antes de cambiar datos, elija una nueva con «tinkuy users passwd --user {u}» o al ingresar en la pantalla de Tinkuy. Mientras tanto puede consultar."
            )),
            CoreError::UnknownDistrict(u) => owned(format!(
                "No existe un distrito con UBIGEO (INEI) «{u}». Escriba los 6 dígitos, por ejemplo 030212."
            )),
            CoreError::InvalidOfficeNumber(n) => owned(format!(
                "El número de oficina {n} no es válido: use un número de 1 a 99, distinto para cada oficina del distrito."
            )),
            CoreError::Hashing(e) => owned(format!("No se pudo proteger la contraseña ({e}).")),
            CoreError::Unaudited => Cow::Borrowed(
                "Error interno: un cambio no quedó registrado en la bitácora, así que no se guardó.",
            ),
            CoreError::InvalidValue { field, value } => {
                owned(format!("Valor no válido para {field}: «{value}»."))
            }
            CoreError::BackupKeepOutOfRange(n) => owned(format!(
                "No se puede conservar {n} copias: indique un número de 1 a 365 (por ejemplo, 14 para dos semanas)."
            )),
            CoreError::Clar(e) => e.es(),
            CoreError::Read(e) => e.es(),
            CoreError::NothingImported => Cow::Borrowed("No se importó nada."),
            CoreError::Reported => Cow::Borrowed("Ver el informe anterior."),
            CoreError::Damaged { path, detail, newest_backup } => owned(match newest_backup {
                Some(b) => format!("{} está dañado o no es una base de datos ({detail}). Restaure la copia más reciente con: tinkuy --db {} restore {}", path.display(), path.display(), b.display()),
                None => format!("{} está dañado o no es una base de datos ({detail}). No hay copias de seguridad junto a él: busque una copia (USB, otra computadora) y restáurela con «tinkuy restore ARCHIVO».", path.display()),
            }),
            CoreError::NoPasswordSource => Cow::Borrowed("No hay una terminal donde pedir la contraseña: defina TINKUY_PASSWORD (y TINKUY_USER) para usar Tinkuy desde un programa."),
            CoreError::ReasonRequired => Cow::Borrowed("Escriba el motivo: es obligatorio para resolver o descartar una alerta."),
            CoreError::FlagStep { from, to } => owned(format!("Una alerta en estado «{from}» no puede pasar a «{to}».")),
            CoreError::NotAMatch => Cow::Borrowed("Esta alerta no es una posible misma persona: no hay nada que confirmar, rechazar ni deshacer."),
            CoreError::Invalid(errors) => owned(format!("Corrija el formulario: {}", errors.es())),
            CoreError::UnknownActivity(a) => owned(format!(
                "La actividad «{a}» no está registrada: elija una de la lista (semillas, transferencia, …)."
            )),
            CoreError::DniTaken(d) => owned(format!(
                "El DNI {d} ya pertenece a otra persona del padrón. Búsquela: puede ser la misma persona (use Alertas para unirlas) o un error de digitación."
            )),
            CoreError::WriteFile { path, detail } => owned(format!(
                "No se pudo escribir {} ({detail}). Elija otra carpeta o revise los permisos; no quedó ningún archivo a medias.",
                path.display()
            )),
            CoreError::DemoNeedsEmptyRegistry => Cow::Borrowed(
                "La base de datos ya tiene hogares: los datos de demostración solo se generan en una base sin hogares. Use --db con un archivo nuevo; no se cambió nada.",
            ),
            CoreError::DemoTooLarge { asked, max } => owned(format!(
                "Se pidieron {asked} hogares de demostración; el máximo es {max}. No se cambió nada."
            )),
        }
    }

    fn en(&self) -> Cow<'static, str> {
        match self {
            CoreError::Store(e) => e.en(),
            CoreError::Committee(e) => e.en(),
            CoreError::Forbidden { role, permission } => owned(format!(
                "Your role ({}) may not {}. Ask an administrator to do it or to change your role.",
                role.text(Lang::En),
                permission_en(*permission)
            )),
            CoreError::BadCredentials => {
                Cow::Borrowed("Wrong user name or password. Check and try again.")
            }
            CoreError::UserInactive(u) => {
                owned(format!("User {u} is deactivated. Ask an administrator to activate it."))
            }
            CoreError::UserExists(u) => {
                owned(format!("A user named {u} already exists. Choose another name."))
            }
            CoreError::UnknownUser(u) => owned(format!("There is no user {u}.")),
            CoreError::InvalidUsername(u) => owned(format!(
                "The user name «{u}» is not valid: use 2 to 40 lower-case letters without accents, digits, dot, dash or underscore."
            )),
            CoreError::PasswordTooShort { min } => {
                owned(format!("The password is too short: use at least {min} characters."))
            }
            CoreError::PasswordUnchanged => Cow::Borrowed(
                "The new password is the same as the current one: choose a different one.",
            ),
            CoreError::MustChangePassword(u) => owned(format!(
                "An administrator reset the password of {u}: before changing any data, choose a new one with «tinkuy users passwd --user {u}» or by logging in on Tinkuy's screen. Meanwhile you can look things up."
            )),
            CoreError::UnknownDistrict(u) => owned(format!(
                "There is no district with (INEI) UBIGEO «{u}». Type its 6 digits, e.g. 030212."
            )),
            CoreError::InvalidOfficeNumber(n) => owned(format!(
                "Office number {n} is not valid: use 1 to 99, different for each office of the district."
            )),
            CoreError::Hashing(e) => owned(format!("Could not protect the password ({e}).")),
            CoreError::Unaudited => Cow::Borrowed(
                "Internal error: a change was not recorded in the audit log, so it was not saved.",
            ),
            CoreError::InvalidValue { field, value } => {
                owned(format!("Invalid value for {field}: «{value}»."))
            }
            CoreError::BackupKeepOutOfRange(n) => owned(format!(
                "Cannot keep {n} backups: give a number from 1 to 365 (for example, 14 for two weeks)."
            )),
            CoreError::Clar(e) => e.en(),
            CoreError::Read(e) => e.en(),
            CoreError::NothingImported => Cow::Borrowed("Nothing was imported."),
            CoreError::Reported => Cow::Borrowed("See the report above."),
            CoreError::Damaged { path, detail, newest_backup } => owned(match newest_backup {
                Some(b) => format!("{} is damaged or not a database ({detail}). Restore the newest backup with: tinkuy --db {} restore {}", path.display(), path.display(), b.display()),
                None => format!("{} is damaged or not a database ({detail}). There are no backups beside it: find a copy (USB stick, another PC) and restore it with «tinkuy restore FILE».", path.display()),
            }),
            CoreError::NoPasswordSource => Cow::Borrowed("There is no terminal to ask for the password: set TINKUY_PASSWORD (and TINKUY_USER) to use Tinkuy from a program."),
            CoreError::ReasonRequired => Cow::Borrowed("Write the reason: it is required to resolve or dismiss an alert."),
            CoreError::FlagStep { from, to } => owned(format!("An alert in state «{from}» cannot move to «{to}».")),
            CoreError::NotAMatch => Cow::Borrowed("This alert is not a probable same person: there is nothing to confirm, reject or undo."),
            CoreError::Invalid(errors) => owned(format!("Correct the form: {}", errors.en())),
            CoreError::UnknownActivity(a) => owned(format!(
                "The activity «{a}» is not registered: choose one from the list (semillas, transferencia, …)."
            )),
            CoreError::DniTaken(d) => owned(format!(
                "DNI {d} already belongs to another person in the registry. Look them up: it may be the same person (use Alerts to merge) or a typing error."
            )),
            CoreError::WriteFile { path, detail } => owned(format!(
                "Could not write {} ({detail}). Choose another folder or check permissions; no half-written file was left.",
                path.display()
            )),
            CoreError::DemoNeedsEmptyRegistry => Cow::Borrowed(
                "The database already holds households: demo data is only generated into a database without any. Use --db with a new file; nothing was changed.",
            ),
            CoreError::DemoTooLarge { asked, max } => owned(format!(
                "{asked} demo households were asked for; at most {max} can be generated. Nothing was changed."
            )),
        }
    }
}

impl Localize for crate::services::maintenance::Finding {
    fn es(&self) -> Cow<'static, str> {
        use crate::services::maintenance::Finding as F;
        owned(match self {
            F::SqliteIntegrity(line) => format!("SQLite encontró daño en el archivo: {line}. Restaure la copia de seguridad más reciente."),
            F::ForeignKey { table, count } => format!("{count} filas de «{table}» apuntan a registros que no existen."),
            F::Invariant { rule, count } => format!("{count} casos rompen la regla «{}».", invariant_es(rule)),
            F::AuditBroken { seq } => format!("La bitácora fue alterada fuera de Tinkuy: la cadena se rompe en la entrada {seq}."),
        })
    }
    fn en(&self) -> Cow<'static, str> {
        use crate::services::maintenance::Finding as F;
        owned(match self {
            F::SqliteIntegrity(line) => {
                format!("SQLite found damage in the file: {line}. Restore the newest backup.")
            }
            F::ForeignKey { table, count } => {
                format!("{count} rows of «{table}» point at records that do not exist.")
            }
            F::Invariant { rule, count } => {
                format!("{count} cases break the rule «{}».", invariant_en(rule))
            }
            F::AuditBroken { seq } => format!(
                "The audit log was altered outside Tinkuy: the chain breaks at entry {seq}."
            ),
        })
    }
}

fn invariant_es(rule: &str) -> &'static str {
    match rule {
        "person_district" => "cada persona está en el distrito de su hogar",
        "counters_households" => "los totales de hogares por distrito cuadran",
        "counters_persons" => "los totales de personas por distrito cuadran",
        "counters_enrolments" => "los totales de afiliaciones vigentes cuadran",
        "award_within_envelope" => "lo adjudicado en una convocatoria no supera su fondo",
        "merged_chain" => "una persona unida apunta a una persona vigente",
        "active_record_enrolment" => {
            "cada registro vigente de un padrón tiene su afiliación vigente"
        }
        _ => "regla interna",
    }
}

fn invariant_en(rule: &str) -> &'static str {
    match rule {
        "person_district" => "every person is in their household's district",
        "counters_households" => "household totals per district add up",
        "counters_persons" => "person totals per district add up",
        "counters_enrolments" => "active enrolment totals add up",
        "award_within_envelope" => "awards of a call stay within its envelope",
        "merged_chain" => "a merged person points at a current person",
        "active_record_enrolment" => "every active roster record has its active enrolment",
        _ => "internal rule",
    }
}
