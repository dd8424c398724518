//! The screens survive any text (issue #7): names with right-to-left overrides, control
//! characters, emoji (also joined families and flags), pile-ups of accents and 10 000
//! characters go into the store through the core (imported rosters, committee records, CLAR
//! associations, overlap alerts) and into every kind of field through typed keys (the login,
//! the search box, form fields, the minutes editor).
//!
//! Each tour is taken twice over the same keys: once with plain words and once with hostile
//! ones. Every frame of the hostile tour, at 80×24 and at 120×40, must hold no character that
//! could move or corrupt the terminal's line, keep the borders and the status lines where the
//! plain tour has them, keep the cursor inside the field being typed in, and keep long text to
//! its own place.

mod clar_support;
mod common;
#[path = "committee/fixture.rs"]
#[allow(dead_code)]
mod fixture;

use common::ui::{Frame, Ui};
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;
use tinkuy::domain::clar::{AssociationKind, LegalStatus};
use tinkuy::domain::committee::{AttendanceStatus, Level, Sector};
use tinkuy::i18n::Lang;
use tinkuy::services::clar::associations::{self, AssociationDraft};
use tinkuy::services::clar::proposals::{self, ProposalDraft};
use tinkuy::services::committee::agencies::{self, AgencyInput};
use tinkuy::services::committee::agenda::{self, ItemInput, ItemLinksInput};
use tinkuy::services::committee::{committees, meetings, minutes};
use tinkuy::services::roster::{self, ImportOptions};
use tinkuy::services::Actor;
use tinkuy::store::Store;
use unicode_normalization::char::is_combining_mark;
use unicode_width::UnicodeWidthStr;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// Right-to-left override and pop, embeddings, isolates and marks: each can reverse or
/// reorder what follows it on a terminal line.
const BIDI: [char; 12] = [
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
];

/// The most combining marks one cell may carry: enough for any real writing (and emoji
/// keycaps), too few for "Zalgo" text to climb over the lines above and below.
const MAX_MARKS: usize = 4;

/// What the tours write where people's words go.
struct Words {
    /// Surnames and given names of two persons of the rosters (the core allows 80
    /// characters a part, refuses digits and strips control characters).
    paternal: String,
    maternal: String,
    given: String,
    long_part: String,
    /// An agency, a meeting place, an agenda item, an agreement, someone who came.
    agency: String,
    place: String,
    item: String,
    agreement: String,
    attendee: String,
    /// The minutes: kept line by line as written, control characters included.
    minutes: String,
    association: String,
    proposal: String,
    /// What is typed into fields, one key a character.
    typed: String,
}

fn ten_thousand(start: &str) -> String {
    let mut text = start.to_string();
    while text.chars().count() < 10_000 {
        text.push_str(" Sumaq 🦙 \u{202E}kawsay\u{202C} ñawpaq");
    }
    text.chars().take(10_000).collect()
}

impl Words {
    fn plain() -> Words {
        Words {
            paternal: "Quispe".into(),
            maternal: "Huamán".into(),
            given: "María".into(),
            long_part: "Condori".into(),
            agency: "ONG Allin Kawsay".into(),
            place: "Local comunal".into(),
            item: "Riego en Champacocha".into(),
            agreement: "Visitar Huantana".into(),
            attendee: "Ana Pari".into(),
            minutes: "Se revisó el padrón.\nSe acordó visitar Huantana.".into(),
            association: "Asociación Allin Kawsay".into(),
            proposal: "Crianza de cuyes".into(),
            typed: "ana".into(),
        }
    }

    fn hostile() -> Words {
        // Accents piled 48 high on one letter.
        let zalgo = "\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308}".repeat(6);
        Words {
            paternal: "Quispe\u{202E}namauH\u{202C} \u{1b}[H\u{7}Ccori\u{9b}K".into(),
            maternal: format!("C{zalgo}ondori \u{2067}Ñahui\u{2069}\u{061C}"),
            given: "María 🦙 👨\u{200D}👩\u{200D}👧 🇵🇪 ❤\u{FE0F}".into(),
            // 78 letters: near the 80 a part of a name may have.
            long_part: "Wamanñawpaqkawsaysumaqallinruraykunapaq\
                         yachachiqkunawanllamkaqkunapaqmamapacha"
                .into(),
            agency: ten_thousand("ONG \u{202E}Allin\u{202C} Kawsay 🇵🇪"),
            place: ten_thousand("Local \u{2066}comunal\u{2069}"),
            item: format!("Riego\u{202B} 💧 {}", ten_thousand("Champacocha")),
            agreement: ten_thousand("Visitar \u{200F}Huantana 👨\u{200D}👩\u{200D}👧"),
            attendee: "Ana \u{202E}iraP\u{202C} 🙋\u{200D}♀\u{FE0F}".into(),
            minutes: format!(
                "Se\trevisó\u{1b}[2J el padrón\u{7}\u{9b}31m.\r\n\
                 \u{202E}.anatnauH ratisiv ódroca eS\n{}\n🦙 fin\u{85}\u{7f}",
                ten_thousand("Largo:")
            ),
            association: ten_thousand("Asociación \u{202E}Allin\u{202C} Kawsay 🦙"),
            proposal: format!("Crianza \u{2067}de cuyes\u{2069} {}", "🐹".repeat(26)),
            // Llamas first and last: more cells than characters wherever a field is cut.
            typed: format!(
                "ana\u{202E}{}\u{1b}\u{7}\u{9b}\t\r\n\u{7f}👨\u{200D}👩\u{200D}👧🇵🇪e{}{}{}",
                "🦙".repeat(40),
                "\u{301}".repeat(12),
                ten_thousand("x"),
                "🦙".repeat(40),
            ),
        }
    }
}

fn is_bidi(c: char) -> bool {
    BIDI.contains(&c)
}

/// What every frame of a hostile tour must satisfy, compared with the same step of the plain
/// tour.
fn check(step: &str, hostile: &Frame, plain: &Frame) {
    let area = hostile.buffer.area;
    let show = || {
        format!(
            "{step}, {}×{}:\n{}",
            area.width,
            area.height,
            hostile.text()
        )
    };
    for y in 0..area.height {
        for x in 0..area.width {
            let symbol = hostile.buffer[(x, y)].symbol();
            assert!(
                !symbol.chars().any(|c| c.is_control() || is_bidi(c)),
                "cell ({x}, {y}) holds {symbol:?} in {}",
                show()
            );
            let marks = symbol.chars().filter(|&c| is_combining_mark(c)).count();
            assert!(
                marks <= MAX_MARKS,
                "cell ({x}, {y}) holds {marks} combining marks in {}",
                show()
            );
            let border = plain.buffer[(x, y)].symbol();
            if "│┌┐└┘├┤┬┴┼".contains(border) {
                assert_eq!(
                    symbol,
                    border,
                    "the border at ({x}, {y}) moved in {}",
                    show()
                );
            }
        }
    }
    let (hostile_lines, plain_lines) = (hostile.lines(), plain.lines());
    let status = usize::from(area.height) - 2;
    assert_eq!(
        hostile_lines[status..],
        plain_lines[status..],
        "status lines differ in {}",
        show()
    );
    match (hostile.cursor, plain.cursor) {
        (None, None) => {}
        (Some(at), Some(_)) => {
            // Every tour leaves the cursor after what was typed or stored: on the focused
            // field's next free cell, not on a character nor on the hidden half of an emoji.
            let cell = &hostile.buffer[at];
            assert!(
                cell.modifier.contains(Modifier::REVERSED) && cell.symbol() == " ",
                "cursor at {at:?} not on a free cell of the field in {}",
                show()
            );
            let before =
                at.x.checked_sub(1)
                    .map(|x| hostile.buffer[(x, at.y)].symbol());
            assert!(
                before.is_none_or(|s| s.width() < 2),
                "cursor at {at:?} on the second half of {before:?} in {}",
                show()
            );
        }
        (at, expected) => panic!("cursor {at:?}, plain tour {expected:?}, in {}", show()),
    }
}

/// Where `text` (one cell a character) is drawn in `frame`, as (column, row).
fn positions(frame: &Frame, text: &str) -> Vec<(u16, u16)> {
    let area = frame.buffer.area;
    let wanted: Vec<String> = text.chars().map(String::from).collect();
    let len = u16::try_from(wanted.len()).unwrap();
    let mut found = Vec::new();
    for y in 0..area.height {
        for x in 0..area.width.saturating_sub(len - 1) {
            if (0..len).all(|i| frame.buffer[(x + i, y)].symbol() == wanted[usize::from(i)]) {
                found.push((x, y));
            }
        }
    }
    found
}

type Tour = fn(&Words, (u16, u16)) -> Vec<(&'static str, Frame)>;

/// What a tour's screens must keep besides what [`check`] asks of every frame.
#[derive(Default)]
struct Keep<'a> {
    /// Texts in columns beside the names: where the plain tour draws them.
    anchors: &'a [&'a str],
    /// Texts after a name on its line: in view.
    in_view: &'a [&'a str],
    /// The steps that show text of many lines (minutes, a file's problems), which may take
    /// more rows than the plain words; on every other step a row the plain tour leaves blank
    /// stays blank, so nothing long wraps over the screen.
    multiline: &'a [&'a str],
}

/// Whether row `y` of `frame` holds nothing but blanks and frame lines.
fn blank_row(frame: &Frame, y: u16) -> bool {
    (0..frame.buffer.area.width).all(|x| " │┌┐└┘├┤┬┴┼─".contains(frame.buffer[(x, y)].symbol()))
}

/// Takes `tour` with plain and with hostile words at each size, checking every step as
/// [`check`] and `keep` say. Returns the hostile tours' frames, for the checks of one screen.
fn compare(tour: Tour, keep: Keep) -> Vec<Vec<(&'static str, Frame)>> {
    let mut tours = Vec::new();
    for size in SIZES {
        let plain = tour(&Words::plain(), size);
        let hostile = tour(&Words::hostile(), size);
        assert_eq!(plain.len(), hostile.len());
        for ((step, hostile), (_, plain)) in hostile.iter().zip(&plain) {
            check(step, hostile, plain);
            let show = || format!("{step}, {size:?}:\n{}", hostile.text());
            for anchor in keep.anchors {
                let moved: Vec<_> = positions(plain, anchor)
                    .into_iter()
                    .filter(|at| !positions(hostile, anchor).contains(at))
                    .collect();
                assert!(
                    moved.is_empty(),
                    "{anchor:?} moved from {moved:?} in {}",
                    show()
                );
            }
            for text in keep.in_view {
                assert!(
                    !plain.text().contains(text) || hostile.text().contains(text),
                    "{text:?} pushed out of view in {}",
                    show()
                );
            }
            if !keep.multiline.contains(step) {
                for y in 0..plain.buffer.area.height {
                    assert!(
                        !blank_row(plain, y) || blank_row(hostile, y),
                        "row {y} filled by long text in {}",
                        show()
                    );
                }
            }
        }
        tours.push(hostile);
    }
    tours
}

/// The rows of the tours' rosters: two persons in Juntos, the same two (one DNI misread)
/// in Agrorural, so a scan raises alerts naming them.
fn import_rosters(store: &mut Store, admin: &Actor, dir: &std::path::Path, w: &Words) {
    const HEADER: &str = "codigo_origen,hogar,dni,apellido_paterno,apellido_materno,nombres,\
        fecha_nacimiento,sexo,ubigeo,centro_poblado,actividad,altitud_msnm,cabezas_ganado\n";
    let (p, m, g, l) = (&w.paternal, &w.maternal, &w.given, &w.long_part);
    let rosters = [
        (
            "JUNTOS",
            format!(
                "J1,H1,40112233,{p},{m},{g},1988-04-12,F,030212,Huantana,transferencia,,\n\
                 J2,H2,41223344,{l},{l},{l},1979-09-09,M,030212,{g},transferencia,,\n"
            ),
        ),
        (
            "AGRORURAL",
            format!(
                "A1,F1,40112283,{p},{m},{g},1988-04-12,F,030212,Huantana,semillas,3200,\n\
                 A2,F2,41223344,{l},{l},{l},1979-09-09,M,030212,{g},cobertizo,3900,150\n"
            ),
        ),
    ];
    for (programme, rows) in rosters {
        let path = dir.join(format!("{programme}.csv"));
        std::fs::write(&path, format!("{HEADER}{rows}")).unwrap();
        let options = ImportOptions {
            programme: Some(programme.into()),
            ..ImportOptions::default()
        };
        let report = roster::import_file(store, admin, &path, &options, Lang::Es, &mut ()).unwrap();
        assert!(report.imported, "{:?}", report.checked.issues);
    }
}

/// Login and first-run forms, typed into.
fn login_tour(w: &Words, size: (u16, u16)) -> Vec<(&'static str, Frame)> {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = common::initialised_store(&dir.path().join("t.db"));
    let mut ui = Ui::new(store, Lang::Es, size);
    let mut frames = Vec::new();
    ui.type_text(&w.typed);
    frames.push(("login user typed", ui.frame()));
    ui.press(KeyCode::Enter).type_text(&w.typed);
    frames.push(("login password typed", ui.frame()));
    ui.press(KeyCode::Enter);
    frames.push(("login refused", ui.frame()));
    ui.app
        .update(tinkuy::tui::action::Action::SetupChecked(Ok(false)));
    for _ in 0..2 {
        ui.type_text(&w.typed).press(KeyCode::Tab);
    }
    ui.type_text(&w.typed);
    frames.push(("setup form typed", ui.frame()));
    frames
}

#[test]
fn typed_text_in_the_login_and_setup_forms() {
    compare(login_tour, Keep::default());
}

/// The Padrón over the hostile rosters: the list, a search typed, a household, a person's
/// form filled from the store and typed into, and what it saved.
fn registry_tour(w: &Words, size: (u16, u16)) -> Vec<(&'static str, Frame)> {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, admin) = common::initialised_store(&dir.path().join("t.db"));
    import_rosters(&mut store, &admin, dir.path(), w);
    let mut ui = Ui::signed_in(store, admin, Lang::Es, size);
    let mut frames = Vec::new();
    ui.press(KeyCode::Char('2'));
    frames.push(("padrón list", ui.frame()));
    ui.type_text(&w.typed);
    frames.push(("padrón search typed", ui.frame()));
    for _ in 0..w.typed.chars().count() {
        ui.press(KeyCode::Backspace);
    }
    ui.type_text("40112233").press(KeyCode::Enter);
    frames.push(("household", ui.frame()));
    ui.press(KeyCode::Char('e'));
    frames.push(("person form", ui.frame()));
    for _ in 0..3 {
        ui.press(KeyCode::Tab);
    }
    ui.press(KeyCode::End).type_text(&w.typed);
    frames.push(("person form typed", ui.frame()));
    for _ in 0..4 {
        ui.press(KeyCode::Tab);
    }
    ui.press(KeyCode::Enter);
    frames.push(("person saved", ui.frame()));
    // A roster file as an agency might send it, checked in the import dialog: the preview
    // shows its cells as they are in the file (control characters, line breaks in quoted
    // cells), before the core cleans anything.
    let file = dir.path().join("padron.csv");
    let (p, m, g, long) = (&w.paternal, &w.maternal, &w.given, &w.agreement);
    let rows = format!(
        "codigo_origen,hogar,dni,apellido_paterno,apellido_materno,nombres,fecha_nacimiento,\
         sexo,ubigeo,centro_poblado,actividad,altitud_msnm,cabezas_ganado\n\
         \"J9{m}\",\"H\t{g}\",4011229,\"{p}\",\"{long}\",\"{g}\nsegunda\",1988-04-12,F,030212,\
         \"Huan\r\ntana {p}\",transferencia,,\n"
    );
    std::fs::write(&file, rows).unwrap();
    ui.press(KeyCode::Esc)
        .press(KeyCode::Tab)
        .press(KeyCode::Char('i'));
    ui.type_text(&file.display().to_string());
    for _ in 0..5 {
        ui.press(KeyCode::Enter);
    }
    frames.push(("roster checked", ui.frame()));
    ui.press(KeyCode::Down);
    frames.push(("roster checked, next issue", ui.frame()));
    ui.press(KeyCode::Tab);
    frames.push(("roster checked, columns", ui.frame()));
    frames
}

#[test]
fn hostile_names_in_the_padron_and_typed_into_its_fields() {
    let keep = Keep {
        anchors: &[
            "años",
            "Femenino",
            "vigente",
            "Programas vigentes",
            "Se lee como",
        ],
        multiline: &["roster checked", "roster checked, next issue"],
        ..Keep::default()
    };
    compare(registry_tour, keep);
}

/// The committee with an agency of hostile name that convenes a meeting at a hostile place,
/// presents an item, comes to it and takes an agreement; the minutes as written.
fn committee_tour(w: &Words, size: (u16, u16)) -> Vec<(&'static str, Frame)> {
    let mut s = fixture::Setup::new(fixture::day(2026, 3, 10));
    let input = AgencyInput {
        name: &w.agency,
        sector: Sector::Ngo,
        level: Level::NonGovernmental,
        district_ubigeo: Some("030212"),
        address: Some(&w.place),
        phone: None,
    };
    let agency = agencies::add_agency(&mut s.store, &s.coordinator, "ONG_ALLIN", &input).unwrap();
    committees::add_member(
        &mut s.store,
        &s.coordinator,
        s.committee,
        agency,
        "2025-01-01",
    )
    .unwrap();
    let meeting = meetings::create_meeting(
        &mut s.store,
        &s.coordinator,
        s.committee,
        &meetings::MeetingInput {
            held_on: "2026-03-03",
            starts_at: Some("09:00"),
            place: &w.place,
            convened_by: Some(agency),
        },
    )
    .unwrap();
    let item = ItemInput {
        title: &w.item,
        presenter: Some(agency),
        starts_at: Some("10:15"),
    };
    let item = agenda::add_item(
        &mut s.store,
        &s.coordinator,
        meeting,
        &item,
        &ItemLinksInput::default(),
    )
    .unwrap();
    minutes::save_item_notes(&mut s.store, &s.coordinator, item, 1, &w.minutes).unwrap();
    s.attend(
        meeting,
        "ONG_ALLIN",
        AttendanceStatus::Present,
        Some(&w.attendee),
    );
    s.attend(meeting, "JUNTOS", AttendanceStatus::Present, None);
    s.agree(meeting, &w.agreement, "ONG_ALLIN", "2026-03-20");
    let fixture::Setup {
        store,
        coordinator,
        _dir,
        ..
    } = s;
    let mut ui = Ui::signed_in(store, coordinator, Lang::Es, size);
    let mut frames = Vec::new();
    ui.press(KeyCode::Char('3'));
    frames.push(("meetings", ui.frame()));
    ui.press(KeyCode::Enter);
    frames.push(("agenda", ui.frame()));
    ui.press(KeyCode::Right);
    frames.push(("attendance", ui.frame()));
    ui.press(KeyCode::Right);
    frames.push(("minutes", ui.frame()));
    ui.press(KeyCode::Down);
    frames.push(("minutes of the item", ui.frame()));
    ui.press(KeyCode::Enter);
    frames.push(("minutes editor", ui.frame()));
    ui.type_text(&w.typed);
    frames.push(("minutes editor typed", ui.frame()));
    ui.press(KeyCode::Esc)
        .press(KeyCode::Esc)
        .press(KeyCode::Right);
    frames.push(("agreements", ui.frame()));
    ui.press(KeyCode::Esc).press(KeyCode::Char('v'));
    frames.push(("pending agreements", ui.frame()));
    frames
}

#[test]
fn hostile_committee_records_and_minutes_typed() {
    let keep = Keep {
        anchors: &["2026-03-20", "presente", "10:15", "Notas generales"],
        in_view: &["programada"],
        multiline: &[
            "minutes of the item",
            "minutes editor",
            "minutes editor typed",
        ],
    };
    compare(committee_tour, keep);
}

/// An open CLAR call with an association and a proposal of hostile names, as the clerk
/// reads them.
fn clar_tour(w: &Words, size: (u16, u16)) -> Vec<(&'static str, Frame)> {
    let mut s = clar_support::open_call();
    let association = associations::create_association(
        &mut s.store,
        &s.clerk,
        &AssociationDraft {
            name: w.association.clone(),
            kind: AssociationKind::ProducerAssociation,
            community_id: None,
            legal_status: LegalStatus::Registered,
            ruc: None,
            contact_name: Some(w.attendee.clone()),
            contact_phone: None,
        },
    )
    .unwrap();
    proposals::create_proposal(
        &mut s.store,
        &s.clerk,
        s.call_id,
        &ProposalDraft {
            association_id: association,
            title: w.proposal.clone(),
            product: w.given.clone(),
            description: Some(w.minutes.clone()),
            lines: clar_support::plan_budget([(44_000, 19_000), (12_000, 5_000), (7_000, 3_000)]),
        },
    )
    .unwrap();
    let mut ui = Ui::signed_in(s.store, s.clerk, Lang::Es, size);
    let _dir = s.dir;
    let mut frames = Vec::new();
    ui.press(KeyCode::Char('4'));
    frames.push(("clar calls", ui.frame()));
    ui.press(KeyCode::Enter);
    frames.push(("clar call", ui.frame()));
    ui.press(KeyCode::Enter);
    frames.push(("clar proposal", ui.frame()));
    frames
}

#[test]
fn hostile_clar_associations_and_proposals() {
    let keep = Keep {
        anchors: &["70%", "63,000.00"],
        in_view: &["[Borrador]", "0 socios"],
        ..Keep::default()
    };
    compare(clar_tour, keep);
}

/// The Alertas over the hostile rosters: the scan's list, an alert comparing the two
/// records, and a dismissal's reason typed.
fn overlaps_tour(w: &Words, size: (u16, u16)) -> Vec<(&'static str, Frame)> {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, admin) = common::initialised_store(&dir.path().join("t.db"));
    import_rosters(&mut store, &admin, dir.path(), w);
    let mut ui = Ui::signed_in(store, admin, Lang::Es, size);
    let mut frames = Vec::new();
    ui.press(KeyCode::Char('5')).press(KeyCode::Char('s'));
    frames.push(("scan", ui.frame()));
    ui.press(KeyCode::Esc);
    frames.push(("alerts", ui.frame()));
    ui.press(KeyCode::Enter);
    frames.push(("alert", ui.frame()));
    ui.press(KeyCode::Char('d'));
    ui.type_text(&w.typed);
    frames.push(("dismissal typed", ui.frame()));
    frames
}

#[test]
fn hostile_names_in_the_alerts() {
    let keep = Keep {
        anchors: &["abierta", "1988-04-12", "40112283", "Centro poblado"],
        ..Keep::default()
    };
    for tour in compare(overlaps_tour, keep) {
        // The two records side by side hold the same name: each row shows it twice, in
        // the same columns as the DNIs above.
        let (_, alert) = tour.iter().find(|(step, _)| *step == "alert").unwrap();
        let lines = alert.lines();
        let left = positions(alert, "40112233")[0];
        let right = positions(alert, "40112283")[0];
        let side = usize::from(right.0 - left.0);
        for label in ["Ap. paterno", "Ap. materno", "Nombres"] {
            let y = usize::from(positions(alert, label)[0].1);
            let cells: Vec<&str> = (0..alert.buffer.area.width)
                .map(|x| alert.buffer[(x, y as u16)].symbol())
                .collect();
            let from = |x: u16| cells[usize::from(x)..][..side - 1].concat();
            assert_eq!(
                from(left.0),
                from(right.0),
                "{label} misaligned:\n{}",
                lines[y]
            );
        }
    }
}
