//! The rules a call sets for its proposals, their presets, and the budget checks run on
//! submission. Pure functions over amounts in céntimos and shares in basis points: no I/O,
//! no rounding surprises (every comparison is exact integer arithmetic).
//!
//! Presets follow the programmes as the FAO study describes them: Aliados II business plans
//! (10–30 members, programme up to 70 %, ceiling S/ 99 000), Aliados II community projects
//! (about 40 households, up to 80 %, ceiling S/ 39 600) and Haku Wiñay local ventures
//! (about S/ 7 000, at most 60 % on materials and 40 % on technical assistance and training).

use super::error::ClarError;
use crate::domain::clar::{BudgetCategory, CallKind, Phase};
use crate::domain::money::{percent_of, Money};

/// What a call requires of its proposals. Every field is configurable per call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallRules {
    pub min_members: i64,
    pub max_members: i64,
    /// The largest share of the total budget the programme may pay (7 000 = 70 %).
    pub max_programme_share_bp: i64,
    /// The most the programme pays for one proposal.
    pub programme_ceiling: Money,
    /// At most this share of the programme's part may go to materials and assets.
    pub materials_share_bp: Option<i64>,
    /// At most this share of the programme's part may go to technical assistance and training.
    pub assistance_share_bp: Option<i64>,
    /// At the field visit, at least this share of the listed families must be present.
    pub field_presence_min_bp: i64,
}

/// One criterion of a call's rubric.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionDraft {
    pub phase: Phase,
    pub label_es: String,
    pub label_en: String,
    pub max_points: i64,
    /// 10 000 = counted once; 20 000 = counted twice.
    pub weight_bp: i64,
}

/// The rules of a preset call of `kind`.
pub fn preset_rules(kind: CallKind) -> CallRules {
    match kind {
        CallKind::BusinessPlan => CallRules {
            min_members: 10,
            max_members: 30,
            max_programme_share_bp: 7_000,
            programme_ceiling: Money::from_cents(9_900_000),
            materials_share_bp: None,
            assistance_share_bp: None,
            field_presence_min_bp: 5_000,
        },
        CallKind::CommunityProject => CallRules {
            min_members: 30,
            max_members: 50,
            max_programme_share_bp: 8_000,
            programme_ceiling: Money::from_cents(3_960_000),
            materials_share_bp: None,
            assistance_share_bp: None,
            field_presence_min_bp: 5_000,
        },
        CallKind::LocalVenture => CallRules {
            min_members: 3,
            max_members: 15,
            max_programme_share_bp: 10_000,
            programme_ceiling: Money::from_cents(700_000),
            materials_share_bp: Some(6_000),
            assistance_share_bp: Some(4_000),
            field_presence_min_bp: 5_000,
        },
    }
}

/// Budget lines, as the rules see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetLine {
    pub category: BudgetCategory,
    pub description: String,
    pub programme: Money,
    pub counterpart: Money,
}

/// A proposal's budget summed up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BudgetTotals {
    pub programme: Money,
    pub counterpart: Money,
    pub total: Money,
    /// The programme's part spent on materials and assets.
    pub materials: Money,
    /// The programme's part spent on technical assistance and training.
    pub assistance: Money,
    /// The programme's share of the total, rounded down (for display).
    pub programme_share_bp: i64,
}

/// Sums the lines. Refuses negative amounts (saying which line) and sums too large to hold.
pub fn totals(lines: &[BudgetLine]) -> Result<BudgetTotals, ClarError> {
    let mut t = BudgetTotals::default();
    for (index, line) in lines.iter().enumerate() {
        for amount in [line.programme, line.counterpart] {
            if amount.cents() < 0 {
                return Err(ClarError::NegativeAmount {
                    line: index + 1,
                    amount,
                });
            }
        }
        let add = |a: Money, b: Money| a.checked_add(b).ok_or(ClarError::AmountTooLarge);
        t.programme = add(t.programme, line.programme)?;
        t.counterpart = add(t.counterpart, line.counterpart)?;
        match line.category {
            BudgetCategory::Materials => t.materials = add(t.materials, line.programme)?,
            BudgetCategory::TechnicalAssistance | BudgetCategory::Training => {
                t.assistance = add(t.assistance, line.programme)?
            }
            BudgetCategory::Other => {}
        }
    }
    t.total = t
        .programme
        .checked_add(t.counterpart)
        .ok_or(ClarError::AmountTooLarge)?;
    t.programme_share_bp = crate::domain::money::share_basis_points(t.programme, t.total);
    Ok(t)
}

/// One rule of the call that a proposal breaks, with the figures that say by how much.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleViolation {
    NoBudget,
    TooFewMembers {
        count: i64,
        min: i64,
    },
    TooManyMembers {
        count: i64,
        max: i64,
    },
    /// The programme pays more than its share of the total allows.
    ShareTooHigh {
        programme: Money,
        total: Money,
        max_bp: i64,
        /// How much the programme's part exceeds the share of the present total.
        excess: Money,
        /// How much more counterpart would bring the share within the limit (none when the
        /// limit is 0 %, which no counterpart can meet).
        counterpart_needed: Option<Money>,
    },
    CeilingExceeded {
        programme: Money,
        ceiling: Money,
        excess: Money,
    },
    MaterialsShareTooHigh {
        materials: Money,
        programme: Money,
        max_bp: i64,
        excess: Money,
    },
    AssistanceShareTooHigh {
        assistance: Money,
        programme: Money,
        max_bp: i64,
        excess: Money,
    },
}

/// Every rule of `rules` that a proposal with `member_count` members and budget `t` breaks.
pub fn check(rules: &CallRules, member_count: i64, t: &BudgetTotals) -> Vec<RuleViolation> {
    let mut broken = Vec::new();
    if member_count < rules.min_members {
        broken.push(RuleViolation::TooFewMembers {
            count: member_count,
            min: rules.min_members,
        });
    }
    if member_count > rules.max_members {
        broken.push(RuleViolation::TooManyMembers {
            count: member_count,
            max: rules.max_members,
        });
    }
    if t.total.is_zero() {
        broken.push(RuleViolation::NoBudget);
        return broken;
    }
    if let Some(v) = share_violation(rules.max_programme_share_bp, t) {
        broken.push(v);
    }
    if t.programme > rules.programme_ceiling {
        broken.push(RuleViolation::CeilingExceeded {
            programme: t.programme,
            ceiling: rules.programme_ceiling,
            excess: difference(t.programme, rules.programme_ceiling),
        });
    }
    broken.extend(part_violations(rules, t));
    broken
}

fn share_violation(max_bp: i64, t: &BudgetTotals) -> Option<RuleViolation> {
    let p = i128::from(t.programme.cents());
    let total = i128::from(t.total.cents());
    if p * 10_000 <= i128::from(max_bp) * total {
        return None;
    }
    let allowed = percent_of(t.total, max_bp);
    // The least counterpart c with p × 10 000 ≤ max × (p + c), with p held fixed.
    let counterpart_needed = (max_bp > 0).then(|| {
        let numerator = p * i128::from(10_000 - max_bp);
        let least = (numerator + i128::from(max_bp) - 1) / i128::from(max_bp);
        let have = i128::from(t.counterpart.cents());
        Money::from_cents(i64::try_from(least - have).unwrap_or(i64::MAX))
    });
    Some(RuleViolation::ShareTooHigh {
        programme: t.programme,
        total: t.total,
        max_bp,
        excess: difference(t.programme, allowed),
        counterpart_needed,
    })
}

fn part_violations(rules: &CallRules, t: &BudgetTotals) -> Vec<RuleViolation> {
    let mut broken = Vec::new();
    let over = |part: Money, max_bp: i64| {
        i128::from(part.cents()) * 10_000 > i128::from(max_bp) * i128::from(t.programme.cents())
    };
    if let Some(max_bp) = rules.materials_share_bp.filter(|bp| over(t.materials, *bp)) {
        broken.push(RuleViolation::MaterialsShareTooHigh {
            materials: t.materials,
            programme: t.programme,
            max_bp,
            excess: difference(t.materials, percent_of(t.programme, max_bp)),
        });
    }
    if let Some(max_bp) = rules
        .assistance_share_bp
        .filter(|bp| over(t.assistance, *bp))
    {
        broken.push(RuleViolation::AssistanceShareTooHigh {
            assistance: t.assistance,
            programme: t.programme,
            max_bp,
            excess: difference(t.assistance, percent_of(t.programme, max_bp)),
        });
    }
    broken
}

fn difference(a: Money, b: Money) -> Money {
    a.checked_sub(b).unwrap_or(Money::from_cents(i64::MAX))
}

/// The field visit's rule: at least `min_bp` of the `listed` families present. A list with
/// nobody on it cannot show commitment, so it fails.
pub fn presence_ok(listed: i64, present: i64, min_bp: i64) -> bool {
    listed > 0 && i128::from(present) * 10_000 >= i128::from(min_bp) * i128::from(listed)
}

/// Checks a call's own settings before it is saved.
pub fn validate_rules(rules: &CallRules) -> Result<(), ClarError> {
    let bp_ok = |bp: i64| (0..=10_000).contains(&bp);
    let bad = |what: &'static str, value: String| Err(ClarError::InvalidRule { what, value });
    if rules.min_members < 1 || rules.max_members < rules.min_members {
        return bad(
            "members",
            format!("{}–{}", rules.min_members, rules.max_members),
        );
    }
    if !bp_ok(rules.max_programme_share_bp) {
        return bad("share", rules.max_programme_share_bp.to_string());
    }
    if rules.programme_ceiling.cents() < 0 {
        return bad("ceiling", rules.programme_ceiling.to_string());
    }
    for bp in [rules.materials_share_bp, rules.assistance_share_bp]
        .into_iter()
        .flatten()
    {
        if !bp_ok(bp) {
            return bad("split", bp.to_string());
        }
    }
    if !bp_ok(rules.field_presence_min_bp) {
        return bad("presence", rules.field_presence_min_bp.to_string());
    }
    Ok(())
}

/// Checks a rubric: at least one criterion, points 1–100, weights 0–10× (0–100 000 bp).
pub fn validate_rubric(criteria: &[CriterionDraft]) -> Result<(), ClarError> {
    if criteria.is_empty() {
        return Err(ClarError::EmptyRubric);
    }
    for c in criteria {
        let label_ok = !c.label_es.trim().is_empty() && !c.label_en.trim().is_empty();
        let points_ok = (1..=100).contains(&c.max_points);
        let weight_ok = (0..=100_000).contains(&c.weight_bp);
        if !(label_ok && points_ok && weight_ok) {
            return Err(ClarError::InvalidRule {
                what: "criterion",
                value: format!("{} ({} / {})", c.label_es, c.max_points, c.weight_bp),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
