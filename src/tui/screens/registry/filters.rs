//! The filters of the person list in a small dialog: district, community, programme, SISFOH
//! class, active or ended enrolments, and the order. Every field is a choice (`←`/`→`, or the
//! first letter), `Enter` applies at once, `Esc` leaves the list as it was. Communities follow
//! the district chosen, so the list of them stays short.

use super::keys::RegistryCommand as C;
use crate::domain::sisfoh::SisfohClass;
use crate::i18n::{Lang, Localize, Reg, Tui};
use crate::services::registry::choices::Choices;
use crate::services::registry::search::SortBy;
use crate::store::choices::{CommunityChoice, DistrictChoice};
use crate::store::search::Filters;
use crate::tui::action::{Action, Command};
use crate::tui::view::ViewCtx;
use crate::tui::widgets::choice::{ChoiceInput, ChoiceOption};
use crate::tui::widgets::form::{Field, Focus, Form, InputRef, Note};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FilterField {
    District,
    Community,
    Programme,
    Sisfoh,
    Enrolment,
    Sort,
}

impl FilterField {
    const ALL: [FilterField; 6] = [
        FilterField::District,
        FilterField::Community,
        FilterField::Programme,
        FilterField::Sisfoh,
        FilterField::Enrolment,
        FilterField::Sort,
    ];

    fn label(self) -> Reg {
        match self {
            FilterField::District => Reg::FieldDistrict,
            FilterField::Community => Reg::FieldCommunity,
            FilterField::Programme => Reg::FieldProgramme,
            FilterField::Sisfoh => Reg::FieldSisfoh,
            FilterField::Enrolment => Reg::FieldEnrolments,
            FilterField::Sort => Reg::FieldSort,
        }
    }
}

/// What the dialog asks of the list after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterOutcome {
    Stay,
    Apply(Filters, SortBy),
    Cancel,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterForm {
    inputs: [ChoiceInput; 6],
    focus: usize,
    districts: Vec<DistrictChoice>,
    communities: Vec<CommunityChoice>,
}

fn all_option() -> ChoiceOption {
    ChoiceOption::new("", &Tui::Reg(Reg::ChoiceAll))
}

impl FilterForm {
    pub fn new(filters: &Filters, sort: SortBy, choices: &Choices) -> FilterForm {
        let mut districts = vec![all_option()];
        districts.extend(
            choices
                .districts
                .iter()
                .map(|d| ChoiceOption::named(&d.ubigeo, &d.name)),
        );
        let mut programmes = vec![all_option()];
        programmes.extend(
            choices
                .programmes
                .iter()
                .map(|p| ChoiceOption::named(p.id.to_string(), &p.name)),
        );
        let mut classes = vec![all_option()];
        classes.extend(SisfohClass::ALL.map(|c| ChoiceOption::new(c.code(), &c)));
        let enrolments = vec![
            ChoiceOption::new("0", &Tui::Reg(Reg::ChoiceAnyEnrolment)),
            ChoiceOption::new("1", &Tui::Reg(Reg::ChoiceActiveEnrolment)),
            ChoiceOption::new("2", &Tui::Reg(Reg::ChoiceEndedEnrolment)),
        ];
        let orders = vec![
            ChoiceOption::new("name", &Tui::Reg(Reg::ChoiceSortName)),
            ChoiceOption::new("district", &Tui::Reg(Reg::ChoiceSortDistrict)),
        ];
        let id = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
        let mut form = FilterForm {
            inputs: [
                ChoiceInput::with_value(districts, filters.district.as_deref().unwrap_or("")),
                ChoiceInput::new(Vec::new()),
                ChoiceInput::with_value(programmes, &id(filters.programme)),
                ChoiceInput::with_value(classes, filters.sisfoh.as_deref().unwrap_or("")),
                ChoiceInput::with_value(enrolments, &filters.enrolment.to_string()),
                ChoiceInput::with_value(orders, sort_code(sort)),
            ],
            focus: 0,
            districts: choices.districts.clone(),
            communities: choices.communities.clone(),
        };
        form.inputs[1] = ChoiceInput::with_value(form.community_options(), &id(filters.community));
        form
    }

    /// The communities of the district chosen; of every district when none is (then each is
    /// named with its district, as two districts may each have a "Centro").
    fn community_options(&self) -> Vec<ChoiceOption> {
        let district = self.inputs[0].value();
        let district_name = |ubigeo: &str| {
            self.districts
                .iter()
                .find(|d| d.ubigeo == ubigeo)
                .map_or(ubigeo.to_string(), |d| d.name.clone())
        };
        let mut options = vec![all_option()];
        for c in &self.communities {
            if district.is_empty() && self.districts.len() > 1 {
                let label = format!("{} · {}", c.name, district_name(&c.district_ubigeo));
                options.push(ChoiceOption::named(c.id.to_string(), label));
            } else if district.is_empty() || c.district_ubigeo == district {
                options.push(ChoiceOption::named(c.id.to_string(), &c.name));
            }
        }
        options
    }

    pub fn update(&mut self, action: Action, lang: Lang) -> FilterOutcome {
        let count = FilterField::ALL.len();
        match action {
            Action::Command(Command::NextField) => self.focus = (self.focus + 1) % count,
            Action::Command(Command::PrevField) => self.focus = (self.focus + count - 1) % count,
            Action::Command(Command::Submit) => return self.apply(),
            Action::Command(Command::Registry(C::Cancel)) => return FilterOutcome::Cancel,
            Action::Edit(edit) => {
                let changed = self.inputs[self.focus].edit(edit, lang);
                if changed && FilterField::ALL[self.focus] == FilterField::District {
                    let options = self.community_options();
                    self.inputs[1].set_options(options);
                }
            }
            _ => {}
        }
        FilterOutcome::Stay
    }

    fn apply(&self) -> FilterOutcome {
        let text = |i: usize| Some(self.inputs[i].value()).filter(|v| !v.is_empty());
        let number = |i: usize| text(i).and_then(|v| v.parse::<i64>().ok());
        let filters = Filters {
            district: text(0),
            community: number(1),
            programme: number(2),
            sisfoh: text(3),
            enrolment: number(4).unwrap_or(0),
        };
        let sort = match self.inputs[5].value().as_str() {
            "district" => SortBy::District,
            _ => SortBy::Name,
        };
        FilterOutcome::Apply(filters, sort)
    }

    pub fn form<'a>(&'a self, ctx: ViewCtx<'a>) -> Form<'a> {
        let lang = ctx.lang;
        Form {
            title: Tui::Reg(Reg::FiltersTitle).text(lang),
            intro: Tui::Reg(Reg::FiltersIntro).text(lang),
            fields: FilterField::ALL
                .iter()
                .zip(&self.inputs)
                .map(|(f, input)| Field {
                    label: Tui::Reg(f.label()).text(lang),
                    input: InputRef::Choice(input, lang),
                    note: Note::Nothing,
                })
                .collect(),
            button: None,
            message: Note::Hint(Tui::Reg(Reg::FiltersHowTo).text(lang)),
            focus: Focus::Field(self.focus),
            max_width: 70,
            label_width: 22,
            theme: ctx.theme,
        }
    }
}

pub fn sort_code(sort: SortBy) -> &'static str {
    match sort {
        SortBy::Name => "name",
        SortBy::District => "district",
    }
}
