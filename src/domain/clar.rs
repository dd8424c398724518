//! The closed sets of the CLAR (Comité Local de Asignación de Recursos): kinds of association,
//! call and budget line, proposal states and the moves allowed between them, scoring phases,
//! conflicts of interest, follow-up statuses.
//!
//! Each set is stored by a lower-case ASCII code (the schema's CHECK constraints spell the same
//! codes); [`coded!`] gives every enum `code`, `from_code` and `ALL` so the store and the
//! interfaces never spell a code twice. No I/O here, and no text for people (that is `i18n`).

/// Declares an enum stored by code, with `ALL`, `code()` and `from_code()`.
macro_rules! coded {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The code stored in the database.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            /// Reads a stored code; `None` for anything else.
            pub fn from_code(code: &str) -> Option<$name> {
                match code {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

coded!(
    /// What kind of group an association is.
    AssociationKind {
        ProducerAssociation => "producer_association",
        InterestGroup => "interest_group",
        Community => "community",
    }
);

coded!(
    /// How far an association is in becoming a legal entity.
    LegalStatus {
        Informal => "informal",
        InProcess => "in_process",
        Registered => "registered",
    }
);

coded!(
    /// What a call funds.
    CallKind {
        /// Aliados II business plans (associations of 10–30 members).
        BusinessPlan => "business_plan",
        /// Aliados II community development projects (about 40 households).
        CommunityProject => "community_project",
        /// Haku Wiñay challenge funds for small local ventures.
        LocalVenture => "local_venture",
    }
);

coded!(
    /// Where a call stands: proposals are submitted only while it is open.
    CallStatus {
        Draft => "draft",
        Open => "open",
        Closed => "closed",
        Awarded => "awarded",
    }
);

coded!(
    /// The two phases of the rubric, as the Sierra Sur CLARs score them.
    Phase {
        Field => "field",
        Presentation => "presentation",
    }
);

coded!(
    /// The kinds of budget line a proposal has.
    BudgetCategory {
        Materials => "materials",
        TechnicalAssistance => "technical_assistance",
        Training => "training",
        Other => "other",
    }
);

coded!(
    /// The life of a proposal, from draft to closed.
    ProposalStatus {
        Draft => "draft",
        Submitted => "submitted",
        Viable => "viable",
        NotViable => "not_viable",
        Scored => "scored",
        Awarded => "awarded",
        NotAwarded => "not_awarded",
        InExecution => "in_execution",
        Closed => "closed",
    }
);

impl ProposalStatus {
    /// The moves a proposal may make. A submitted proposal may go back to draft for
    /// correction; every other move goes forward, and the end states have no way out.
    pub fn can_become(self, next: ProposalStatus) -> bool {
        use ProposalStatus::*;
        matches!(
            (self, next),
            (Draft, Submitted)
                | (Submitted, Draft)
                | (Submitted, Viable)
                | (Submitted, NotViable)
                | (Viable, Scored)
                | (Scored, Awarded)
                | (Scored, NotAwarded)
                | (Awarded, InExecution)
                | (InExecution, Closed)
        )
    }

    /// Funded: awarded, being carried out, or finished.
    pub fn is_funded(self) -> bool {
        matches!(
            self,
            ProposalStatus::Awarded | ProposalStatus::InExecution | ProposalStatus::Closed
        )
    }
}

coded!(
    /// The technicians' verdict on a submitted proposal.
    Verdict {
        Viable => "viable",
        NotViable => "not_viable",
    }
);

coded!(
    /// Why a CLAR member may not score a proposal.
    ConflictKind {
        /// The member belongs to the association.
        Member => "member",
        /// A relative of the member belongs to the association.
        Relative => "relative",
        Other => "other",
        /// Found by the program: the member (or their household) is on the member list.
        Detected => "detected",
    }
);

coded!(
    /// Is a funded venture still working when visited?
    VisitStatus {
        Operating => "operating",
        Struggling => "struggling",
        Stopped => "stopped",
    }
);

coded!(
    /// Where a disbursement tranche stands. A tranche that needs a CLAR progress review is
    /// released by that review before it can be paid.
    TrancheStatus {
        Planned => "planned",
        Released => "released",
        Paid => "paid",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_for_every_set() {
        for k in AssociationKind::ALL {
            assert_eq!(AssociationKind::from_code(k.code()), Some(*k));
        }
        for s in ProposalStatus::ALL {
            assert_eq!(ProposalStatus::from_code(s.code()), Some(*s));
        }
        for c in BudgetCategory::ALL {
            assert_eq!(BudgetCategory::from_code(c.code()), Some(*c));
        }
        assert_eq!(
            CallKind::from_code("business_plan"),
            Some(CallKind::BusinessPlan)
        );
        assert_eq!(CallKind::from_code("Business_plan"), None);
        assert_eq!(VisitStatus::ALL.len(), 3);
    }

    #[test]
    fn proposals_move_only_along_the_documented_path() {
        use ProposalStatus::*;
        assert!(Draft.can_become(Submitted));
        assert!(Submitted.can_become(Draft));
        assert!(Submitted.can_become(NotViable));
        assert!(Scored.can_become(NotAwarded));
        assert!(InExecution.can_become(Closed));
        assert!(!Draft.can_become(Viable));
        assert!(!Viable.can_become(Awarded));
        assert!(!NotViable.can_become(Submitted));
        assert!(!Closed.can_become(Draft));
        for s in ProposalStatus::ALL {
            assert!(!s.can_become(*s), "{s:?}");
        }
        assert!(Awarded.is_funded() && Closed.is_funded() && !Scored.is_funded());
    }
}
