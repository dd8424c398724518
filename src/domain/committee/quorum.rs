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

#[cfg(test)]
mod tests {
    use super::*;

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
