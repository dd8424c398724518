//! The import dialog: a roster file and its options, then a check of the whole file on the
//! worker that writes nothing, then what the check found (the file's columns and how they map,
//! its first rows, every error and warning), then, only after a confirmation, the import with
//! a progress bar, then its summary. Each worker request carries an id; a reply for a request
//! the person has walked away from (Esc while checking) is dropped.

use super::effects::{
    CheckRequest, CheckedRoster, ImportRequest, RegistryEffect, RegistryQuestion, RegistryResult,
    RosterOptions, RosterStage,
};
use super::keys::RegistryCommand as C;
use crate::domain::ubigeo::UbigeoScheme;
use crate::i18n::{Lang, Localize, Reg, Tui};
use crate::services::progress::Progress;
use crate::services::registry::choices::Choices;
use crate::services::roster::ImportReport;
use crate::services::Actor;
use crate::tui::action::{Action, Command, Edit};
use crate::tui::effect::{Effect, Message, Shared};
use crate::tui::view::ViewCtx;
use crate::tui::widgets::choice::{ChoiceInput, ChoiceOption};
use crate::tui::widgets::confirm::Confirmable;
use crate::tui::widgets::form::{Field, Focus, Form, InputRef, Note};
use crate::tui::widgets::text_input::{FieldKind, TextInput};
use ratatui::layout::{Position, Rect};

/// The two parts of the check's report, one on screen at a time (`Tab` switches).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PreviewSection {
    /// Each column of the file, what it was recognised as, and its first values.
    Columns,
    /// Every error and warning, with row, column, value and reason.
    Issues,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ImportPhase {
    Editing {
        failed: Option<Message>,
    },
    Checking {
        id: u64,
        /// The latest report: reading the rows, or the dry run after it.
        progress: Option<(RosterStage, Progress)>,
    },
    Preview {
        checked: Shared<CheckedRoster>,
        section: PreviewSection,
        /// The first column and the first issue on screen.
        scroll: [usize; 2],
    },
    Importing {
        id: u64,
        progress: Option<Progress>,
    },
    Done(Result<Shared<ImportReport>, Message>),
}

/// What the dialog asks of the area after a key or a reply.
#[derive(Debug, Default, PartialEq)]
pub struct ImportOutcome {
    pub effects: Vec<Effect>,
    /// Close the dialog (after an import, the list is read again).
    pub close: bool,
}

impl From<Vec<Effect>> for ImportOutcome {
    fn from(effects: Vec<Effect>) -> ImportOutcome {
        ImportOutcome {
            effects,
            close: false,
        }
    }
}

const PATH_MAX: usize = 250;
/// The fields: file, programme, UBIGEO scheme, what to do with rows in error; then the button.
const FIELDS: usize = 4;

#[derive(Debug, Clone, PartialEq)]
pub struct ImportDialog {
    path: TextInput,
    choices: [ChoiceInput; 3],
    /// 0–3 a field, 4 the button.
    focus: usize,
    phase: ImportPhase,
    last_id: u64,
}

impl ImportDialog {
    pub fn new(choices: &Choices) -> ImportDialog {
        let mut programmes = vec![ChoiceOption::new("", &Tui::Reg(Reg::ChoiceFromFile))];
        programmes.extend(
            choices
                .programmes
                .iter()
                .map(|p| ChoiceOption::named(&p.code, format!("{} ({})", p.name, p.code))),
        );
        let schemes = vec![
            ChoiceOption::new("inei", &Tui::Reg(Reg::ChoiceInei)),
            ChoiceOption::new("reniec", &Tui::Reg(Reg::ChoiceReniec)),
        ];
        let skip = vec![
            ChoiceOption::new("0", &Tui::Reg(Reg::ChoiceStopOnErrors)),
            ChoiceOption::new("1", &Tui::Reg(Reg::ChoiceSkipInvalid)),
        ];
        ImportDialog {
            path: TextInput::new(FieldKind::Text { max: PATH_MAX }),
            choices: [
                ChoiceInput::new(programmes),
                ChoiceInput::new(schemes),
                ChoiceInput::new(skip),
            ],
            focus: 0,
            phase: ImportPhase::Editing { failed: None },
            last_id: 0,
        }
    }

    pub fn phase(&self) -> &ImportPhase {
        &self.phase
    }

    pub fn path(&self) -> String {
        self.path.value()
    }

    pub fn options(&self) -> RosterOptions {
        RosterOptions {
            programme: Some(self.choices[0].value()).filter(|p| !p.is_empty()),
            scheme: match self.choices[1].value().as_str() {
                "reniec" => UbigeoScheme::Reniec,
                _ => UbigeoScheme::Inei,
            },
            skip_invalid: self.choices[2].value() == "1",
        }
    }

    /// Whether the checked file may be written, or why not.
    pub fn blocker(&self, checked: &CheckedRoster) -> Option<Reg> {
        let file = &checked.file;
        if file.programme.is_none() {
            Some(Reg::ImportNeedProgramme)
        } else if checked.errors > 0 && !self.options().skip_invalid {
            Some(Reg::ImportBlockedByErrors)
        } else if file.records.is_empty() || checked.forecast.is_none() {
            Some(Reg::ImportNothingValid)
        } else {
            None
        }
    }

    /// Whether quitting now would abandon an import half-way.
    pub fn is_importing(&self) -> bool {
        matches!(self.phase, ImportPhase::Importing { .. })
    }

    pub fn update(&mut self, action: Action, actor: &Actor, lang: Lang) -> ImportOutcome {
        match &mut self.phase {
            ImportPhase::Editing { .. } => return self.editing(action, actor, lang),
            ImportPhase::Checking { .. } => self.checking(action),
            ImportPhase::Preview { .. } => return self.previewing(action),
            ImportPhase::Importing { id, progress } => match action {
                Action::Registry(RegistryResult::RosterProgress {
                    id: reply,
                    progress: p,
                    ..
                }) if reply == *id => {
                    *progress = Some(p);
                }
                Action::Registry(RegistryResult::RosterImported { id: reply, result })
                    if reply == *id =>
                {
                    self.phase = ImportPhase::Done(result);
                }
                _ => {}
            },
            ImportPhase::Done(_) => {
                if let Action::Command(Command::Registry(C::Cancel)) = action {
                    return ImportOutcome {
                        effects: Vec::new(),
                        close: true,
                    };
                }
            }
        }
        ImportOutcome::default()
    }

    fn editing(&mut self, action: Action, actor: &Actor, lang: Lang) -> ImportOutcome {
        match action {
            Action::Edit(edit) => self.edit(edit, lang),
            Action::Command(Command::NextField) => self.focus = (self.focus + 1) % (FIELDS + 1),
            Action::Command(Command::PrevField) => {
                self.focus = (self.focus + FIELDS) % (FIELDS + 1)
            }
            Action::Command(Command::Submit) if self.focus < FIELDS => self.focus += 1,
            Action::Command(Command::Submit) => return self.check(actor).into(),
            Action::Command(Command::Registry(C::Cancel)) => {
                return ImportOutcome {
                    effects: Vec::new(),
                    close: true,
                }
            }
            _ => {}
        }
        ImportOutcome::default()
    }

    fn edit(&mut self, edit: Edit, lang: Lang) {
        let changed = match self.focus {
            0 => self.path.edit(edit),
            i @ 1..=3 => self.choices[i - 1].edit(edit, lang),
            _ => false,
        };
        if changed {
            self.phase = ImportPhase::Editing { failed: None };
        }
    }

    fn check(&mut self, actor: &Actor) -> Vec<Effect> {
        let path = self.path.value().trim().to_string();
        if path.is_empty() {
            self.focus = 0;
            self.phase = ImportPhase::Editing {
                failed: Some(Message::of(&Tui::Reg(Reg::ImportNeedPath))),
            };
            return Vec::new();
        }
        self.last_id += 1;
        self.phase = ImportPhase::Checking {
            id: self.last_id,
            progress: None,
        };
        vec![Effect::Registry(RegistryEffect::CheckRoster(
            CheckRequest {
                id: self.last_id,
                actor: actor.clone(),
                path: path.into(),
                options: self.options(),
            },
        ))]
    }

    fn checking(&mut self, action: Action) {
        let ImportPhase::Checking { id, progress } = &mut self.phase else {
            return;
        };
        match action {
            Action::Registry(RegistryResult::RosterProgress {
                id: reply,
                stage,
                progress: p,
            }) if reply == *id => {
                *progress = Some((stage, p));
            }
            Action::Registry(RegistryResult::RosterChecked { id: reply, result })
                if reply == *id =>
            {
                self.phase = match result {
                    Ok(checked) => {
                        let section = if checked.file.issues.is_empty() {
                            PreviewSection::Columns
                        } else {
                            PreviewSection::Issues
                        };
                        ImportPhase::Preview {
                            checked,
                            section,
                            scroll: [0, 0],
                        }
                    }
                    Err(message) => ImportPhase::Editing {
                        failed: Some(message),
                    },
                };
            }
            // Esc: stop waiting; the check's reply, when it comes, is dropped by its id.
            Action::Command(Command::Registry(C::Cancel)) => self.back_to_options(),
            _ => {}
        }
    }

    fn previewing(&mut self, action: Action) -> ImportOutcome {
        let ImportPhase::Preview {
            checked,
            section,
            scroll,
        } = &mut self.phase
        else {
            return ImportOutcome::default();
        };
        let (slot, count) = match section {
            PreviewSection::Columns => (0, checked.file.mapping.len()),
            PreviewSection::Issues => (1, checked.file.issues.len()),
        };
        let last = count.saturating_sub(1);
        let at = &mut scroll[slot];
        match action {
            Action::Command(Command::Down) => *at = (*at + 1).min(last),
            Action::Command(Command::Up) => *at = at.saturating_sub(1),
            Action::Command(Command::PageDown) => *at = (*at + PAGE_STEP).min(last),
            Action::Command(Command::PageUp) => *at = at.saturating_sub(PAGE_STEP),
            Action::Command(Command::NextField | Command::PrevField) => {
                *section = match section {
                    PreviewSection::Columns => PreviewSection::Issues,
                    PreviewSection::Issues => PreviewSection::Columns,
                };
            }
            Action::Command(Command::Registry(C::Back)) => self.back_to_options(),
            Action::Command(Command::Submit) => {
                let checked = checked.clone();
                if self.blocker(&checked).is_some() {
                    return ImportOutcome::default();
                }
                let subject = RegistryQuestion::Import {
                    rows: checked.file.records.len(),
                    programme: checked.file.programme.clone().unwrap_or_default(),
                    ended: checked.forecast.map_or(0, |f| f.ended),
                };
                return vec![Effect::Confirm(Confirmable::Registry(subject))].into();
            }
            _ => {}
        }
        ImportOutcome::default()
    }

    /// Back to the options with the file's path focused: typing there changes the file at
    /// once, and the other options are a Tab away (on the button, typing did nothing).
    fn back_to_options(&mut self) {
        self.phase = ImportPhase::Editing { failed: None };
        self.focus = 0;
    }

    /// The person confirmed: write the checked file. The dialog hands the checked rows to the
    /// worker (it keeps no copy), and shows progress until the summary comes back.
    pub fn start_import(&mut self, actor: &Actor, lang: Lang) -> Vec<Effect> {
        let ImportPhase::Preview { checked, .. } = &self.phase else {
            return Vec::new();
        };
        let checked = checked.clone();
        self.last_id += 1;
        self.phase = ImportPhase::Importing {
            id: self.last_id,
            progress: None,
        };
        vec![Effect::Registry(RegistryEffect::ImportRoster(
            ImportRequest {
                id: self.last_id,
                actor: actor.clone(),
                checked,
                options: self.options(),
                lang,
            },
        ))]
    }

    pub fn form<'a>(&'a self, ctx: ViewCtx<'a>) -> Form<'a> {
        let lang = ctx.lang;
        let labels = [
            Reg::FieldFile,
            Reg::FieldProgramme,
            Reg::FieldScheme,
            Reg::FieldRowsInError,
        ];
        let fields = labels
            .iter()
            .enumerate()
            .map(|(i, label)| Field {
                label: Tui::Reg(*label).text(lang),
                input: match i {
                    0 => InputRef::Text(&self.path),
                    _ => InputRef::Choice(&self.choices[i - 1], lang),
                },
                note: match i {
                    0 => Note::Hint(Tui::Reg(Reg::HintFile).text(lang)),
                    1 => Note::Hint(Tui::Reg(Reg::HintProgrammeFromFile).text(lang)),
                    2 => Note::Hint(Tui::Reg(Reg::HintScheme).text(lang)),
                    _ => Note::Nothing,
                },
            })
            .collect();
        let message = match &self.phase {
            ImportPhase::Editing {
                failed: Some(message),
            } => Note::Error(message.text(lang)),
            _ => Note::Nothing,
        };
        Form {
            title: Tui::Reg(Reg::ImportTitle).text(lang),
            intro: Tui::Reg(Reg::ImportIntro).text(lang),
            fields,
            button: Some(Tui::Reg(Reg::ImportCheckButton).text(lang)),
            message,
            focus: if self.focus < FIELDS {
                Focus::Field(self.focus)
            } else {
                Focus::Button
            },
            max_width: 80,
            label_width: 20,
            theme: ctx.theme,
        }
    }

    pub fn cursor(&self, ctx: ViewCtx, area: Rect) -> Option<Position> {
        match self.phase {
            ImportPhase::Editing { .. } => self.form(ctx).cursor(area),
            _ => None,
        }
    }
}

/// How far `RePág`/`AvPág` move in the check's report.
const PAGE_STEP: usize = 8;
