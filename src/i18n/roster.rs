//! Texts of roster import and export: what is wrong with a row, a file, and what an import
//! did.

use super::{owned, Lang, Localize};
use crate::domain::ubigeo::UbigeoScheme;
use crate::services::roster::reader::ReadError;
use crate::services::roster::record::{Issue, Problem};
use std::borrow::Cow;

fn problem(p: &Problem, lang: Lang) -> Cow<'static, str> {
    let es = lang == Lang::Es;
    let text = match p {
        Problem::Missing => {
            if es { "falta el dato y es obligatorio".into() } else { "the value is missing and required".into() }
        }
        Problem::Dni(e) => e.text(lang).into_owned(),
        Problem::DniPadded => if es {
            "el DNI tenía 7 dígitos: se le agregó el cero inicial que la hoja de cálculo había quitado (revíselo)".into()
        } else {
            "the DNI had 7 digits: the leading zero a spreadsheet dropped was added back (check it)".into()
        },
        Problem::DniEmpty => if es { "sin DNI: no se podrá cruzar con otros padrones por DNI".into() } else { "no DNI: it cannot be matched with other rosters by DNI".into() },
        Problem::Name(e) => e.text(lang).into_owned(),
        Problem::Date(e) => e.text(lang).into_owned(),
        Problem::Sex(e) => e.text(lang).into_owned(),
        Problem::Sisfoh(e) => e.text(lang).into_owned(),
        Problem::Money(e) => e.text(lang).into_owned(),
        Problem::Ubigeo(e) => e.text(lang).into_owned(),
        Problem::UbigeoPadded => if es { "el UBIGEO tenía 5 dígitos: se le agregó el cero inicial".into() } else { "the UBIGEO had 5 digits: a leading zero was added".into() },
        Problem::UnknownDistrict { scheme } => match (scheme, es) {
            (UbigeoScheme::Inei, true) => "no hay un distrito con ese UBIGEO INEI; si el archivo usa códigos RENIEC, importe con --ubigeo-scheme reniec".into(),
            (UbigeoScheme::Inei, false) => "no district has that INEI UBIGEO; if the file uses RENIEC codes, import with --ubigeo-scheme reniec".into(),
            (UbigeoScheme::Reniec, true) => "no hay un distrito con ese código RENIEC; si el archivo usa códigos INEI, importe sin --ubigeo-scheme reniec".into(),
            (UbigeoScheme::Reniec, false) => "no district has that RENIEC code; if the file uses INEI codes, import without --ubigeo-scheme reniec".into(),
        },
        Problem::NotAWholeNumber => if es { "debe ser un número entero".into() } else { "must be a whole number".into() },
        Problem::OutOfRange { min, max } => if es { format!("debe estar entre {min} y {max}") } else { format!("must be between {min} and {max}") },
        Problem::UnknownProgramme => if es {
            "programa desconocido: use JUNTOS, HAKU_WINAY, AGRORURAL, ALIADOS_II u otro registrado".into()
        } else {
            "unknown programme: use JUNTOS, HAKU_WINAY, AGRORURAL, ALIADOS_II or another registered one".into()
        },
        Problem::OtherProgramme { expected } => if es {
            format!("esta fila es de otro programa; un padrón se importa por programa ({expected})")
        } else {
            format!("this row is of another programme; a roster is imported one programme at a time ({expected})")
        },
        Problem::UnknownActivity => if es { "actividad desconocida: use un código de actividad registrado (semillas, transferencia, …)".into() } else { "unknown activity: use a registered activity code (semillas, transferencia, …)".into() },
        Problem::DuplicateCode { first_row } => if es { format!("codigo_origen repetido: ya aparece en la fila {first_row}") } else { format!("repeated codigo_origen: it already appears in row {first_row}") },
        Problem::UnknownColumn => if es { "columna desconocida: se ignora".into() } else { "unknown column: ignored".into() },
        Problem::MissingColumn => if es { "falta esta columna obligatoria en el encabezado".into() } else { "this required column is missing from the header".into() },
    };
    owned(text)
}

impl Localize for Problem {
    fn es(&self) -> Cow<'static, str> {
        problem(self, Lang::Es)
    }
    fn en(&self) -> Cow<'static, str> {
        problem(self, Lang::En)
    }
}

impl Localize for Issue {
    fn es(&self) -> Cow<'static, str> {
        owned(format!(
            "fila {}, columna {}, valor «{}»: {}",
            self.row,
            self.column,
            self.value,
            self.problem.es()
        ))
    }
    fn en(&self) -> Cow<'static, str> {
        owned(format!(
            "row {}, column {}, value “{}”: {}",
            self.row,
            self.column,
            self.value,
            self.problem.en()
        ))
    }
}

impl Localize for ReadError {
    fn es(&self) -> Cow<'static, str> {
        owned(match self {
            ReadError::Io { path, source } => format!("No se pudo leer {} ({source}). Revise que exista y que no esté abierto en otro programa.", path.display()),
            ReadError::Empty { path } => format!("{} está vacío: no hay nada que importar.", path.display()),
            ReadError::NotASpreadsheet { path } => format!("{} no es una hoja de cálculo: guárdelo como CSV o Excel (.xlsx) y vuelva a intentar.", path.display()),
            ReadError::Workbook { path, detail } => format!("No se pudo abrir el libro de Excel {} ({detail}). Ábralo en Excel y guárdelo de nuevo como .xlsx.", path.display()),
            ReadError::NoSuchSheet { sheet, available } => format!("El libro no tiene una hoja llamada «{sheet}». Hojas: {available}."),
            ReadError::Csv { line, detail } => format!("El CSV está mal formado en la línea {line} ({detail})."),
            ReadError::NoHeader => "El archivo no tiene fila de encabezados.".into(),
            ReadError::TooManyRows { max } => format!("El archivo tiene más de {max} filas: divídalo en partes más pequeñas."),
            ReadError::TooBigWorkbook { megabytes } => format!("El libro de Excel se descomprime en {megabytes} MB: es demasiado grande para un padrón (o está dañado). Guárdelo como CSV o divídalo."),
            ReadError::LineTooLong { max } => format!("El archivo tiene una línea de más de {max} bytes: no es un padrón en CSV (¿falta el salto de línea?)."),
        })
    }
    fn en(&self) -> Cow<'static, str> {
        owned(match self {
            ReadError::Io { path, source } => format!("Could not read {} ({source}). Check it exists and is not open in another program.", path.display()),
            ReadError::Empty { path } => format!("{} is empty: there is nothing to import.", path.display()),
            ReadError::NotASpreadsheet { path } => format!("{} is not a spreadsheet: save it as CSV or Excel (.xlsx) and try again.", path.display()),
            ReadError::Workbook { path, detail } => format!("Could not open the Excel workbook {} ({detail}). Open it in Excel and save it again as .xlsx.", path.display()),
            ReadError::NoSuchSheet { sheet, available } => format!("The workbook has no sheet named “{sheet}”. Sheets: {available}."),
            ReadError::Csv { line, detail } => format!("The CSV is malformed at line {line} ({detail})."),
            ReadError::NoHeader => "The file has no header row.".into(),
            ReadError::TooManyRows { max } => format!("The file has more than {max} rows: split it into smaller parts."),
            ReadError::TooBigWorkbook { megabytes } => format!("The Excel workbook unpacks to {megabytes} MB: too big for a roster (or damaged). Save it as CSV or split it."),
            ReadError::LineTooLong { max } => format!("The file has a line longer than {max} bytes: it is not a CSV roster (missing line breaks?)."),
        })
    }
}

impl Localize for crate::domain::forms::FieldProblem {
    fn es(&self) -> Cow<'static, str> {
        field_problem(self, Lang::Es)
    }
    fn en(&self) -> Cow<'static, str> {
        field_problem(self, Lang::En)
    }
}

fn field_problem(p: &crate::domain::forms::FieldProblem, lang: Lang) -> Cow<'static, str> {
    use crate::domain::forms::FieldProblem as F;
    let es = lang == Lang::Es;
    match p {
        F::Required => {
            if es {
                "Este dato es obligatorio.".into()
            } else {
                "This field is required.".into()
            }
        }
        F::Dni(e) => e.text(lang),
        F::Name(e) => e.text(lang),
        F::Date(e) => e.text(lang),
        F::Sex(e) => e.text(lang),
        F::Sisfoh(e) => e.text(lang),
        F::Money(e) => e.text(lang),
        F::NotAWholeNumber => {
            if es {
                "Escriba un número entero, sin puntos ni letras.".into()
            } else {
                "Type a whole number, without dots or letters.".into()
            }
        }
        F::EndBeforeStart => {
            if es {
                "La fecha de término no puede ser anterior a la de inicio.".into()
            } else {
                "The end date cannot be before the start date.".into()
            }
        }
    }
}

impl Localize for crate::domain::forms::FieldErrors {
    fn es(&self) -> Cow<'static, str> {
        owned(
            self.0
                .iter()
                .map(|(f, p)| format!("{f}: {}", p.es()))
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
    fn en(&self) -> Cow<'static, str> {
        owned(
            self.0
                .iter()
                .map(|(f, p)| format!("{f}: {}", p.en()))
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
}
