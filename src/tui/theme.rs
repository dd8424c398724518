//! Colours and emphasis, in one place, so the plain variant (for `NO_COLOR`, and for terminals
//! that show colours badly) is a second value of the same struct rather than a scatter of `if`s.
//!
//! The coloured theme uses only the 16 basic ANSI colours: old PCs, PuTTY and the Windows
//! console over SSH all show those the same way. The plain theme uses no colour at all and marks
//! focus and selection with reverse video and bold, which every terminal has.

use ratatui::style::{Color, Modifier, Style};

/// Whether the theme may use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    Coloured,
    Plain,
}

/// Every style the interface draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub palette: Palette,
    /// The top line: application name and the area tabs.
    pub header: Style,
    /// The tab of the area on screen.
    pub tab_active: Style,
    /// Titles of boxes and screens.
    pub title: Style,
    /// A text field without focus.
    pub field: Style,
    /// The text field or button that has the focus.
    pub focus: Style,
    /// The selected row of a table.
    pub selected: Style,
    /// A message about something wrong.
    pub error: Style,
    /// A message about something that went well.
    pub success: Style,
    /// Secondary text: hints under fields, empty states.
    pub muted: Style,
    /// Figures the eye should find first.
    pub figure: Style,
    /// The filled part of a bar in a chart.
    pub bar: Style,
    /// The status line (database, user, language).
    pub status: Style,
    /// The key names in the hints line.
    pub key: Style,
    /// The frame of overlays, so they stand out from the screen below.
    pub overlay_border: Style,
}

impl Theme {
    /// Plain when the `NO_COLOR` convention asks for it (set and not empty), coloured otherwise.
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(value) if !value.is_empty() => Theme::plain(),
            _ => Theme::coloured(),
        }
    }

    pub fn coloured() -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            palette: Palette::Coloured,
            header: Style::new().fg(Color::White).bg(Color::Blue),
            tab_active: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(bold),
            title: Style::new().fg(Color::Cyan).add_modifier(bold),
            field: Style::new().fg(Color::White).bg(Color::DarkGray),
            focus: Style::new().fg(Color::Black).bg(Color::Cyan),
            selected: Style::new().fg(Color::Black).bg(Color::Cyan),
            error: Style::new().fg(Color::LightRed).add_modifier(bold),
            success: Style::new().fg(Color::LightGreen),
            muted: Style::new().fg(Color::Gray),
            figure: Style::new().fg(Color::Yellow).add_modifier(bold),
            bar: Style::new().fg(Color::Cyan),
            status: Style::new().fg(Color::White).bg(Color::Blue),
            key: Style::new().fg(Color::Yellow).add_modifier(bold),
            overlay_border: Style::new().fg(Color::Yellow),
        }
    }

    pub fn plain() -> Theme {
        let none = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        Theme {
            palette: Palette::Plain,
            header: reversed,
            tab_active: none.add_modifier(Modifier::BOLD),
            title: bold,
            field: Style::new().add_modifier(Modifier::UNDERLINED),
            focus: reversed,
            selected: reversed,
            error: bold,
            success: none,
            muted: none,
            figure: bold,
            bar: none,
            status: reversed,
            key: bold,
            overlay_border: none,
        }
    }

    /// The character a bar is drawn with: a solid block in colour, `#` in plain text so the
    /// chart still reads on a terminal whose font lacks block characters.
    pub fn bar_char(&self) -> char {
        match self.palette {
            Palette::Coloured => '█',
            Palette::Plain => '#',
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plain_theme_has_no_colour_anywhere() {
        let t = Theme::plain();
        let styles = [
            t.header,
            t.tab_active,
            t.title,
            t.field,
            t.focus,
            t.selected,
            t.error,
            t.success,
            t.muted,
            t.figure,
            t.bar,
            t.status,
            t.key,
            t.overlay_border,
        ];
        for style in styles {
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
        }
        assert_eq!(t.bar_char(), '#');
    }
}
