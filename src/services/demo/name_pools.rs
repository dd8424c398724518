//! The word lists behind demo names: surnames, given names by generation and sex, and the
//! spellings the same name takes in different agencies' rosters.
//!
//! Lists are ordered from most to least common in the southern Andes; `names.rs` weights them
//! by rank, so a few surnames (Quispe, Huamán) fill whole communities while most are rare —
//! which is what record matching must weigh. Only data lives here; the lists are laid out by
//! hand (`rustfmt::skip`) so they stay readable.

/// Surnames, most common first (Quechua and Spanish, as found in Apurímac).
#[rustfmt::skip]
pub const SURNAMES: &[&str] = &[
    "Quispe", "Huamán", "Gutiérrez", "Huillca", "Taipe", "Pérez", "Sánchez", "Condori",
    "Palomino", "Cárdenas", "García", "Ccori", "Huaraca", "Mamani", "Alarcón", "Yauri",
    "Ccoyllo", "Ñahui", "Ccahuana", "Oscco", "Pariona", "Huachaca", "Altamirano", "Rojas",
    "Ramos", "Flores", "Contreras", "Vargas", "Navarro", "Mendoza", "Sullca", "Huayhua", "Pacco",
    "Cusi", "Huarcaya", "Yupanqui", "Chipana", "Ayquipa", "Tito", "Carrasco", "Ochoa",
    "Serrano", "Valenzuela", "Rivas", "Medina", "Salazar", "Ccasani", "Cconislla", "Ccopa",
    "Chalco", "Huancahuari", "Janampa", "Layme", "Limaco", "Mallma", "Misaico", "Ñaupa", "Oré",
    "Pillaca", "Pumayalli", "Quicaño", "Quintana", "Rimachi", "Sarmiento", "Soto", "Tello",
    "Trujillo", "Urbano", "Vivanco", "Yanqui", "Zúñiga", "Aguilar", "Allcca", "Anccasi", "Apaza",
    "Arone", "Ataucusi", "Auccapuri", "Bautista", "Cabrera", "Cansaya", "Carbajal", "Castro",
    "Ccallo", "Ccanccapa", "Ccente", "Ccollque", "Cervantes", "Chávez", "Chicchi",
    "Chuquichaico", "Coronado", "Cuba", "Cuadros", "Cusihuamán", "Durand", "Enciso", "Espinoza",
    "Fernández", "Gamboa", "Gómez", "Guillén", "Gonzales", "Hermoza", "Huamaní", "Huaylla",
    "Huanaco", "Huarhua", "Inca", "Jiménez", "Lapa", "León", "Llacctahuamán", "Llamocca",
    "Loayza", "López", "Mallqui", "Martínez", "Meneses", "Molina", "Montoya", "Muñoz",
    "Najarro", "Núñez", "Ñaccha", "Ortiz", "Pacheco", "Paucar", "Pedraza", "Peña", "Pichihua",
    "Quillca", "Ramírez", "Rodríguez", "Rupire", "Saavedra", "Sicha", "Solís", "Suárez", "Supa",
    "Tapia", "Torres", "Tupa", "Ucharima", "Umeres", "Vega", "Villa", "Yangali", "Yucra",
    "Zárate", "Ccapa", "Huallpa", "Tacuri", "Huancco", "Aroni", "Choque", "Ticona", "Ancco",
    "Chaupín", "Ccarhuas", "Mauricio", "Pumacayo", "Huayllani", "Pilco", "Ñaupari", "Cañari",
    "Ibáñez", "Yáñez", "Marcañaupa", "Astucuri", "Bellido", "Camasca", "Ccoicca", "Cjuno",
    "Curo", "Escalante", "Galindo", "Gallegos", "Hilario", "Huaccharaqui", "Ccoa",
    "Illanes", "Jurado", "Lliuya", "Lucas", "Maucaylle", "Merma", "Moreano", "Ninahuamán",
    "Orosco", "Pampañaupa", "Puma", "Quispecahuana", "Rivera", "Ruiz", "Samanez", "Sequeiros",
    "Sotomayor", "Taboada", "Toscano", "Uscamayta", "Vilcas", "Wamanñahui", "Yaranga",
];

/// Women's given names of people born before 1970.
#[rustfmt::skip]
pub const FEMALE_OLD: &[&str] = &[
    "María", "Juana", "Eulogia", "Saturnina", "Justina", "Gregoria", "Hilaria", "Primitiva",
    "Teodora", "Victoria", "Francisca", "Paulina", "Felícitas", "Agripina", "Asunción",
    "Bernardina", "Celestina", "Dionisia", "Emiliana", "Epifania", "Eustaquia", "Fortunata",
    "Genoveva", "Isidora", "Leocadia", "Marcelina", "Nicolasa", "Petronila", "Rosalía",
    "Sabina", "Silveria", "Tomasa", "Valentina", "Vicentina", "Zenobia", "Martina", "Antonia",
    "Cirila", "Damiana", "Basilia",
];

/// Women's given names of people born 1970–1994.
#[rustfmt::skip]
pub const FEMALE_MIDDLE: &[&str] = &[
    "María", "Rosa", "Carmen", "Juana", "Luz", "Norma", "Nelly", "Gladys", "Marleny", "Maribel",
    "Marisol", "Elizabeth", "Yolanda", "Lourdes", "Silvia", "Nancy", "Edith", "Hilda", "Sonia",
    "Flor", "Delia", "Ruth", "Rocío", "Irma", "Betty", "Vilma", "Yeny", "Lidia", "Ana",
    "Beatriz", "Janet", "Elena", "Teresa", "Julia", "Isabel", "Olga", "Zenaida", "Yanet",
    "Gloria", "Haydée", "Martha", "Eulogia", "Saturnina", "Ñusta",
];

/// Women's given names of people born since 1995.
#[rustfmt::skip]
pub const FEMALE_YOUNG: &[&str] = &[
    "Yeny", "Milagros", "Lizbeth", "Yudith", "Dayana", "Yesenia", "María", "Rocío", "Sheyla",
    "Yanina", "Kiara", "Mayra", "Nayeli", "Luz", "Valeria", "Camila", "Fiorella", "Jhoselyn",
    "Xiomara", "Shirley", "Yoselin", "Analí", "Brisa", "Mariela", "Lucero", "Sofía", "Ximena",
    "Abigail", "Gianela", "Roxana", "Yamilet", "Ñusta", "Killa", "Kantu", "Sisa", "Flor",
];

/// Men's given names of people born before 1970.
#[rustfmt::skip]
pub const MALE_OLD: &[&str] = &[
    "Juan", "José", "Jerónimo", "Teodoro", "Leoncio", "Gregorio", "Marcelino", "Saturnino",
    "Eusebio", "Florencio", "Hilario", "Justiniano", "Mariano", "Melquiades", "Nicanor",
    "Pascual", "Policarpo", "Tiburcio", "Valentín", "Celestino", "Cipriano", "Crisóstomo",
    "Damián", "Eleuterio", "Faustino", "Isidro", "Pedro", "Pablo", "Tomás", "Agustín",
    "Anselmo", "Basilio", "Benedicto", "Casimiro", "Demetrio", "Eugenio", "Fortunato",
    "Gumercindo", "Herminio", "Lucio",
];

/// Men's given names of people born 1970–1994.
#[rustfmt::skip]
pub const MALE_MIDDLE: &[&str] = &[
    "José", "Juan", "Wilber", "Edwin", "Edgar", "Wilfredo", "Efraín", "Rubén", "Alejandro",
    "Ciro", "Julio", "Carlos", "Víctor", "Hugo", "Raúl", "Fredy", "Nilo", "Mario", "Walter",
    "Félix", "Alberto", "Hernán", "Richard", "Elmer", "Vidal", "Abel", "Teófilo", "Fidel",
    "Máximo", "Percy", "Rolando", "Simeón", "Aurelio", "Jesús", "Luis", "Miguel", "Ángel",
    "Túpac", "Roberto", "Jerónimo",
];

/// Men's given names of people born since 1995.
#[rustfmt::skip]
pub const MALE_YOUNG: &[&str] = &[
    "Wilber", "Brayan", "Jhon", "Yhonatan", "Kevin", "Nilton", "Edison", "Alex", "Cristian",
    "Yerson", "Rusbel", "Deyvis", "Franklin", "Anderson", "Josué", "Milton", "Rony", "Elvis",
    "Gerson", "Ismael", "Luis", "Ángel", "Inti", "Túpac", "Amaru", "Kusi", "Yoel", "Jhordan",
    "Thiago", "Mateo", "Santiago", "Gael", "Dylan", "Jhair", "Royer", "Marco", "José",
];

/// Other spellings of a name met in rosters: Quechua against Hispanicised spelling, doubled
/// consonants, y/i and v/b. The first word is the spelling the registry uses.
#[rustfmt::skip]
pub const SPELLINGS: &[(&str, &[&str])] = &[
    ("Huamán", &["Waman", "Guamán"]),
    ("Quispe", &["Qespe", "Qquispe", "Quispi"]),
    ("Huillca", &["Willka", "Vilca", "Huilca"]),
    ("Ccori", &["Cori", "Qori", "Qqori"]),
    ("Condori", &["Kondori", "Cundori"]),
    ("Ccoyllo", &["Coyllo", "Qoyllu"]),
    ("Taipe", &["Taype"]),
    ("Yauri", &["Yawri"]),
    ("Ñahui", &["Ñawi"]),
    ("Huaraca", &["Waraka", "Guaraca"]),
    ("Ccahuana", &["Cahuana", "Qhawana"]),
    ("Huachaca", &["Wachaka"]),
    ("Cusi", &["Kusi", "Cussi"]),
    ("Huayhua", &["Wayhua", "Waywa"]),
    ("Pacco", &["Paco", "Paqo"]),
    ("Ccasani", &["Casani"]),
    ("Oscco", &["Osco"]),
    ("Huarcaya", &["Warcaya", "Huarcalla"]),
    ("Yupanqui", &["Yupanki"]),
    ("Sullca", &["Sulca", "Sullka"]),
    ("Cconislla", &["Conislla"]),
    ("Ccopa", &["Copa", "Qopa"]),
    ("Chalco", &["Challco"]),
    ("Ayquipa", &["Aiquipa"]),
    ("Gutiérrez", &["Gutierres"]),
    ("Sánchez", &["Sanches"]),
    ("Pérez", &["Peres"]),
    ("Cárdenas", &["Cardenaz"]),
    ("Gonzales", &["González"]),
    ("Huallpa", &["Wallpa", "Gualpa"]),
    ("Jerónimo", &["Gerónimo"]),
    ("Yeny", &["Yenny", "Jenny"]),
    ("Wilber", &["Wilver", "Wilbert"]),
    ("Jhon", &["John", "Yhon"]),
    ("Yudith", &["Judith"]),
    ("Yhonatan", &["Jhonatan", "Jonathan"]),
    ("Túpac", &["Tupaq", "Tupac"]),
    ("Yesenia", &["Jesenia"]),
    ("Brayan", &["Brian", "Braian"]),
];

/// Quechua words that begin the names of communities.
#[rustfmt::skip]
pub const PLACE_HEADS: &[&str] = &[
    "Huanta", "Chulli", "Champa", "Polto", "Pampa", "Ccollpa", "Huanca", "Lliupa", "Ñahuin",
    "Quilla", "Ccocha", "Rumi", "Hatun", "Uchuy", "Kishuar", "Ccasa", "Sonco", "Tambo",
    "Ccoto", "Chaupi", "Ccarhua", "Huayllay", "Puca", "Yana", "Kuntur", "Ayahuasi", "Chicmo",
    "Ccella", "Huanacu", "Llama", "Mollepata", "Ccochac", "Ccanta", "Sacha", "Ccarcca",
];

/// Quechua words that end the names of communities.
#[rustfmt::skip]
pub const PLACE_TAILS: &[&str] = &[
    "cocha", "bamba", "puquio", "pampa", "huasi", "marca", "chaca", "pata", "orcco", "ccasa",
    "huaylla", "sana", "tocha", "cancha", "huaycco", "rumi", "mayo", "llacta", "ccata",
];

/// Names of real communities of Andahuaylas, used first in each district.
#[rustfmt::skip]
pub const PLACE_NAMES: &[&str] = &[
    "Huantana", "Chullisana", "Champacocha", "Poltocha", "Pampahuasi", "Ccollpa",
    "Huancabamba", "Lliupapuquio", "Ñahuinpuquio", "Quillabamba", "Ccochaccasa", "Cotahuacho",
    "Pampamarca", "Huancas", "Chumbibamba", "Ccantupata", "Pulcay", "Ccaccce", "Manchaybamba",
    "Sacclaya", "Cupisa", "Huayrapata", "Totoral", "Choccecancha",
];

/// Spanish names of communities (saints, hopes), made unique with a Quechua tail.
#[rustfmt::skip]
pub const PLACE_SAINTS: &[&str] = &[
    "San Juan de", "Santa Rosa de", "San Martín de", "Nueva Esperanza de", "San Pedro de",
    "Virgen del Carmen de", "Santiago de", "San José de",
];
