//! Quorum: whether enough member agencies are present for the meeting to decide.
//!
//! The committee's quorum is a share in basis points (5001 = more than half). An agency that
//! sent apologies (excused) is not present. With no member agencies there is no quorum.

/// The quorum of one meeting, ready to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quorum {
    pub members: u32,
    pub present: u32,
    /// How many present agencies the quorum needs.
    pub required: u32,
    pub reached: bool,
}

/// Present agencies needed out of `members` for a quorum of `quorum_bp` basis points:
/// the smallest count whose share is at least the quorum, and never less than one.
pub fn required_present(members: u32, quorum_bp: u32) -> u32 {
    let bp = u64::from(quorum_bp.clamp(1, 10_000));
    let needed = (u64::from(members) * bp).div_ceil(10_000);
    u32::try_from(needed).unwrap_or(u32::MAX).max(1)
}

/// The quorum of a meeting with `present` of `members` agencies there.
pub fn quorum(members: u32, present: u32, quorum_bp: u32) -> Quorum {
    let required = required_present(members, quorum_bp);
    Quorum {
        members,
        present,
        required,
        reached: members > 0 && present >= required,
    }
}

/// Reads a quorum written as a percentage (`60`, `60 %`, `50,01`, `50.01`) into basis
/// points. `None` unless it is above 0 and at most 100 with at most two decimals.
pub fn parse_percent(raw: &str) -> Option<u32> {
    let text = raw.trim().trim_end_matches('%').trim().replace(',', ".");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !(fraction.is_empty() || (digits(fraction) && fraction.len() <= 2)) {
        return None;
    }
    let whole: u32 = whole.parse().ok()?;
    let hundredths: u32 = format!("{fraction:0<2}").parse().ok()?;
    let bp = whole.checked_mul(100)?.checked_add(hundredths)?;
    (1..=10_000).contains(&bp).then_some(bp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_percentages() {
        assert_eq!(parse_percent("60"), Some(6000));
        assert_eq!(parse_percent(" 50,01 % "), Some(5001));
        assert_eq!(parse_percent("50.5"), Some(5050));
        assert_eq!(parse_percent("100"), Some(10_000));
        for bad in ["0", "100.01", "", "%", "abc", "50.123", "-5", "5e1", ".5"] {
            assert_eq!(parse_percent(bad), None, "{bad}");
        }
    }

    #[test]
    fn more_than_half_of_the_members() {
        // 7 members: 3.5007 → 4 present needed.
        assert_eq!(required_present(7, 5001), 4);
        assert!(!quorum(7, 3, 5001).reached);
        assert!(quorum(7, 4, 5001).reached);
        // 8 members: exactly half is not more than half.
        assert_eq!(required_present(8, 5001), 5);
        assert!(!quorum(8, 4, 5001).reached);
        assert!(quorum(8, 5, 5001).reached);
    }

    #[test]
    fn exact_shares_and_the_edges() {
        assert_eq!(required_present(10, 5000), 5);
        assert_eq!(required_present(3, 6667), 3);
        assert_eq!(required_present(3, 6666), 2);
        assert_eq!(required_present(5, 10_000), 5);
        assert_eq!(required_present(1, 1), 1);
        // Out-of-range shares are clamped rather than dividing by nonsense.
        assert_eq!(required_present(4, 20_000), 4);
    }

    #[test]
    fn no_members_means_no_quorum() {
        let q = quorum(0, 0, 5001);
        assert_eq!(q.required, 1);
        assert!(!q.reached);
    }
}
