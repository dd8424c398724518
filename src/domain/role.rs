//! The roles a user account can have, and what each may do.
//!
//! The core enforces these predicates on every read and write; the interfaces only use them to
//! hide what a user cannot do. Personal data (DNIs, birth dates) is shown unmasked only to roles
//! that register or coordinate; `consulta` may read person lists with DNIs masked; a CLAR member
//! sees proposals to score, not the registry.

use super::names::code_key;
use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Admin,
    Registrador,
    MiembroClar,
    Coordinador,
    Consulta,
}

/// Why a text is not a role.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RoleError {
    #[error("the role is empty")]
    Empty,
    #[error(
        "role {value:?} is not one of admin, registrador, miembro_clar, coordinador, consulta"
    )]
    Unknown { value: String },
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Registrador,
        Role::MiembroClar,
        Role::Coordinador,
        Role::Consulta,
    ];

    /// The stored code: `admin`, `registrador`, `miembro_clar`, `coordinador`, `consulta`.
    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Registrador => "registrador",
            Role::MiembroClar => "miembro_clar",
            Role::Coordinador => "coordinador",
            Role::Consulta => "consulta",
        }
    }

    /// Reads a code or the Spanish name (`Administrador`, `Miembro del CLAR`), in any case.
    pub fn parse(raw: &str) -> Result<Role, RoleError> {
        match code_key(raw).as_str() {
            "" if raw.trim().is_empty() => Err(RoleError::Empty),
            "ADMIN" | "ADMINISTRADOR" => Ok(Role::Admin),
            "REGISTRADOR" => Ok(Role::Registrador),
            "MIEMBROCLAR" | "MIEMBRODELCLAR" => Ok(Role::MiembroClar),
            "COORDINADOR" => Ok(Role::Coordinador),
            "CONSULTA" => Ok(Role::Consulta),
            _ => Err(RoleError::Unknown {
                value: raw.trim().to_string(),
            }),
        }
    }

    /// May add and change households, persons, rosters and enrolments.
    pub fn can_write_registry(self) -> bool {
        matches!(self, Role::Admin | Role::Registrador)
    }

    /// May see person lists (with DNIs masked unless [`Role::can_read_personal_data`]).
    pub fn can_read_registry(self) -> bool {
        !matches!(self, Role::MiembroClar)
    }

    /// May see DNIs and birth dates unmasked.
    pub fn can_read_personal_data(self) -> bool {
        matches!(self, Role::Admin | Role::Registrador | Role::Coordinador)
    }

    /// May create accounts and change roles.
    pub fn can_manage_users(self) -> bool {
        matches!(self, Role::Admin)
    }

    /// May see CLAR calls, proposals, sessions and results. A CLAR member sees only the
    /// sessions they sit on, through reviewer mode.
    pub fn can_read_clar(self) -> bool {
        !matches!(self, Role::MiembroClar)
    }

    /// May set up CLAR calls, proposals and sessions.
    pub fn can_write_clar(self) -> bool {
        matches!(self, Role::Admin | Role::Registrador)
    }

    /// May score proposals in a CLAR session: only CLAR members, never staff.
    pub fn can_score_clar(self) -> bool {
        matches!(self, Role::MiembroClar)
    }

    /// May keep the multisector committee's agenda, attendance and agreements.
    pub fn can_write_committee(self) -> bool {
        matches!(self, Role::Admin | Role::Coordinador)
    }

    /// May review and resolve overlap flags.
    pub fn can_work_flags(self) -> bool {
        matches!(self, Role::Admin | Role::Registrador | Role::Coordinador)
    }

    /// May change nothing at all.
    pub fn is_read_only(self) -> bool {
        matches!(self, Role::Consulta)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Role::*;

    fn holders(pred: fn(Role) -> bool) -> Vec<Role> {
        Role::ALL.into_iter().filter(|&r| pred(r)).collect()
    }

    #[test]
    fn codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.code()), Ok(role));
        }
        assert_eq!(MiembroClar.code(), "miembro_clar");
    }

    #[test]
    fn reads_names_in_any_case() {
        assert_eq!(Role::parse(" ADMIN "), Ok(Admin));
        assert_eq!(Role::parse("Administrador"), Ok(Admin));
        assert_eq!(Role::parse("Miembro del CLAR"), Ok(MiembroClar));
        assert_eq!(Role::parse("miembro-clar"), Ok(MiembroClar));
        assert_eq!(Role::parse("Coordinador"), Ok(Coordinador));
        assert_eq!(Role::parse("consulta"), Ok(Consulta));
    }

    #[test]
    fn rejects_unknown_and_empty() {
        assert_eq!(Role::parse(""), Err(RoleError::Empty));
        assert_eq!(
            Role::parse(" root "),
            Err(RoleError::Unknown {
                value: "root".into()
            })
        );
    }

    #[test]
    fn permission_table() {
        assert_eq!(holders(Role::can_write_registry), [Admin, Registrador]);
        assert_eq!(
            holders(Role::can_read_registry),
            [Admin, Registrador, Coordinador, Consulta]
        );
        assert_eq!(
            holders(Role::can_read_personal_data),
            [Admin, Registrador, Coordinador]
        );
        assert_eq!(holders(Role::can_manage_users), [Admin]);
        assert_eq!(holders(Role::can_write_clar), [Admin, Registrador]);
        assert_eq!(
            holders(Role::can_read_clar),
            [Admin, Registrador, Coordinador, Consulta]
        );
        assert_eq!(holders(Role::can_score_clar), [MiembroClar]);
        assert_eq!(holders(Role::can_write_committee), [Admin, Coordinador]);
        assert_eq!(
            holders(Role::can_work_flags),
            [Admin, Registrador, Coordinador]
        );
        assert_eq!(holders(Role::is_read_only), [Consulta]);
    }

    #[test]
    fn read_only_role_can_write_nothing() {
        let writes: [fn(Role) -> bool; 6] = [
            Role::can_write_registry,
            Role::can_manage_users,
            Role::can_write_clar,
            Role::can_score_clar,
            Role::can_write_committee,
            Role::can_work_flags,
        ];
        assert!(writes.iter().all(|w| !w(Consulta)));
        assert!(!Consulta.can_read_personal_data());
        assert!(Consulta.can_read_registry());
    }
}
