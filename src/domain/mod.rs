//! Plain types and validation rules of the domain. No I/O, no SQL, no terminal.

pub mod clar;
pub mod committee;
pub mod dates;
pub mod dni;
pub mod forms;
pub mod money;
pub mod names;
pub mod role;
pub mod sex;
pub mod sisfoh;
pub mod ubigeo;
