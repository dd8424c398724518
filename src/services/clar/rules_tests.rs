//! Unit tests of the call rules, one group per preset and the edges of each check.

use super::*;

fn cents(c: i64) -> Money {
    Money::from_cents(c)
}

fn line(category: BudgetCategory, programme: i64, counterpart: i64) -> BudgetLine {
    BudgetLine {
        category,
        description: "x".into(),
        programme: cents(programme),
        counterpart: cents(counterpart),
    }
}

fn totals_of(lines: &[BudgetLine]) -> BudgetTotals {
    totals(lines).expect("totals")
}

#[test]
fn business_plan_preset_is_aliados_ii() {
    let r = preset_rules(CallKind::BusinessPlan);
    assert_eq!((r.min_members, r.max_members), (10, 30));
    assert_eq!(r.max_programme_share_bp, 7_000);
    assert_eq!(r.programme_ceiling, cents(9_900_000));
    assert_eq!(r.field_presence_min_bp, 5_000);
    assert!(validate_rules(&r).is_ok());
}

#[test]
fn business_plan_at_the_ceiling_passes_and_one_centimo_more_fails() {
    let r = preset_rules(CallKind::BusinessPlan);
    // 99 000.00 programme + 42 428.58 counterpart: 69.99 %, exactly at the ceiling.
    let at = totals_of(&[line(BudgetCategory::Materials, 9_900_000, 4_242_858)]);
    assert_eq!(check(&r, 20, &at), vec![]);
    let over = totals_of(&[
        line(BudgetCategory::Materials, 9_900_000, 4_242_858),
        line(BudgetCategory::Training, 1, 1),
    ]);
    assert_eq!(
        check(&r, 20, &over),
        vec![RuleViolation::CeilingExceeded {
            programme: cents(9_900_001),
            ceiling: cents(9_900_000),
            excess: cents(1),
        }]
    );
}

#[test]
fn business_plan_share_above_seventy_percent_says_by_how_much() {
    let r = preset_rules(CallKind::BusinessPlan);
    // 7 001 of 10 000: 70.01 %.
    let t = totals_of(&[line(BudgetCategory::Materials, 700_100, 299_900)]);
    let broken = check(&r, 10, &t);
    assert_eq!(
        broken,
        vec![RuleViolation::ShareTooHigh {
            programme: cents(700_100),
            total: cents(1_000_000),
            max_bp: 7_000,
            excess: cents(100),
            // 700 100 × 3/7 = 300 042.86 → 300 043 needed, 143 more.
            counterpart_needed: Some(cents(143)),
        }]
    );
    let fixed = totals_of(&[line(BudgetCategory::Materials, 700_100, 300_043)]);
    assert_eq!(check(&r, 10, &fixed), vec![]);
    let short = totals_of(&[line(BudgetCategory::Materials, 700_100, 300_042)]);
    assert_eq!(check(&r, 10, &short).len(), 1);
}

#[test]
fn exactly_seventy_percent_is_allowed() {
    let r = preset_rules(CallKind::BusinessPlan);
    let t = totals_of(&[line(BudgetCategory::Other, 700_000, 300_000)]);
    assert_eq!(t.programme_share_bp, 7_000);
    assert!(check(&r, 10, &t).is_empty());
}

#[test]
fn member_count_range_is_inclusive() {
    let r = preset_rules(CallKind::BusinessPlan);
    let t = totals_of(&[line(BudgetCategory::Other, 70, 30)]);
    assert!(check(&r, 10, &t).is_empty());
    assert!(check(&r, 30, &t).is_empty());
    assert_eq!(
        check(&r, 9, &t),
        vec![RuleViolation::TooFewMembers { count: 9, min: 10 }]
    );
    assert_eq!(
        check(&r, 31, &t),
        vec![RuleViolation::TooManyMembers { count: 31, max: 30 }]
    );
}

#[test]
fn community_project_preset_is_eighty_percent_up_to_39_600() {
    let r = preset_rules(CallKind::CommunityProject);
    assert_eq!(r.max_programme_share_bp, 8_000);
    assert_eq!(r.programme_ceiling, cents(3_960_000));
    assert!((r.min_members..=r.max_members).contains(&40));
    let ok = totals_of(&[line(BudgetCategory::Materials, 3_960_000, 990_000)]);
    assert!(check(&r, 40, &ok).is_empty());
    let over = totals_of(&[line(BudgetCategory::Materials, 3_960_001, 990_000)]);
    let broken = check(&r, 40, &over);
    assert_eq!(broken.len(), 2, "{broken:?}");
    assert!(matches!(
        broken[0],
        RuleViolation::ShareTooHigh { max_bp: 8_000, .. }
    ));
    assert!(matches!(
        broken[1],
        RuleViolation::CeilingExceeded { excess, .. } if excess == cents(1)
    ));
}

#[test]
fn local_venture_preset_splits_sixty_forty() {
    let r = preset_rules(CallKind::LocalVenture);
    assert_eq!(r.programme_ceiling, cents(700_000));
    let ok = totals_of(&[
        line(BudgetCategory::Materials, 420_000, 0),
        line(BudgetCategory::TechnicalAssistance, 200_000, 0),
        line(BudgetCategory::Training, 80_000, 0),
    ]);
    assert!(check(&r, 5, &ok).is_empty());
    let heavy = totals_of(&[
        line(BudgetCategory::Materials, 420_001, 0),
        line(BudgetCategory::TechnicalAssistance, 279_999, 0),
    ]);
    assert_eq!(
        check(&r, 5, &heavy),
        vec![RuleViolation::MaterialsShareTooHigh {
            materials: cents(420_001),
            programme: cents(700_000),
            max_bp: 6_000,
            excess: cents(1),
        }]
    );
    let talky = totals_of(&[
        line(BudgetCategory::Materials, 100_000, 0),
        line(BudgetCategory::Training, 100_000, 0),
    ]);
    assert!(matches!(
        check(&r, 5, &talky)[..],
        [RuleViolation::AssistanceShareTooHigh { excess, .. }] if excess == cents(20_000)
    ));
}

#[test]
fn negative_amounts_are_refused_with_their_line() {
    let err = totals(&[
        line(BudgetCategory::Materials, 100, 0),
        line(BudgetCategory::Training, 0, -1),
    ])
    .unwrap_err();
    assert_eq!(
        err,
        ClarError::NegativeAmount {
            line: 2,
            amount: cents(-1)
        }
    );
}

#[test]
fn empty_budget_and_overflow() {
    let r = preset_rules(CallKind::BusinessPlan);
    assert_eq!(
        check(&r, 10, &totals_of(&[])),
        vec![RuleViolation::NoBudget]
    );
    let huge = [
        line(BudgetCategory::Other, i64::MAX, 0),
        line(BudgetCategory::Other, 1, 0),
    ];
    assert_eq!(totals(&huge).unwrap_err(), ClarError::AmountTooLarge);
}

#[test]
fn zero_percent_share_cannot_be_fixed_with_counterpart() {
    let mut r = preset_rules(CallKind::BusinessPlan);
    r.max_programme_share_bp = 0;
    let t = totals_of(&[line(BudgetCategory::Other, 1, 100)]);
    assert!(matches!(
        check(&r, 10, &t)[..],
        [RuleViolation::ShareTooHigh {
            counterpart_needed: None,
            ..
        }]
    ));
}

#[test]
fn half_the_families_present_is_enough_and_fewer_is_not() {
    assert!(presence_ok(10, 5, 5_000));
    assert!(!presence_ok(10, 4, 5_000));
    assert!(presence_ok(11, 6, 5_000));
    assert!(!presence_ok(11, 5, 5_000));
    assert!(!presence_ok(0, 0, 5_000));
}

#[test]
fn call_settings_are_validated() {
    let mut r = preset_rules(CallKind::BusinessPlan);
    r.max_members = 5;
    assert!(matches!(
        validate_rules(&r),
        Err(ClarError::InvalidRule {
            what: "members",
            ..
        })
    ));
    let mut r = preset_rules(CallKind::BusinessPlan);
    r.materials_share_bp = Some(10_001);
    assert!(validate_rules(&r).is_err());
    assert_eq!(validate_rubric(&[]), Err(ClarError::EmptyRubric));
    let bad = CriterionDraft {
        phase: Phase::Field,
        label_es: "a".into(),
        label_en: "a".into(),
        max_points: 0,
        weight_bp: 10_000,
    };
    assert!(validate_rubric(&[bad]).is_err());
}
