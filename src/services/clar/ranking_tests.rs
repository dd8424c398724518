//! Unit tests of ranking, the tie-break and the envelope.

use super::*;

const FIELD: i64 = 1;
const TALK: i64 = 2;

fn criteria() -> Vec<CriterionSpec> {
    vec![
        CriterionSpec {
            id: FIELD,
            phase: Phase::Field,
            weight_bp: 10_000,
        },
        CriterionSpec {
            id: TALK,
            phase: Phase::Presentation,
            weight_bp: 10_000,
        },
    ]
}

fn sheet(member_id: i64, field: i64, talk: i64) -> MemberSheet {
    MemberSheet {
        member_id,
        points: vec![(FIELD, field), (TALK, talk)],
    }
}

fn candidate(id: i64, soles: i64, at: &str, sheets: Vec<MemberSheet>) -> Candidate {
    Candidate {
        proposal_id: id,
        submitted_at: at.into(),
        programme: Money::from_cents(soles * 100),
        sheets,
    }
}

fn ids(rows: &[Ranked]) -> Vec<i64> {
    rows.iter().map(|r| r.proposal_id).collect()
}

fn ranked(id: i64, rank: i64, soles: i64) -> Ranked {
    Ranked {
        proposal_id: id,
        rank,
        score_milli: 0,
        field_milli: 0,
        presentation_milli: 0,
        scorers: 1,
        programme: Money::from_cents(soles * 100),
        submitted_at: String::new(),
    }
}

#[test]
fn score_is_the_mean_over_scorers_in_thousandths_rounded_down() {
    let c = candidate(
        1,
        10,
        "t",
        vec![sheet(1, 40, 40), sheet(2, 40, 41), sheet(3, 40, 41)],
    );
    let rows = rank(&criteria(), &[c]);
    // (80 + 81 + 81) / 3 = 80.666…
    assert_eq!(rows[0].score_milli, 80_666);
    assert_eq!(rows[0].field_milli, 40_000);
    assert_eq!(rows[0].presentation_milli, 40_666);
    assert_eq!(rows[0].scorers, 3);
    assert_eq!(milli_text(rows[0].score_milli), "80.666");
}

#[test]
fn weights_multiply_points() {
    let mut crit = criteria();
    crit[1].weight_bp = 15_000;
    let rows = rank(&crit, &[candidate(1, 10, "t", vec![sheet(1, 10, 10)])]);
    assert_eq!(rows[0].score_milli, 25_000);
}

#[test]
fn higher_score_ranks_first() {
    let rows = rank(
        &criteria(),
        &[
            candidate(1, 10, "a", vec![sheet(1, 30, 30)]),
            candidate(2, 10, "a", vec![sheet(1, 40, 30)]),
        ],
    );
    assert_eq!(ids(&rows), [2, 1]);
    assert_eq!(rows[0].rank, 1);
    assert_eq!(rows[1].rank, 2);
}

#[test]
fn ties_go_to_the_better_presentation() {
    let rows = rank(
        &criteria(),
        &[
            candidate(1, 10, "a", vec![sheet(1, 45, 30)]),
            candidate(2, 10, "b", vec![sheet(1, 35, 40)]),
        ],
    );
    assert_eq!(rows[0].score_milli, rows[1].score_milli);
    assert_eq!(ids(&rows), [2, 1]);
}

#[test]
fn then_to_the_smaller_programme_amount_then_earlier_submission_then_id() {
    let same = || vec![sheet(1, 40, 40)];
    let rows = rank(
        &criteria(),
        &[
            candidate(5, 9_000, "2026-03-01T10:00:00Z", same()),
            candidate(4, 8_000, "2026-03-02T10:00:00Z", same()),
            candidate(3, 9_000, "2026-02-28T10:00:00Z", same()),
            candidate(2, 9_000, "2026-03-01T10:00:00Z", same()),
        ],
    );
    assert_eq!(ids(&rows), [4, 3, 2, 5]);
}

#[test]
fn ranking_does_not_depend_on_input_order() {
    let make = |order: &[i64]| {
        let cands: Vec<Candidate> = order
            .iter()
            .map(|&id| candidate(id, 100, "x", vec![sheet(1, 20 + id % 3, 30)]))
            .collect();
        ids(&rank(&criteria(), &cands))
    };
    assert_eq!(make(&[1, 2, 3, 4, 5, 6]), make(&[6, 4, 2, 5, 3, 1]));
}

#[test]
fn a_proposal_nobody_could_score_gets_zero() {
    let rows = rank(&criteria(), &[candidate(1, 10, "a", vec![])]);
    assert_eq!(rows[0].score_milli, 0);
    assert_eq!(rows[0].scorers, 0);
}

#[test]
fn envelope_funds_down_the_ranking_skipping_what_does_not_fit() {
    let rows = [
        ranked(1, 1, 60),
        ranked(2, 2, 50),
        ranked(3, 3, 30),
        ranked(4, 4, 10),
    ];
    let a = allocate(Money::from_cents(10_000), &rows);
    let funded: Vec<bool> = a.decisions.iter().map(|d| d.funded).collect();
    assert_eq!(funded, [true, false, true, true]);
    assert_eq!(a.funded_total, Money::from_cents(10_000));
    assert_eq!(a.remaining, Money::zero());
}

#[test]
fn exact_fit_and_leftover() {
    let rows = [ranked(1, 1, 40), ranked(2, 2, 60)];
    let exact = allocate(Money::from_cents(10_000), &rows);
    assert!(exact.decisions.iter().all(|d| d.funded));
    assert_eq!(exact.remaining, Money::zero());
    let short = allocate(Money::from_cents(9_999), &rows);
    assert_eq!(
        short.decisions.iter().map(|d| d.funded).collect::<Vec<_>>(),
        [true, false]
    );
    assert_eq!(short.remaining, Money::from_cents(5_999));
}

#[test]
fn empty_envelope_funds_nothing_and_never_goes_negative() {
    let rows = [ranked(1, 1, 1), ranked(2, 2, 0)];
    let a = allocate(Money::zero(), &rows);
    assert_eq!(
        a.decisions.iter().map(|d| d.funded).collect::<Vec<_>>(),
        [false, true]
    );
    assert_eq!(a.remaining, Money::zero());
    let negative = allocate(Money::from_cents(-5), &rows);
    assert_eq!(negative.envelope, Money::zero());
    assert!(!negative.decisions[0].funded);
}

#[test]
fn funded_total_never_exceeds_the_envelope() {
    // A small exhaustive sweep: every envelope 0..=200 soles against awkward amounts.
    let rows: Vec<Ranked> = [70, 45, 45, 30, 90, 5]
        .iter()
        .enumerate()
        .map(|(i, s)| ranked(i as i64 + 1, i as i64 + 1, *s))
        .collect();
    for soles in 0..=200 {
        let envelope = Money::from_cents(soles * 100);
        let a = allocate(envelope, &rows);
        let spent: i64 = a
            .decisions
            .iter()
            .filter(|d| d.funded)
            .map(|d| d.programme.cents())
            .sum();
        assert!(spent <= envelope.cents(), "{soles}");
        assert_eq!(spent + a.remaining.cents(), envelope.cents());
        // Nothing skipped would have fitted in what was left at the end.
        for d in a.decisions.iter().filter(|d| !d.funded) {
            assert!(d.programme > a.remaining, "{soles}: {d:?}");
        }
    }
}
