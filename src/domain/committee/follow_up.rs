//! Which agreements come back to a meeting, and which are overdue.
//!
//! An agreement comes back to every later meeting until it is closed: it is carried to a
//! meeting when it was made at an earlier meeting and was still pending on the meeting's day.
//! One closed on the day of a meeting is still carried to it, so the meeting that closes it
//! shows it. An agreement is overdue on a day when it is pending and its due date is before
//! that day: the due date itself is the last day on time.

use super::AgreementStatus;
use chrono::NaiveDate;

/// True when a pending agreement's due date has passed on `on`.
pub fn is_overdue(status: AgreementStatus, due_on: NaiveDate, on: NaiveDate) -> bool {
    status == AgreementStatus::Pending && due_on < on
}

/// Whole days past the due date on `on` (0 when not overdue).
pub fn days_overdue(status: AgreementStatus, due_on: NaiveDate, on: NaiveDate) -> i64 {
    if is_overdue(status, due_on, on) {
        (on - due_on).num_days()
    } else {
        0
    }
}

/// What the carry-forward rule needs to know of an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgreementFacts {
    pub id: i64,
    /// The day of the meeting that made it.
    pub made_on: NaiveDate,
    pub status: AgreementStatus,
    pub closed_on: Option<NaiveDate>,
}

/// True when the agreement comes back to a meeting held on `meeting_on`.
pub fn is_carried_to(facts: &AgreementFacts, meeting_on: NaiveDate) -> bool {
    if facts.made_on >= meeting_on {
        return false;
    }
    match facts.status {
        AgreementStatus::Pending => true,
        // A closed agreement without a closing day cannot be placed in time: it was closed
        // before anyone could tell, so it does not come back.
        AgreementStatus::Done | AgreementStatus::Dropped => {
            facts.closed_on.is_some_and(|closed| closed >= meeting_on)
        }
    }
}

/// The agreements carried to a meeting held on `meeting_on`, oldest first (by the day they
/// were made, then by id), so the follow-up items read in the order they were agreed.
pub fn carried_to(agreements: &[AgreementFacts], meeting_on: NaiveDate) -> Vec<AgreementFacts> {
    let mut carried: Vec<AgreementFacts> = agreements
        .iter()
        .filter(|a| is_carried_to(a, meeting_on))
        .copied()
        .collect();
    carried.sort_by_key(|a| (a.made_on, a.id));
    carried
}

#[cfg(test)]
mod tests {
    use super::*;
    use AgreementStatus::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn facts(id: i64, made_on: NaiveDate, status: AgreementStatus) -> AgreementFacts {
        AgreementFacts {
            id,
            made_on,
            status,
            closed_on: None,
        }
    }

    #[test]
    fn overdue_starts_the_day_after_the_due_date() {
        let due = d(2026, 3, 31);
        assert!(!is_overdue(Pending, due, d(2026, 3, 30)));
        assert!(!is_overdue(Pending, due, due));
        assert!(is_overdue(Pending, due, d(2026, 4, 1)));
        assert_eq!(days_overdue(Pending, due, d(2026, 4, 1)), 1);
        assert_eq!(days_overdue(Pending, due, due), 0);
    }

    #[test]
    fn overdue_crosses_month_year_and_leap_day_edges() {
        assert!(is_overdue(Pending, d(2026, 12, 31), d(2027, 1, 1)));
        assert!(!is_overdue(Pending, d(2024, 2, 29), d(2024, 2, 29)));
        assert!(is_overdue(Pending, d(2024, 2, 28), d(2024, 2, 29)));
        assert_eq!(days_overdue(Pending, d(2024, 2, 28), d(2024, 3, 1)), 2);
    }

    #[test]
    fn closed_agreements_are_never_overdue() {
        let due = d(2026, 1, 10);
        assert!(!is_overdue(Done, due, d(2026, 6, 1)));
        assert!(!is_overdue(Dropped, due, d(2026, 6, 1)));
        assert_eq!(days_overdue(Dropped, due, d(2026, 6, 1)), 0);
    }

    #[test]
    fn pending_agreements_come_back_to_every_later_meeting() {
        let a = facts(1, d(2026, 1, 6), Pending);
        assert!(!is_carried_to(&a, d(2026, 1, 6)), "not to its own meeting");
        assert!(is_carried_to(&a, d(2026, 2, 3)));
        assert!(is_carried_to(&a, d(2026, 12, 1)));
    }

    #[test]
    fn a_closed_agreement_comes_back_only_until_it_was_closed() {
        let mut a = facts(1, d(2026, 1, 6), Done);
        a.closed_on = Some(d(2026, 2, 3));
        // Closed at the February meeting: February still shows it, March does not.
        assert!(is_carried_to(&a, d(2026, 2, 3)));
        assert!(!is_carried_to(&a, d(2026, 3, 3)));
        a.closed_on = Some(d(2026, 2, 2));
        assert!(!is_carried_to(&a, d(2026, 2, 3)));
        a.closed_on = None;
        assert!(!is_carried_to(&a, d(2026, 2, 3)));
    }

    #[test]
    fn carried_agreements_come_oldest_first() {
        let list = [
            facts(9, d(2026, 2, 3), Pending),
            facts(5, d(2026, 1, 6), Pending),
            facts(7, d(2026, 1, 6), Dropped),
            facts(3, d(2026, 1, 6), Pending),
            facts(2, d(2026, 3, 3), Pending),
        ];
        let ids: Vec<i64> = carried_to(&list, d(2026, 3, 3))
            .iter()
            .map(|a| a.id)
            .collect();
        assert_eq!(ids, [3, 5, 9]);
    }
}
