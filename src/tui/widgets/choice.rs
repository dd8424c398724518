//! A field that holds one of a few options (a programme, a SISFOH class, yes/no) and edits
//! itself: `←`/`→` (and the space bar) step through the options, a typed letter jumps to the
//! next option starting with it, `Supr` goes back to the first option (usually "all" or
//! "none"). Drawn as `< Pobre extremo >`, so it reads as something to change, not to type.

use crate::i18n::{Lang, Localize};
use crate::tui::action::Edit;
use crate::tui::effect::Message;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// One option: the value the form uses, and what the person reads (in both languages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceOption {
    pub value: String,
    pub label: Message,
}

impl ChoiceOption {
    pub fn new(value: impl Into<String>, label: &impl Localize) -> ChoiceOption {
        ChoiceOption {
            value: value.into(),
            label: Message::of(label),
        }
    }

    /// An option whose label is the same in both languages (a programme's or district's name).
    pub fn named(value: impl Into<String>, name: impl Into<String>) -> ChoiceOption {
        ChoiceOption {
            value: value.into(),
            label: Message::same(name),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceInput {
    options: Vec<ChoiceOption>,
    selected: usize,
}

impl ChoiceInput {
    pub fn new(options: Vec<ChoiceOption>) -> ChoiceInput {
        ChoiceInput {
            options,
            selected: 0,
        }
    }

    /// With the option of this value selected (the first when there is none).
    pub fn with_value(options: Vec<ChoiceOption>, value: &str) -> ChoiceInput {
        let selected = options.iter().position(|o| o.value == value).unwrap_or(0);
        ChoiceInput { options, selected }
    }

    /// The selected option's value; empty when there are no options.
    pub fn value(&self) -> String {
        self.options
            .get(self.selected)
            .map(|o| o.value.clone())
            .unwrap_or_default()
    }

    pub fn label(&self, lang: Lang) -> String {
        self.options
            .get(self.selected)
            .map(|o| o.label.text(lang).into_owned())
            .unwrap_or_default()
    }

    pub fn options(&self) -> &[ChoiceOption] {
        &self.options
    }

    /// Replaces the options, keeping the selected value when it is still offered.
    pub fn set_options(&mut self, options: Vec<ChoiceOption>) {
        let value = self.value();
        *self = ChoiceInput::with_value(options, &value);
    }

    /// Applies an edit; returns whether the value changed.
    pub fn edit(&mut self, edit: Edit, lang: Lang) -> bool {
        let count = self.options.len();
        if count == 0 {
            return false;
        }
        let before = self.selected;
        self.selected = match edit {
            Edit::Right | Edit::Insert(' ') => (self.selected + 1) % count,
            Edit::Left => (self.selected + count - 1) % count,
            Edit::Home | Edit::Delete | Edit::Backspace => 0,
            Edit::End => count - 1,
            Edit::Insert(c) => self.next_starting_with(c, lang),
        };
        before != self.selected
    }

    /// The next option after the selected one whose label starts with `c` (any case, any
    /// accent), or the selected one when none does.
    fn next_starting_with(&self, c: char, lang: Lang) -> usize {
        let wanted = crate::domain::names::fold_key(&c.to_string());
        let count = self.options.len();
        (1..=count)
            .map(|step| (self.selected + step) % count)
            .find(|&i| {
                let label = self.options[i].label.text(lang);
                !wanted.is_empty() && crate::domain::names::fold_key(&label).starts_with(&wanted)
            })
            .unwrap_or(self.selected)
    }
}

/// Draws a choice as `< label >` across the field's width.
pub struct ChoiceView<'a> {
    pub input: &'a ChoiceInput,
    pub focused: bool,
    pub lang: Lang,
    pub theme: &'a Theme,
}

impl Widget for ChoiceView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let style = if self.focused {
            self.theme.focus
        } else {
            self.theme.field
        };
        buf.set_style(area, style);
        let width = usize::from(area.width);
        let text = format!("< {} >", self.input.label(self.lang));
        buf.set_stringn(area.x, area.y, text, width, style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Tui;

    fn options() -> Vec<ChoiceOption> {
        vec![
            ChoiceOption::new("", &Tui::Loading),
            ChoiceOption::named("PE", "Pobre extremo"),
            ChoiceOption::named("P", "Pobre"),
            ChoiceOption::named("NP", "No pobre"),
        ]
    }

    #[test]
    fn arrows_cycle_and_letters_jump() {
        let mut choice = ChoiceInput::new(options());
        assert!(choice.edit(Edit::Left, Lang::Es));
        assert_eq!(choice.value(), "NP");
        assert!(choice.edit(Edit::Right, Lang::Es));
        assert_eq!(choice.value(), "");
        assert!(choice.edit(Edit::Insert('p'), Lang::Es));
        assert_eq!(choice.value(), "PE");
        assert!(choice.edit(Edit::Insert('P'), Lang::Es));
        assert_eq!(choice.value(), "P");
        assert!(!choice.edit(Edit::Insert('z'), Lang::Es));
        assert!(choice.edit(Edit::Delete, Lang::Es));
        assert_eq!(choice.value(), "");
    }

    #[test]
    fn new_options_keep_the_value_when_offered() {
        let mut choice = ChoiceInput::with_value(options(), "P");
        choice.set_options(options().into_iter().rev().collect());
        assert_eq!(choice.value(), "P");
        choice.set_options(vec![ChoiceOption::named("X", "Otro")]);
        assert_eq!(choice.value(), "X");
    }
}
