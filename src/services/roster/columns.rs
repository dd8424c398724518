//! The columns of the roster format (`shared/formats/ROSTER.md`) and how headers written by
//! real agencies map onto them: case, accents, spaces, dots and underscores are ignored, and
//! common aliases are accepted.

use crate::domain::names::fold_key;

/// A column of the roster format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    CodigoOrigen,
    Programa,
    Hogar,
    Dni,
    ApellidoPaterno,
    ApellidoMaterno,
    Nombres,
    FechaNacimiento,
    Sexo,
    Ubigeo,
    CentroPoblado,
    ClasificacionSisfoh,
    FechaAlta,
    Actividad,
    Monto,
    AltitudMsnm,
    CabezasGanado,
}

impl Column {
    /// Every column, in the order of the format (and of exports).
    pub const ALL: [Column; 17] = [
        Column::CodigoOrigen,
        Column::Programa,
        Column::Hogar,
        Column::Dni,
        Column::ApellidoPaterno,
        Column::ApellidoMaterno,
        Column::Nombres,
        Column::FechaNacimiento,
        Column::Sexo,
        Column::Ubigeo,
        Column::CentroPoblado,
        Column::ClasificacionSisfoh,
        Column::FechaAlta,
        Column::Actividad,
        Column::Monto,
        Column::AltitudMsnm,
        Column::CabezasGanado,
    ];

    /// The header as the format writes it.
    pub fn name(self) -> &'static str {
        match self {
            Column::CodigoOrigen => "codigo_origen",
            Column::Programa => "programa",
            Column::Hogar => "hogar",
            Column::Dni => "dni",
            Column::ApellidoPaterno => "apellido_paterno",
            Column::ApellidoMaterno => "apellido_materno",
            Column::Nombres => "nombres",
            Column::FechaNacimiento => "fecha_nacimiento",
            Column::Sexo => "sexo",
            Column::Ubigeo => "ubigeo",
            Column::CentroPoblado => "centro_poblado",
            Column::ClasificacionSisfoh => "clasificacion_sisfoh",
            Column::FechaAlta => "fecha_alta",
            Column::Actividad => "actividad",
            Column::Monto => "monto",
            Column::AltitudMsnm => "altitud_msnm",
            Column::CabezasGanado => "cabezas_ganado",
        }
    }

    /// Columns without which a row means nothing. `programa` may come from the command line.
    pub fn is_required(self) -> bool {
        matches!(
            self,
            Column::CodigoOrigen | Column::ApellidoPaterno | Column::Nombres | Column::Ubigeo
        )
    }

    /// Accepted spellings, already in [`header_key`] form.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::CodigoOrigen => &[
                "CODIGOORIGEN",
                "CODIGO",
                "COD",
                "CODORIGEN",
                "ID",
                "IDREGISTRO",
                "CODIGOREGISTRO",
                "NREGISTRO",
            ],
            Column::Programa => &["PROGRAMA", "PROGRAMACODIGO", "CODPROGRAMA", "PROGRAMME"],
            Column::Hogar => &["HOGAR", "CODHOGAR", "CODIGOHOGAR", "IDHOGAR", "HOGARCODIGO"],
            Column::Dni => &[
                "DNI",
                "DNITITULAR",
                "NUMERODNI",
                "NRODNI",
                "NDNI",
                "DOCUMENTO",
                "NUMERODOCUMENTO",
                "NRODOCUMENTO",
                "DNIBENEFICIARIO",
            ],
            Column::ApellidoPaterno => &[
                "APELLIDOPATERNO",
                "APPATERNO",
                "APEPATERNO",
                "PATERNO",
                "PRIMERAPELLIDO",
            ],
            Column::ApellidoMaterno => &[
                "APELLIDOMATERNO",
                "APMATERNO",
                "APEMATERNO",
                "MATERNO",
                "SEGUNDOAPELLIDO",
            ],
            Column::Nombres => &["NOMBRES", "NOMBRE", "PRENOMBRES", "NOMBRESCOMPLETOS"],
            Column::FechaNacimiento => &[
                "FECHANACIMIENTO",
                "FECHADENACIMIENTO",
                "FECNAC",
                "FNACIMIENTO",
                "NACIMIENTO",
                "FECHANAC",
            ],
            Column::Sexo => &["SEXO", "GENERO"],
            Column::Ubigeo => &[
                "UBIGEO",
                "UBIGEOINEI",
                "CODUBIGEO",
                "CODIGOUBIGEO",
                "UBIGEODISTRITO",
            ],
            Column::CentroPoblado => &[
                "CENTROPOBLADO",
                "CCPP",
                "COMUNIDAD",
                "LOCALIDAD",
                "CENTROPOBLADOCOMUNIDAD",
                "CP",
            ],
            Column::ClasificacionSisfoh => &[
                "CLASIFICACIONSISFOH",
                "SISFOH",
                "CLASIFICACION",
                "CSE",
                "CLASIFICACIONSOCIOECONOMICA",
            ],
            Column::FechaAlta => &[
                "FECHAALTA",
                "FECHADEALTA",
                "FECHAAFILIACION",
                "FECHADEAFILIACION",
                "FECHAINGRESO",
                "ALTA",
            ],
            Column::Actividad => &["ACTIVIDAD", "BENEFICIO", "INTERVENCION", "TIPOACTIVIDAD"],
            Column::Monto => &["MONTO", "IMPORTE", "MONTOS", "MONTOSOLES", "VALOR"],
            Column::AltitudMsnm => &["ALTITUDMSNM", "ALTITUD", "MSNM", "ALTURA", "ALTITUDM"],
            Column::CabezasGanado => &[
                "CABEZASGANADO",
                "CABEZASDEGANADO",
                "GANADO",
                "NCABEZAS",
                "NUMEROCABEZAS",
                "HATO",
            ],
        }
    }
}

/// A header folded for comparison: upper case, no accents, no spaces, dots, dashes,
/// underscores or other punctuation (`Ap. Paterno` → `APPATERNO`, `N°` → `N`).
pub fn header_key(header: &str) -> String {
    fold_key(header)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

/// The column a header names, if any.
pub fn recognise(header: &str) -> Option<Column> {
    let key = header_key(header);
    if key.is_empty() {
        return None;
    }
    Column::ALL
        .into_iter()
        .find(|c| c.aliases().contains(&key.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_formats_own_names_are_recognised() {
        for column in Column::ALL {
            assert_eq!(recognise(column.name()), Some(column), "{}", column.name());
        }
    }

    #[test]
    fn aliases_from_real_spreadsheets_are_recognised() {
        assert_eq!(recognise("APELLIDO PATERNO"), Some(Column::ApellidoPaterno));
        assert_eq!(recognise("Ap. Paterno"), Some(Column::ApellidoPaterno));
        assert_eq!(recognise("DNI TITULAR"), Some(Column::Dni));
        assert_eq!(
            recognise("FECHA DE NACIMIENTO"),
            Some(Column::FechaNacimiento)
        );
        assert_eq!(recognise("Centro Poblado"), Some(Column::CentroPoblado));
        assert_eq!(recognise("CCPP"), Some(Column::CentroPoblado));
        assert_eq!(recognise("Código_Origen"), Some(Column::CodigoOrigen));
        assert_eq!(
            recognise("\u{feff}codigo_origen"),
            Some(Column::CodigoOrigen)
        );
        assert_eq!(
            recognise("Clasificación SISFOH"),
            Some(Column::ClasificacionSisfoh)
        );
    }

    #[test]
    fn unknown_and_empty_headers_are_not_guessed() {
        assert_eq!(recognise("observaciones"), None);
        assert_eq!(recognise(""), None);
        assert_eq!(recognise("..."), None);
    }
}
