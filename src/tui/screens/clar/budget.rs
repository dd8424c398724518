//! Editing a draft's budget: each line's description, programme part and counterpart, with
//! the totals and the call's rules checked as the amounts are typed (the same pure checks the
//! core runs on submission, so what the form says is what submission will say).

use crate::domain::money::Money;
use crate::i18n::ClarTuiMessage;
use crate::services::clar::proposals::{ProposalDetail, ProposalDraft};
use crate::services::clar::rules::{self, BudgetLine, BudgetTotals, CallRules, RuleViolation};
use crate::store::clar::proposals::LineRow;
use crate::tui::action::Edit;
use crate::tui::effect::Message;
use crate::tui::widgets::text_input::{FieldKind, TextInput};

/// The columns of a line that take typing.
pub const COLUMNS: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineInputs {
    pub category: crate::domain::clar::BudgetCategory,
    /// Description, programme part, counterpart.
    pub inputs: [TextInput; COLUMNS],
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetEditor {
    proposal_id: i64,
    version: i64,
    title: String,
    association_id: i64,
    product: String,
    description: Option<String>,
    rules: CallRules,
    member_count: i64,
    pub lines: Vec<LineInputs>,
    /// Index of the focused input: line × [`COLUMNS`] + column.
    pub focus: usize,
    dirty: bool,
}

/// An amount as the clerk reads and types it: `44,000.00` (the sign of soles is implied).
fn amount_input(m: Money) -> TextInput {
    let shown = m.to_string();
    let shown = shown.trim_start_matches("S/ ");
    TextInput::with_value(FieldKind::Text { max: 16 }, shown)
}

impl BudgetEditor {
    pub fn new(detail: &ProposalDetail) -> BudgetEditor {
        let p = &detail.proposal;
        BudgetEditor {
            proposal_id: p.id,
            version: p.version,
            title: p.title.clone(),
            association_id: p.association_id,
            product: p.product.clone(),
            description: p.description.clone(),
            rules: detail.rules.clone(),
            member_count: detail.member_count,
            lines: detail.lines.iter().map(line_inputs).collect(),
            focus: 1,
            dirty: false,
        }
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    /// The proposal and the version the form was read at.
    pub fn target(&self) -> (i64, i64) {
        (self.proposal_id, self.version)
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    pub fn edit(&mut self, edit: Edit) {
        let (line, column) = (self.focus / COLUMNS, self.focus % COLUMNS);
        if let Some(l) = self.lines.get_mut(line) {
            self.dirty |= l.inputs[column].edit(edit);
        }
    }

    pub fn move_focus(&mut self, forward: bool) {
        let count = self.lines.len() * COLUMNS;
        if count == 0 {
            return;
        }
        self.focus = if forward {
            (self.focus + 1) % count
        } else {
            (self.focus + count - 1) % count
        };
    }

    /// Each line's amounts as typed, or the line's problem: which amount and why.
    fn parsed(&self) -> Result<Vec<BudgetLine>, Message> {
        let mut out = Vec::with_capacity(self.lines.len());
        for (index, l) in self.lines.iter().enumerate() {
            let amount = |column: usize| {
                Money::parse(&l.inputs[column].value()).map_err(|error| {
                    Message::of(&ClarTuiMessage::BadAmount {
                        line: index + 1,
                        error,
                    })
                })
            };
            out.push(BudgetLine {
                category: l.category,
                description: l.inputs[0].value(),
                programme: amount(1)?,
                counterpart: amount(2)?,
            });
        }
        Ok(out)
    }

    /// The totals and the rules broken, as the amounts stand (`None` while one is unreadable).
    pub fn check(&self) -> Option<(BudgetTotals, Vec<RuleViolation>)> {
        let lines = self.parsed().ok()?;
        let totals = rules::totals(&lines).ok()?;
        let broken = rules::check(&self.rules, self.member_count, &totals);
        Some((totals, broken))
    }

    /// The draft to save, or what to fix first.
    pub fn draft(&self) -> Result<ProposalDraft, Message> {
        Ok(ProposalDraft {
            association_id: self.association_id,
            title: self.title.clone(),
            product: self.product.clone(),
            description: self.description.clone(),
            lines: self.parsed()?,
        })
    }

    /// The first problem with an amount, for the line under the table.
    pub fn problem(&self) -> Option<Message> {
        self.parsed().err()
    }
}

fn line_inputs(l: &LineRow) -> LineInputs {
    LineInputs {
        category: l.category,
        inputs: [
            TextInput::with_value(FieldKind::Text { max: 60 }, &l.description),
            amount_input(l.programme),
            amount_input(l.counterpart),
        ],
    }
}
