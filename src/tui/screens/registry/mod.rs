//! Padrón, the registry area: one search box whose results appear as the person types, a list
//! that pages through them a screen at a time, a household's whole situation, the forms that
//! correct it, and the dialog that imports an agency's roster.
//!
//! Like every area, it plugs into the shell through `main::AreaState::Registry`: its keys are
//! a [`RegistryMode`] (`screens::AreaMode::Registry`), its intents `Command::Registry`, its
//! requests `Effect::Registry` (run by `tui::runner::registry`) and their answers
//! `Action::Registry`. This module only routes: keys go to the top overlay (filters, a form,
//! the import dialog), else to the household on screen, else to the list; replies go to
//! whoever asked. Searches and roster files run on the worker thread and come back with the id
//! they were asked with. Nothing here touches the database or the terminal.

pub mod effects;
mod filters;
mod form_fields;
mod form_view;
mod forms;
mod household;
mod household_view;
mod import;
mod import_view;
pub mod keys;
mod list;
mod list_view;
mod view;

#[cfg(test)]
mod tests;

pub use filters::{FilterForm, FilterOutcome};
pub use forms::{FieldInput, FormFocus, FormKind, FormPhase, RecordForm};
pub use household::{HouseholdState, Loaded};
pub use import::{ImportDialog, ImportPhase, PreviewSection};
pub use keys::{bindings, RegistryCommand, RegistryMode};
pub use list::{ListFocus, ListState, Shown};
pub use view::RegistryView;

use super::main::AreaCtx;
use crate::i18n::{Reg, Tui};
use crate::services::registry::choices::Choices;
use crate::services::{Actor, Permission};
use crate::tui::action::{Action, Command};
use crate::tui::effect::{Effect, Message};
use crate::tui::widgets::confirm::Confirmable;
use effects::{
    RegistryConfirm, RegistryEffect, RegistryQuestion, RegistryResult, SaveFailure, Saved,
};
use keys::RegistryCommand as C;

/// What is open over the list or the household.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Filters(Box<FilterForm>),
    Form(Box<RecordForm>),
    Import(Box<ImportDialog>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct RegistryState {
    /// Whether the signed-in role may change the registry (the editing keys exist).
    can_write: bool,
    choices: Loaded<Choices>,
    list: ListState,
    household: Option<HouseholdState>,
    overlay: Option<Overlay>,
    /// Something was saved since the list's page was read: read it again on the way back.
    list_stale: bool,
}

fn notice(text: Reg) -> Effect {
    Effect::Notify(Message::of(&Tui::Reg(text)))
}

fn load_choices(actor: &Actor) -> Effect {
    Effect::Registry(RegistryEffect::LoadChoices {
        actor: actor.clone(),
    })
}

impl RegistryState {
    /// The area as it opens: the search box, the first page of everyone, the choice lists.
    pub fn open(ctx: &AreaCtx) -> (RegistryState, Vec<Effect>) {
        let mut list = ListState::new(list_view::page_rows(ctx.body));
        let mut effects = vec![load_choices(ctx.actor)];
        effects.extend(list.first_page(ctx.actor));
        let state = RegistryState {
            can_write: ctx.actor.can(Permission::WriteRegistry),
            choices: Loaded::Loading,
            list,
            household: None,
            overlay: None,
            list_stale: false,
        };
        (state, effects)
    }

    pub fn list(&self) -> &ListState {
        &self.list
    }

    pub fn household(&self) -> Option<&HouseholdState> {
        self.household.as_ref()
    }

    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    pub fn choices(&self) -> Option<&Choices> {
        match &self.choices {
            Loaded::Ready(choices) => Some(choices),
            _ => None,
        }
    }

    /// What has the keys: the mode whose table the keymap reads.
    pub fn mode(&self) -> RegistryMode {
        let can_write = self.can_write;
        match &self.overlay {
            Some(Overlay::Filters(_)) => RegistryMode::Filters,
            Some(Overlay::Form(_)) => RegistryMode::Form,
            Some(Overlay::Import(dialog)) => match dialog.phase() {
                ImportPhase::Editing { .. } => RegistryMode::ImportForm,
                ImportPhase::Checking { .. } => RegistryMode::ImportChecking,
                ImportPhase::Preview { checked, .. } => RegistryMode::ImportPreview {
                    can_import: dialog.blocker(checked).is_none(),
                },
                ImportPhase::Importing { .. } => RegistryMode::ImportRunning,
                ImportPhase::Done(_) => RegistryMode::ImportDone,
            },
            None if self.household.is_some() => RegistryMode::Household { can_write },
            None => match self.list.focus() {
                ListFocus::SearchBox => RegistryMode::SearchBox,
                ListFocus::Rows => RegistryMode::Results { can_write },
            },
        }
    }

    /// Whether leaving now would lose typed work: a form with changes not saved.
    pub fn is_dirty(&self) -> bool {
        matches!(&self.overlay, Some(Overlay::Form(form)) if form.is_dirty())
    }

    /// What to ask before quitting, when quitting now would lose work: typed changes, or a
    /// roster being written (quitting would undo the import).
    pub fn quit_question(&self) -> Option<Confirmable> {
        match &self.overlay {
            Some(Overlay::Import(dialog)) if dialog.is_importing() => {
                Some(Confirmable::QuitImporting)
            }
            _ if self.is_dirty() => Some(Confirmable::QuitDiscarding),
            _ => None,
        }
    }

    pub fn update(&mut self, action: Action, ctx: &AreaCtx) -> Vec<Effect> {
        let actor = ctx.actor;
        match action {
            Action::Registry(RegistryResult::ChoicesLoaded(result)) => {
                self.choices = match result {
                    Ok(choices) => Loaded::Ready(choices),
                    Err(message) => Loaded::Failed(message),
                };
                Vec::new()
            }
            Action::Registry(RegistryResult::SearchDone { .. }) => self.list.update(action, actor),
            Action::Registry(RegistryResult::HouseholdLoaded { .. }) => {
                self.household_update(action, ctx)
            }
            Action::Registry(RegistryResult::Saved(result)) => self.saved(result, actor),
            Action::Registry(
                RegistryResult::RosterChecked { .. }
                | RegistryResult::RosterProgress { .. }
                | RegistryResult::RosterImported { .. },
            ) => self.import_update(action, ctx),
            Action::Command(Command::Registry(C::Confirmed(confirm))) => {
                self.confirmed(confirm, ctx)
            }
            Action::Resize { .. } => {
                let mut effects = self.list.resize(actor, list_view::page_rows(ctx.body));
                effects.extend(self.household_update(action, ctx));
                effects
            }
            Action::Command(_) | Action::Edit(_) => self.key(action, ctx),
            _ => Vec::new(),
        }
    }

    /// A key goes to the top overlay, else the household, else the list.
    fn key(&mut self, action: Action, ctx: &AreaCtx) -> Vec<Effect> {
        match &self.overlay {
            Some(Overlay::Filters(_)) => self.filters_key(action, ctx),
            Some(Overlay::Form(_)) => self.form_key(action, ctx),
            Some(Overlay::Import(_)) => self.import_update(action, ctx),
            None if self.household.is_some() => self.household_key(action, ctx),
            None => self.list_key(action, ctx),
        }
    }

    fn list_key(&mut self, action: Action, ctx: &AreaCtx) -> Vec<Effect> {
        let actor = ctx.actor;
        match action {
            Action::Command(Command::Submit) => match self.list.selected_item() {
                Some(item) => self.open_household(item.household_id, actor),
                None => Vec::new(),
            },
            Action::Command(Command::Registry(C::OpenFilters)) => match &self.choices {
                Loaded::Ready(choices) => {
                    let list = &self.list;
                    let form = FilterForm::new(list.filters(), list.sort(), choices);
                    self.overlay = Some(Overlay::Filters(Box::new(form)));
                    Vec::new()
                }
                _ => self.choices_missing(),
            },
            Action::Command(Command::Registry(C::NewHousehold)) if self.can_write => {
                match &self.choices {
                    Loaded::Ready(choices) => self.open_form(RecordForm::new_household(choices)),
                    _ => self.choices_missing(),
                }
            }
            Action::Command(Command::Registry(C::ImportRoster)) if self.can_write => {
                match &self.choices {
                    Loaded::Ready(choices) => {
                        let dialog = ImportDialog::new(choices);
                        self.overlay = Some(Overlay::Import(Box::new(dialog)));
                        Vec::new()
                    }
                    _ => self.choices_missing(),
                }
            }
            Action::Command(Command::Refresh) => {
                let mut effects = self.list.reload(actor);
                effects.push(load_choices(actor));
                effects
            }
            other => self.list.update(other, actor),
        }
    }

    /// The lists a form or the filters need are not there (yet, or at all): say so.
    fn choices_missing(&self) -> Vec<Effect> {
        match &self.choices {
            Loaded::Failed(message) => vec![Effect::Notify(message.clone())],
            _ => vec![notice(Reg::NoticeStillLoading)],
        }
    }

    fn open_household(&mut self, household_id: i64, actor: &Actor) -> Vec<Effect> {
        let (state, effects) = HouseholdState::open(actor, household_id);
        self.household = Some(state);
        effects
    }

    fn open_form(&mut self, form: RecordForm) -> Vec<Effect> {
        self.overlay = Some(Overlay::Form(Box::new(form)));
        Vec::new()
    }

    fn household_update(&mut self, action: Action, ctx: &AreaCtx) -> Vec<Effect> {
        let page = household_view::page_rows(ctx.body);
        match &mut self.household {
            Some(household) => household.update(action, ctx.actor, page),
            None => Vec::new(),
        }
    }

    fn household_key(&mut self, action: Action, ctx: &AreaCtx) -> Vec<Effect> {
        let Some(household) = &self.household else {
            return Vec::new();
        };
        let today = self.choices().map(|c| c.today);
        let id = household.household_id();
        let form = match action {
            Action::Command(Command::Registry(C::Back)) => return self.back_to_list(ctx.actor),
            Action::Command(Command::Registry(C::EditHousehold)) if self.can_write => {
                let row = household.view().map(|v| &v.household);
                row.zip(today)
                    .map(|(r, t)| RecordForm::edit_household(r, t))
            }
            Action::Command(Command::Registry(C::AddPerson)) if self.can_write => {
                today.map(|t| RecordForm::add_person(id, t))
            }
            Action::Command(Command::Registry(C::EditPerson)) if self.can_write => {
                let Some(member) = household.selected_member() else {
                    return vec![notice(Reg::NoticeChooseMember)];
                };
                today.map(|t| RecordForm::edit_person(id, member, t))
            }
            Action::Command(Command::Registry(C::Enrol)) if self.can_write => {
                let Some(member) = household.selected_member() else {
                    return vec![notice(Reg::NoticeChooseMember)];
                };
                self.choices().map(|c| RecordForm::enrol(id, member, c))
            }
            Action::Command(Command::Registry(C::EndEnrolment)) if self.can_write => {
                match household.selected_enrolment() {
                    Some(row) if row.end_date.is_none() => {
                        today.and_then(|t| RecordForm::end_enrolment(id, row, t))
                    }
                    Some(_) => return vec![notice(Reg::NoticeAlreadyEnded)],
                    None => return vec![notice(Reg::NoticeChooseEnrolment)],
                }
            }
            other => return self.household_update(other, ctx),
        };
        match form {
            Some(form) => self.open_form(form),
            None => self.choices_missing(),
        }
    }

    fn back_to_list(&mut self, actor: &Actor) -> Vec<Effect> {
        self.household = None;
        if std::mem::take(&mut self.list_stale) {
            return self.list.reload(actor);
        }
        Vec::new()
    }

    fn filters_key(&mut self, action: Action, ctx: &AreaCtx) -> Vec<Effect> {
        let Some(Overlay::Filters(form)) = &mut self.overlay else {
            return Vec::new();
        };
        match form.update(action, ctx.lang) {
            FilterOutcome::Stay => Vec::new(),
            FilterOutcome::Cancel => {
                self.overlay = None;
                Vec::new()
            }
            FilterOutcome::Apply(filters, sort) => {
                self.overlay = None;
                self.list.set_filters(ctx.actor, filters, sort)
            }
        }
    }

    fn form_key(&mut self, action: Action, ctx: &AreaCtx) -> Vec<Effect> {
        let Some(Overlay::Form(form)) = &mut self.overlay else {
            return Vec::new();
        };
        match action {
            Action::Command(Command::Registry(C::Cancel)) if form.is_dirty() => {
                let question = RegistryQuestion::DiscardForm;
                vec![Effect::Confirm(Confirmable::Registry(question))]
            }
            Action::Command(Command::Registry(C::Cancel)) => self.close_form(ctx.actor),
            other => form.update(other, ctx.actor, ctx.lang),
        }
    }

    /// Closes the form. After a conflict the household is read again, so the version someone
    /// else saved is what the person sees next.
    fn close_form(&mut self, actor: &Actor) -> Vec<Effect> {
        let Some(Overlay::Form(form)) = self.overlay.take() else {
            return Vec::new();
        };
        let conflict = matches!(form.phase(), FormPhase::Failed(SaveFailure::Conflict(_)));
        match &self.household {
            Some(household) if conflict => household.reload(actor),
            _ => Vec::new(),
        }
    }

    fn saved(&mut self, result: Result<Saved, SaveFailure>, actor: &Actor) -> Vec<Effect> {
        let Some(Overlay::Form(form)) = &mut self.overlay else {
            return Vec::new();
        };
        let saved = match result {
            Ok(saved) => saved,
            Err(failure) => {
                form.failed(failure);
                return Vec::new();
            }
        };
        self.overlay = None;
        self.list_stale = true;
        let mut effects = vec![notice(Reg::NoticeSaved)];
        match &self.household {
            Some(household) if household.household_id() == saved.household_id => {
                effects.extend(household.reload(actor));
            }
            _ => effects.extend(self.open_household(saved.household_id, actor)),
        }
        effects
    }

    fn import_update(&mut self, action: Action, ctx: &AreaCtx) -> Vec<Effect> {
        let Some(Overlay::Import(dialog)) = &mut self.overlay else {
            return Vec::new();
        };
        let imported = matches!(dialog.phase(), ImportPhase::Done(Ok(_)));
        let outcome = dialog.update(action, ctx.actor, ctx.lang);
        let mut effects = outcome.effects;
        if outcome.close {
            self.overlay = None;
            if imported {
                effects.extend(self.list.reload(ctx.actor));
                effects.push(load_choices(ctx.actor));
            }
        }
        effects
    }

    /// The person said yes to what the area asked (`Effect::Confirm`).
    fn confirmed(&mut self, confirm: RegistryConfirm, ctx: &AreaCtx) -> Vec<Effect> {
        match (confirm, &mut self.overlay) {
            (RegistryConfirm::DiscardForm, Some(Overlay::Form(_))) => self.close_form(ctx.actor),
            (RegistryConfirm::Import, Some(Overlay::Import(dialog))) => {
                dialog.start_import(ctx.actor, ctx.lang)
            }
            _ => Vec::new(),
        }
    }
}
