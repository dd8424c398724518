//! The fields of each registry form, filled with what is stored when correcting. Dates are
//! shown as people in Peru write them (`12/04/1988`); the domain reads both that and ISO.

use super::forms::{titled, FieldInput, FormField, FormKind, RecordForm};
use crate::domain::dates::dmy;
use crate::domain::sisfoh::SisfohClass;
use crate::i18n::{Reg, RegMessage, Tui};
use crate::services::registry::choices::Choices;
use crate::services::registry::household::Member;
use crate::store::household_view::{EnrolmentRow, HouseholdRow};
use crate::tui::effect::Message;
use crate::tui::widgets::choice::{ChoiceInput, ChoiceOption};
use crate::tui::widgets::text_input::{FieldKind, TextInput};
use chrono::NaiveDate;

const NAME_MAX: usize = 80;
const PLACE_MAX: usize = 120;

fn text(name: &'static str, label: Reg, kind: FieldKind, value: &str) -> FormField {
    FormField {
        name,
        label,
        hint: None,
        input: FieldInput::Text(TextInput::with_value(kind, value)),
    }
}

fn choice(name: &'static str, label: Reg, options: Vec<ChoiceOption>, value: &str) -> FormField {
    FormField {
        name,
        label,
        hint: None,
        input: FieldInput::Choice(ChoiceInput::with_value(options, value)),
    }
}

fn hinted(field: FormField, hint: Reg) -> FormField {
    FormField {
        hint: Some(hint),
        ..field
    }
}

/// An ISO date as `DD/MM/YYYY`; text that is not a date is shown as it is.
fn shown_date(iso: Option<&str>) -> String {
    let Some(iso) = iso else {
        return String::new();
    };
    NaiveDate::parse_from_str(iso, "%Y-%m-%d").map_or_else(|_| iso.to_string(), dmy)
}

fn none_option() -> ChoiceOption {
    ChoiceOption::new("", &Tui::Reg(Reg::ChoiceNone))
}

fn sisfoh_options() -> Vec<ChoiceOption> {
    let mut options = vec![none_option()];
    options.extend(SisfohClass::ALL.map(|c| ChoiceOption::new(c.code(), &c)));
    options
}

/// The household's fields besides its district.
fn household_fields(row: Option<&HouseholdRow>) -> Vec<FormField> {
    let value = |get: fn(&HouseholdRow) -> Option<String>| row.and_then(get).unwrap_or_default();
    vec![
        hinted(
            text(
                "community",
                Reg::FieldCommunity,
                FieldKind::Text { max: PLACE_MAX },
                &value(|r| r.community.clone()),
            ),
            Reg::HintCommunity,
        ),
        text(
            "address",
            Reg::FieldAddress,
            FieldKind::Text { max: PLACE_MAX },
            &value(|r| r.address.clone()),
        ),
        choice(
            "sisfoh",
            Reg::FieldSisfoh,
            sisfoh_options(),
            &value(|r| r.sisfoh.clone()),
        ),
        hinted(
            text(
                "sisfoh_date",
                Reg::FieldSisfohDate,
                FieldKind::Date,
                &shown_date(row.and_then(|r| r.sisfoh_date.as_deref())),
            ),
            Reg::HintDate,
        ),
        text(
            "herd_size",
            Reg::FieldHerd,
            FieldKind::Digits { max: 6 },
            &value(|r| r.herd_size.map(|n| n.to_string())),
        ),
        text(
            "altitude_m",
            Reg::FieldAltitude,
            FieldKind::Digits { max: 4 },
            &value(|r| r.altitude_m.map(|n| n.to_string())),
        ),
    ]
}

fn sex_options() -> Vec<ChoiceOption> {
    vec![
        none_option(),
        ChoiceOption::new("F", &crate::domain::sex::Sex::F),
        ChoiceOption::new("M", &crate::domain::sex::Sex::M),
    ]
}

fn yes_no_options() -> Vec<ChoiceOption> {
    vec![
        ChoiceOption::new("0", &Tui::Reg(Reg::ChoiceNo)),
        ChoiceOption::new("1", &Tui::Reg(Reg::ChoiceYes)),
    ]
}

fn person_fields(member: Option<&Member>) -> Vec<FormField> {
    let name = |part: fn(&Member) -> String| member.map(part).unwrap_or_default();
    vec![
        hinted(
            text(
                "dni",
                Reg::FieldDni,
                FieldKind::Text { max: 12 },
                &name(|m| m.dni.clone()),
            ),
            Reg::HintDni,
        ),
        text(
            "paternal",
            Reg::FieldPaternal,
            FieldKind::Text { max: NAME_MAX },
            &name(|m| m.paternal.clone()),
        ),
        text(
            "maternal",
            Reg::FieldMaternal,
            FieldKind::Text { max: NAME_MAX },
            &name(|m| m.maternal.clone().unwrap_or_default()),
        ),
        text(
            "given",
            Reg::FieldGiven,
            FieldKind::Text { max: NAME_MAX },
            &name(|m| m.given.clone()),
        ),
        hinted(
            text(
                "birth_date",
                Reg::FieldBirthDate,
                FieldKind::Date,
                &shown_date(member.and_then(|m| m.birth_date.as_deref())),
            ),
            Reg::HintDate,
        ),
        choice(
            "sex",
            Reg::FieldSex,
            sex_options(),
            &name(|m| m.sex.clone().unwrap_or_default()),
        ),
        choice(
            "pregnant",
            Reg::FieldPregnant,
            yes_no_options(),
            if member.is_some_and(|m| m.pregnant) {
                "1"
            } else {
                "0"
            },
        ),
    ]
}

impl RecordForm {
    /// A new household: where (the office's district first), then its data.
    pub fn new_household(choices: &Choices) -> RecordForm {
        let mut districts: Vec<ChoiceOption> = Vec::new();
        let all = choices.office_district.iter().chain(&choices.districts);
        for district in all {
            if !districts.iter().any(|o| o.value == district.ubigeo) {
                let label = format!("{} {}", district.ubigeo, district.name);
                districts.push(ChoiceOption::named(&district.ubigeo, label));
            }
        }
        let mut fields = vec![choice("district", Reg::FieldDistrict, districts, "")];
        fields.extend(household_fields(None));
        let title = Message::of(&Tui::Reg(Reg::FormNewHousehold));
        RecordForm::build(FormKind::NewHousehold, title, fields, choices.today)
    }

    pub fn edit_household(row: &HouseholdRow, today: NaiveDate) -> RecordForm {
        let kind = FormKind::EditHousehold {
            id: row.id,
            version: row.version,
        };
        let title = titled(RegMessage::FormEditHousehold {
            id: crate::store::ids::display(row.id),
        });
        RecordForm::build(kind, title, household_fields(Some(row)), today)
    }

    pub fn add_person(household: i64, today: NaiveDate) -> RecordForm {
        let title = Message::of(&Tui::Reg(Reg::FormAddPerson));
        let kind = FormKind::AddPerson { household };
        RecordForm::build(kind, title, person_fields(None), today)
    }

    pub fn edit_person(household: i64, member: &Member, today: NaiveDate) -> RecordForm {
        let kind = FormKind::EditPerson {
            household,
            id: member.id,
            version: member.version,
        };
        let title = titled(RegMessage::FormEditPerson {
            name: member.name.clone(),
        });
        RecordForm::build(kind, title, person_fields(Some(member)), today)
    }

    pub fn enrol(household: i64, member: &Member, choices: &Choices) -> RecordForm {
        let programmes = choices
            .programmes
            .iter()
            .map(|p| ChoiceOption::named(&p.code, &p.name))
            .collect();
        let mut activities = vec![none_option()];
        activities.extend(choices.activities.iter().map(|a| ChoiceOption {
            value: a.code.clone(),
            label: Message::of(&RegMessage::Named {
                es: a.name_es.clone(),
                en: a.name_en.clone(),
            }),
        }));
        let fields = vec![
            choice("programme", Reg::FieldProgramme, programmes, ""),
            hinted(
                text("start_date", Reg::FieldStartDate, FieldKind::Date, ""),
                Reg::HintDate,
            ),
            choice("activity", Reg::FieldActivity, activities, ""),
            hinted(
                text("amount", Reg::FieldAmount, FieldKind::Amount, ""),
                Reg::HintAmount,
            ),
        ];
        let kind = FormKind::Enrol {
            household,
            person: member.id,
        };
        let title = titled(RegMessage::FormEnrol {
            name: member.name.clone(),
        });
        RecordForm::build(kind, title, fields, choices.today)
    }

    /// Ending an enrolment; `None` when its start date is unreadable (never for stored rows).
    pub fn end_enrolment(
        household: i64,
        row: &EnrolmentRow,
        today: NaiveDate,
    ) -> Option<RecordForm> {
        let start = NaiveDate::parse_from_str(&row.start_date, "%Y-%m-%d").ok()?;
        let fields = vec![
            hinted(
                text("end_date", Reg::FieldEndDate, FieldKind::Date, &dmy(today)),
                Reg::HintDate,
            ),
            hinted(
                text(
                    "end_reason",
                    Reg::FieldEndReason,
                    FieldKind::Text { max: PLACE_MAX },
                    "",
                ),
                Reg::HintEndReason,
            ),
        ];
        let kind = FormKind::EndEnrolment {
            household,
            id: row.id,
            version: row.version,
            start,
        };
        let title = titled(RegMessage::FormEndEnrolment {
            programme: row.programme_name.clone(),
            name: row.person_name.clone().unwrap_or_default(),
        });
        Some(RecordForm::build(kind, title, fields, today))
    }
}
