//! The two bottom lines: who and where (database, user and role, language), then the keys of
//! the current screen. A notice (such as "the language could not be saved") takes the first
//! line's place until the next key.

use crate::domain::role::Role;
use crate::i18n::{Lang, Localize, Tui};
use crate::tui::keymap::Hint;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The signed-in user, as the status line shows them.
pub struct User<'a> {
    pub username: &'a str,
    pub role: Role,
}

pub struct StatusBar<'a> {
    pub db_path: &'a str,
    pub user: Option<User<'a>>,
    pub lang: Lang,
    pub hints: Vec<Hint>,
    pub notice: Option<String>,
    pub theme: &'a Theme,
}

const SEPARATOR: &str = " │ ";
/// The shortest cut of the database path still worth showing with the labels.
const PATH_MIN: usize = 16;

impl Widget for &StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        let info = Rect::new(area.x, area.y, area.width, 1);
        buf.set_style(info, self.theme.status);
        let line = match &self.notice {
            Some(notice) => Line::styled(format!(" {notice}"), self.theme.status),
            None => Line::styled(self.info_text(usize::from(area.width)), self.theme.status),
        };
        line.render(info, buf);
        if area.height > 1 {
            let hints = Rect::new(area.x, area.y + 1, area.width, 1);
            self.hints_line(usize::from(area.width)).render(hints, buf);
        }
    }
}

impl StatusBar<'_> {
    /// ` BD: …/tinkuy.db │ Usuario: ana (Administrador) │ Idioma: Español`, the path cut from
    /// the left to fit: its end (the file name) is what tells databases apart. When even that
    /// leaves the path too little room, the labels go (` …/tinkuy.db │ ana (Administrador) │
    /// Español`), so the user and the language are never cut.
    fn info_text(&self, width: usize) -> String {
        let lang = self.lang;
        let user = match &self.user {
            Some(u) => format!("{} ({})", u.username, u.role.text(lang)),
            None => "—".to_string(),
        };
        let labelled = (
            format!(" {} ", Tui::StatusDatabase.text(lang)),
            format!(
                "{SEPARATOR}{} {user}{SEPARATOR}{} {}",
                Tui::StatusUser.text(lang),
                Tui::StatusLanguage.text(lang),
                Tui::LanguageName.text(lang)
            ),
        );
        let bare = (
            " ".to_string(),
            format!(
                "{SEPARATOR}{user}{SEPARATOR}{}",
                Tui::LanguageName.text(lang)
            ),
        );
        let path_len = self.db_path.chars().count();
        let room = |(head, tail): &(String, String)| {
            width.saturating_sub(head.chars().count() + tail.chars().count())
        };
        let (head, tail) = if room(&labelled) >= path_len.min(PATH_MIN) {
            labelled
        } else {
            bare
        };
        let path = shorten_path(self.db_path, room(&(head.clone(), tail.clone())).max(1));
        format!("{head}{path}{tail}")
    }

    /// Hints that fit the width, whole: one cut in half would read as a different key. Help
    /// and quit keep their place; the others are taken in order while room remains.
    fn hints_line(&self, width: usize) -> Line<'static> {
        let needed = |hint: &Hint| hint.keys.chars().count() + 1 + hint.label.chars().count() + 2;
        let kept: usize = self.hints.iter().filter(|h| h.keep).map(needed).sum();
        let mut spans = vec![Span::raw(" ")];
        let mut used = 1 + kept;
        let mut full = kept + 1 > width;
        for hint in &self.hints {
            if hint.keep && kept + 1 > width {
                continue;
            }
            if !hint.keep {
                // The first hint that does not fit ends the others: they are most used first.
                full = full || used + needed(hint) > width;
                if full {
                    continue;
                }
                used += needed(hint);
            }
            spans.push(Span::styled(hint.keys.clone(), self.theme.key));
            spans.push(Span::raw(format!(" {}  ", hint.label)));
        }
        Line::from(spans)
    }
}

/// Fits a path into `width` characters by replacing its beginning with `…`, cutting at a
/// folder separator when one is near, so `/home/ana/.local/share/tinkuy/tinkuy.db` becomes
/// `…/share/tinkuy/tinkuy.db` rather than `…re/tinkuy/tinkuy.db`.
pub fn shorten_path(path: &str, width: usize) -> String {
    let chars: Vec<char> = path.chars().collect();
    if chars.len() <= width {
        return path.to_string();
    }
    let keep = width.saturating_sub(1);
    let tail = &chars[chars.len() - keep..];
    let at_separator = tail
        .iter()
        .position(|&c| c == '/' || c == '\\')
        .filter(|&i| i + 1 < tail.len());
    let tail: String = match at_separator {
        Some(i) => tail[i..].iter().collect(),
        None => tail.iter().collect(),
    };
    format!("…{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(width: usize) -> String {
        let theme = Theme::plain();
        let bar = StatusBar {
            db_path: "/home/ana/.local/share/tinkuy/tinkuy.db",
            user: Some(User {
                username: "ana",
                role: Role::Admin,
            }),
            lang: Lang::Es,
            hints: Vec::new(),
            notice: None,
            theme: &theme,
        };
        bar.info_text(width)
    }

    #[test]
    fn a_narrow_status_line_drops_labels_before_cutting_the_user_or_language() {
        assert_eq!(
            bar(80),
            " BD: …/share/tinkuy/tinkuy.db │ Usuario: ana (Administrador) │ Idioma: Español"
        );
        assert_eq!(
            bar(60),
            " …/share/tinkuy/tinkuy.db │ ana (Administrador) │ Español"
        );
    }

    #[test]
    fn shortens_a_path_at_a_folder() {
        let path = "/home/ana/.local/share/tinkuy/tinkuy.db";
        assert_eq!(shorten_path(path, 60), path);
        assert_eq!(shorten_path(path, 25), "…/share/tinkuy/tinkuy.db");
        assert_eq!(shorten_path(path, 8), "…nkuy.db");
    }
}
