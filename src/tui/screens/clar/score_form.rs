//! The scoring form of reviewer mode, as state: one number per criterion of the rubric,
//! typed or nudged with `+` and `-`, checked against each criterion's maximum before anything
//! is sent. Blank criteria are left unscored; the member can come back to them.

use crate::i18n::ClarTuiMessage;
use crate::services::clar::reviewer::{ProposalToScore, ReviewerSession};
use crate::services::clar::scoring::{ScoreEntry, ScoreSheet};
use crate::store::clar::calls::CriterionRow;
use crate::tui::action::Edit;
use crate::tui::effect::Message;
use crate::tui::widgets::text_input::{FieldKind, TextInput};

/// One criterion's row of the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreRow {
    pub criterion: CriterionRow,
    pub input: TextInput,
    /// The version of the saved score, when there is one.
    pub version: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreForm {
    pub session_id: i64,
    pub proposal: ProposalToScore,
    pub rows: Vec<ScoreRow>,
    pub focus: usize,
    dirty: bool,
}

impl ScoreForm {
    pub fn new(session: &ReviewerSession, proposal: &ProposalToScore) -> ScoreForm {
        let rows = session
            .criteria
            .iter()
            .map(|c| {
                let saved = proposal.my_scores.iter().find(|(id, _, _)| *id == c.id);
                let text = saved
                    .map(|(_, points, _)| points.to_string())
                    .unwrap_or_default();
                ScoreRow {
                    criterion: c.clone(),
                    input: TextInput::with_value(FieldKind::Digits { max: 3 }, &text),
                    version: saved.map(|(_, _, version)| *version),
                }
            })
            .collect();
        ScoreForm {
            session_id: session.session.id,
            proposal: proposal.clone(),
            rows,
            focus: 0,
            dirty: false,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    pub fn move_focus(&mut self, forward: bool) {
        let n = self.rows.len().max(1);
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
    }

    pub fn edit(&mut self, edit: Edit) {
        if let Some(row) = self.rows.get_mut(self.focus) {
            self.dirty |= row.input.edit(edit);
        }
    }

    /// `+` / `-`: one point up or down, within the criterion's scale.
    pub fn nudge(&mut self, up: bool) {
        let Some(row) = self.rows.get_mut(self.focus) else {
            return;
        };
        let now = row.input.value().parse::<i64>().ok();
        let next = match (now, up) {
            (None, true) => 1,
            (None, false) => 0,
            (Some(n), true) => n + 1,
            (Some(n), false) => n - 1,
        }
        .clamp(0, row.criterion.max_points);
        row.input = TextInput::with_value(FieldKind::Digits { max: 3 }, &next.to_string());
        self.dirty = true;
    }

    /// Points typed for a row, if any.
    pub fn points(row: &ScoreRow) -> Option<i64> {
        row.input.value().parse().ok()
    }

    /// The sum of what is typed (the rubric's weights apply in the ranking).
    pub fn total(&self) -> i64 {
        self.rows.iter().filter_map(Self::points).sum()
    }

    pub fn maximum(&self) -> i64 {
        self.rows.iter().map(|r| r.criterion.max_points).sum()
    }

    /// The row whose number is above its criterion's maximum, if any.
    pub fn out_of_scale(&self) -> Option<usize> {
        self.rows
            .iter()
            .position(|r| Self::points(r).is_some_and(|p| p > r.criterion.max_points))
    }

    /// The scores to save, or what to fix first (and the focus moves there).
    pub fn sheet(&mut self) -> Result<ScoreSheet, Message> {
        if let Some(index) = self.out_of_scale() {
            self.focus = index;
            let row = &self.rows[index];
            return Err(Message::of(&ClarTuiMessage::AboveMaximum {
                points: Self::points(row).unwrap_or(0),
                max: row.criterion.max_points,
            }));
        }
        let entries: Vec<ScoreEntry> = self
            .rows
            .iter()
            .filter_map(|r| {
                Some(ScoreEntry {
                    criterion_id: r.criterion.id,
                    points: Self::points(r)?,
                    expected_version: r.version,
                })
            })
            .collect();
        if entries.is_empty() {
            return Err(Message::of(&ClarTuiMessage::NothingTyped));
        }
        Ok(ScoreSheet {
            session_id: self.session_id,
            proposal_id: self.proposal.proposal_id,
            entries,
        })
    }
}
