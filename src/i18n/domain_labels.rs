//! Display names of the domain's closed sets: roles, SISFOH classes, sex, parts of a name.

use super::Localize;
use crate::domain::names::NamePart;
use crate::domain::role::Role;
use crate::domain::sex::Sex;
use crate::domain::sisfoh::SisfohClass;
use std::borrow::Cow;

impl Localize for Role {
    fn es(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Role::Admin => "Administrador",
            Role::Registrador => "Registrador",
            Role::MiembroClar => "Miembro del CLAR",
            Role::Coordinador => "Coordinador",
            Role::Consulta => "Consulta",
        })
    }

    fn en(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Role::Admin => "Administrator",
            Role::Registrador => "Registrar",
            Role::MiembroClar => "CLAR member",
            Role::Coordinador => "Coordinator",
            Role::Consulta => "Read-only",
        })
    }
}

impl Localize for SisfohClass {
    fn es(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            SisfohClass::PobreExtremo => "Pobre extremo",
            SisfohClass::Pobre => "Pobre",
            SisfohClass::NoPobre => "No pobre",
        })
    }

    fn en(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            SisfohClass::PobreExtremo => "Extreme poor",
            SisfohClass::Pobre => "Poor",
            SisfohClass::NoPobre => "Not poor",
        })
    }
}

impl Localize for Sex {
    fn es(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Sex::F => "Femenino",
            Sex::M => "Masculino",
        })
    }

    fn en(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Sex::F => "Female",
            Sex::M => "Male",
        })
    }
}

impl Localize for NamePart {
    fn es(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            NamePart::Paternal => "Apellido paterno",
            NamePart::Maternal => "Apellido materno",
            NamePart::Given => "Nombres",
        })
    }

    fn en(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            NamePart::Paternal => "Paternal surname",
            NamePart::Maternal => "Maternal surname",
            NamePart::Given => "Given names",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn role_names() {
        let es: Vec<_> = Role::ALL.iter().map(|r| r.text(Lang::Es)).collect();
        assert_eq!(
            es,
            [
                "Administrador",
                "Registrador",
                "Miembro del CLAR",
                "Coordinador",
                "Consulta"
            ]
        );
        assert_eq!(Role::MiembroClar.text(Lang::En), "CLAR member");
    }

    #[test]
    fn other_labels() {
        assert_eq!(SisfohClass::PobreExtremo.es(), "Pobre extremo");
        assert_eq!(SisfohClass::NoPobre.en(), "Not poor");
        assert_eq!(Sex::F.es(), "Femenino");
        assert_eq!(Sex::M.en(), "Male");
        assert_eq!(NamePart::Given.es(), "Nombres");
        assert_eq!(NamePart::Maternal.en(), "Maternal surname");
    }
}
