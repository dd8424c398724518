//! The demo committee's words: agencies' offices and people, agenda topics, agreements
//! and notes, as a coordinator in Andahuaylas would write them (Spanish data, not interface
//! text).

/// A representative as (name, position).
pub(super) type Rep = (&'static str, &'static str);

/// (agency code, office address, phone, representatives)
pub(super) const AGENCIES: &[(&str, &str, &str, &[Rep])] = &[
    (
        "AGRORURAL",
        "Jr. Ramón Castilla 215, Andahuaylas",
        "083-421356",
        &[
            ("Juan Quispe Huamán", "Jefe de agencia zonal"),
            ("Marco Pillaca Ccoñislla", "Técnico agropecuario"),
        ],
    ),
    (
        "DRA",
        "Av. Perú 340, Andahuaylas",
        "083-421802",
        &[("Teresa Chipana Rojas", "Directora de agencia agraria")],
    ),
    (
        "FONCODES",
        "Jr. Juan Antonio Trelles 110, Andahuaylas",
        "083-422417",
        &[
            ("Rosa Huamán Cárdenas", "Coordinadora Haku Wiñay"),
            ("Hilario Ccorahua Quispe", "Yachachiq"),
        ],
    ),
    (
        "JUNTOS",
        "Jr. Constitución 525, Andahuaylas",
        "083-423090",
        &[("Elena Ccori Mendoza", "Gestora local")],
    ),
    (
        "SALUD",
        "Plaza de Armas s/n",
        "083-830112",
        &[("Dra. Carmen Palomino Vargas", "Jefa del centro de salud")],
    ),
    (
        "MUNI_PROV",
        "Av. Perú 235, Andahuaylas",
        "083-421038",
        &[("Wilber Serrano Ayquipa", "Gerente de desarrollo social")],
    ),
    (
        "MUNI_DIST",
        "Plaza de Armas s/n",
        "083-830045",
        &[
            ("Pedro Soto Huaccharaqui", "Alcalde"),
            ("Nélida Altamirano Oré", "Responsable de programas sociales"),
        ],
    ),
];

/// (topic, presenting agency)
pub(super) const TOPICS: &[(&str, &str)] = &[
    (
        "Avance de la campaña de sanidad de ovinos y alpacas",
        "AGRORURAL",
    ),
    ("Asistencia técnica duplicada en Huantana", "DRA"),
    (
        "Fondos concursables de Haku Wiñay: emprendimientos en marcha",
        "FONCODES",
    ),
    ("Cumplimiento de corresponsabilidades de Juntos", "JUNTOS"),
    (
        "Controles de crecimiento y desarrollo de menores de 3 años",
        "SALUD",
    ),
    ("Plan de riego tecnificado y caminos vecinales", "MUNI_PROV"),
    ("Cocinas mejoradas y vivienda saludable", "MUNI_DIST"),
    (
        "Semillas de papa nativa: entrega por encima de 3 500 m",
        "AGRORURAL",
    ),
];

/// (what is agreed, closing note when dropped)
pub(super) const AGREEMENTS: &[(&str, &str)] = &[
    (
        "Compartir el padrón actualizado de hogares con las demás instituciones",
        "Lo cubre el intercambio de padrones de Tinkuy",
    ),
    (
        "Visita conjunta a la comunidad de Chullisana",
        "La comunidad pidió postergarla",
    ),
    (
        "Un solo calendario de asistencia técnica para Huantana",
        "Se resolvió entre las dos agencias",
    ),
    (
        "Informar a las familias que Juntos solo tiene dos corresponsabilidades",
        "Se hará en la asamblea comunal",
    ),
    (
        "Coordinar la campaña de vacunación con el calendario de ferias",
        "La campaña se suspendió",
    ),
    (
        "Revisar los hogares con alerta de doble financiamiento",
        "Las alertas fueron descartadas",
    ),
    (
        "Presentar el avance del plan de riego de Champacocha",
        "Sin presupuesto este año",
    ),
    (
        "Taller de educación financiera para socias de Poltocha",
        "Lo asumió otra institución",
    ),
];

pub(super) const NOTES: &[&str] = &[
    "Se informó el avance; las instituciones hicieron preguntas y se aclararon las dudas.",
    "Hubo acuerdo en trabajar juntos en las comunidades más alejadas.",
    "Se pidió traer los padrones actualizados a la próxima reunión.",
    "La comunidad reclamó que las visitas no se coordinan entre instituciones.",
];
