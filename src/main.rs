//! The `tinkuy` program: the command line, or with no subcommand the terminal interface.

fn main() {
    restore_sigpipe();
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let code = match tinkuy::cli::run(argv) {
        tinkuy::cli::Parsed::Done(code) => code,
        tinkuy::cli::Parsed::Tui { db, lang } => tinkuy::tui::run(&db, lang),
    };
    std::process::exit(code);
}

/// `tinkuy ... | head` should stop quietly when `head` has read enough, as Unix tools do,
/// instead of panicking on a closed pipe (Rust ignores SIGPIPE by default).
#[cfg(unix)]
fn restore_sigpipe() {
    // SAFETY: setting a signal's disposition to its default at start-up, before any thread
    // exists, has no preconditions.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
fn restore_sigpipe() {}
