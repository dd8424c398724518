//! The `tinkuy` program: the command line, or with no subcommand the terminal interface.

fn main() {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let code = match tinkuy::cli::run(argv) {
        tinkuy::cli::Parsed::Done(code) => code,
        tinkuy::cli::Parsed::Tui { db, lang } => tinkuy::tui::run(&db, lang),
    };
    std::process::exit(code);
}
