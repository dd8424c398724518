//! A small document model (headings, fields, tables, paragraphs, signature lines) and its
//! three renderings: Markdown, plain text for an 80-column screen or printer, and a printable
//! self-contained HTML page. The acta is composed once as blocks, so the three formats always
//! say the same thing. Pure string building: no I/O.

/// One block of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Title(String),
    Subtitle(String),
    Heading(String),
    Subheading(String),
    /// Label and value pairs.
    Fields(Vec<(String, String)>),
    Table(Table),
    Paragraph(String),
    /// (name, what they represent), one signature line each.
    Signatures(Vec<(String, String)>),
    Footer(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Columns aligned to the right (numbers, amounts).
    pub right: Vec<bool>,
}

/// Markdown (GitHub tables).
pub fn markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Title(t) => out.push_str(&format!("# {t}\n\n")),
            Block::Subtitle(t) => out.push_str(&format!("**{}**\n\n", md_escape(t))),
            Block::Heading(t) => out.push_str(&format!("## {t}\n\n")),
            Block::Subheading(t) => out.push_str(&format!("### {}\n\n", md_escape(t))),
            Block::Fields(fields) => {
                for (label, value) in fields {
                    out.push_str(&format!("- **{label}:** {}\n", md_escape(value)));
                }
                out.push('\n');
            }
            Block::Table(table) => out.push_str(&md_table(table)),
            Block::Paragraph(t) => out.push_str(&format!("{}\n\n", md_escape(t))),
            Block::Signatures(people) => {
                for (name, represents) in people {
                    out.push_str(&format!(
                        "\n\n\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_  \n{}  \n{}\n",
                        md_escape(name),
                        md_escape(represents)
                    ));
                }
                out.push('\n');
            }
            Block::Footer(t) => out.push_str(&format!("---\n\n*{}*\n", md_escape(t))),
        }
    }
    out
}

fn md_escape(text: &str) -> String {
    text.replace('|', "\\|")
        .replace('*', "\\*")
        .replace('_', "\\_")
}

fn md_table(table: &Table) -> String {
    let row = |cells: &[String]| {
        let escaped: Vec<String> = cells.iter().map(|c| md_escape(c)).collect();
        format!("| {} |\n", escaped.join(" | "))
    };
    let mut out = row(&table.head);
    let rule: Vec<&str> = (0..table.head.len())
        .map(|i| {
            if table.right.get(i) == Some(&true) {
                "---:"
            } else {
                "---"
            }
        })
        .collect();
    out.push_str(&format!("| {} |\n", rule.join(" | ")));
    for r in &table.rows {
        out.push_str(&row(r));
    }
    out.push('\n');
    out
}

/// Plain text: headings underlined, tables in aligned columns.
pub fn text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Title(t) => out.push_str(&format!(
                "{}\n{}\n\n",
                t.to_uppercase(),
                "=".repeat(width(t))
            )),
            Block::Subtitle(t) => out.push_str(&format!("{t}\n\n")),
            Block::Heading(t) => out.push_str(&format!("{t}\n{}\n\n", "-".repeat(width(t)))),
            Block::Subheading(t) => out.push_str(&format!("{t}\n\n")),
            Block::Fields(fields) => {
                let w = fields.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
                for (label, value) in fields {
                    out.push_str(&format!(
                        "{}  {value}\n",
                        pad(&format!("{label}:"), w + 1, false)
                    ));
                }
                out.push('\n');
            }
            Block::Table(table) => out.push_str(&text_table(table)),
            Block::Paragraph(t) => out.push_str(&format!("{}\n\n", wrap(t, 78))),
            Block::Signatures(people) => {
                for (name, represents) in people {
                    out.push_str(&format!("\n\n{}\n{name}\n{represents}\n", "_".repeat(40)));
                }
                out.push('\n');
            }
            Block::Footer(t) => out.push_str(&format!("{}\n{t}\n", "-".repeat(40))),
        }
    }
    out
}

fn width(text: &str) -> usize {
    text.chars().count()
}

fn pad(text: &str, w: usize, right: bool) -> String {
    let fill = " ".repeat(w.saturating_sub(width(text)));
    if right {
        format!("{fill}{text}")
    } else {
        format!("{text}{fill}")
    }
}

/// The widest a plain-text table may be before its rows are written as records instead.
const TEXT_WIDTH: usize = 78;

fn text_table(table: &Table) -> String {
    let columns = table.head.len();
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            std::iter::once(&table.head)
                .chain(table.rows.iter())
                .filter_map(|r| r.get(i))
                .map(|c| width(c))
                .max()
                .unwrap_or(0)
        })
        .collect();
    if widths.iter().sum::<usize>() + 2 * columns.saturating_sub(1) > TEXT_WIDTH {
        return text_records(table);
    }
    let line = |cells: &[String]| {
        let parts: Vec<String> = (0..columns)
            .map(|i| {
                let cell = cells.get(i).map(String::as_str).unwrap_or("");
                pad(cell, widths[i], table.right.get(i) == Some(&true))
            })
            .collect();
        format!("{}\n", parts.join("  ").trim_end())
    };
    let mut out = line(&table.head);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    out.push_str(&format!("{}\n", rule.join("  ")));
    for r in &table.rows {
        out.push_str(&line(r));
    }
    out.push('\n');
    out
}

/// A table too wide for the page, one record per row: `Label:  value` lines.
fn text_records(table: &Table) -> String {
    let w = table.head.iter().map(|h| width(h)).max().unwrap_or(0) + 1;
    let mut out = String::new();
    for row in &table.rows {
        for (label, cell) in table.head.iter().zip(row) {
            let label = if label.is_empty() {
                String::new()
            } else {
                format!("{label}:")
            };
            out.push_str(format!("{}  {cell}\n", pad(&label, w, false)).trim_start());
        }
        out.push('\n');
    }
    out
}

/// Breaks a paragraph into lines of at most `max` characters, at spaces.
fn wrap(text: &str, max: usize) -> String {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if !current.is_empty() && width(&current) + 1 + width(word) > max {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines.join("\n")
}

const STYLE: &str = "body{font-family:Georgia,'Times New Roman',serif;max-width:50em;margin:2em auto;\
padding:0 1em;color:#111;line-height:1.4}h1{font-size:1.6em;margin-bottom:.2em}\
h2{font-size:1.2em;border-bottom:1px solid #444;margin-top:1.6em}h3{font-size:1.05em}\
table{border-collapse:collapse;width:100%;margin:.5em 0 1em}th,td{border:1px solid #888;\
padding:.25em .5em;text-align:left;vertical-align:top}th{background:#eee}td.n,th.n{text-align:right}\
dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}dd{margin:0}\
.firmas{display:flex;flex-wrap:wrap;gap:2.5em 3em;margin-top:2em}\
.firma{width:14em;border-top:1px solid #000;padding-top:.3em;margin-top:3em}\
footer{margin-top:3em;font-size:.85em;color:#555}\
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr,.firma{break-inside:avoid}}";

/// A complete HTML page, printable, with no outside resources.
pub fn html(blocks: &[Block], lang_code: &str, page_title: &str) -> String {
    let mut body = String::new();
    for block in blocks {
        body.push_str(&html_block(block));
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang_code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        esc(page_title)
    )
}

fn html_block(block: &Block) -> String {
    match block {
        Block::Title(t) => format!("<h1>{}</h1>\n", esc(t)),
        Block::Subtitle(t) => format!("<p><strong>{}</strong></p>\n", esc(t)),
        Block::Heading(t) => format!("<h2>{}</h2>\n", esc(t)),
        Block::Subheading(t) => format!("<h3>{}</h3>\n", esc(t)),
        Block::Fields(fields) => {
            let items: String = fields
                .iter()
                .map(|(l, v)| format!("<dt>{}</dt><dd>{}</dd>", esc(l), esc(v)))
                .collect();
            format!("<dl>{items}</dl>\n")
        }
        Block::Table(table) => html_table(table),
        Block::Paragraph(t) => format!("<p>{}</p>\n", esc(t)),
        Block::Signatures(people) => {
            let items: String = people
                .iter()
                .map(|(n, r)| {
                    format!(
                        "<div class=\"firma\">{}<br><small>{}</small></div>",
                        esc(n),
                        esc(r)
                    )
                })
                .collect();
            format!("<div class=\"firmas\">{items}</div>\n")
        }
        Block::Footer(t) => format!("<footer>{}</footer>\n", esc(t)),
    }
}

fn html_table(table: &Table) -> String {
    let class = |i: usize| {
        if table.right.get(i) == Some(&true) {
            " class=\"n\""
        } else {
            ""
        }
    };
    let head: String = table
        .head
        .iter()
        .enumerate()
        .map(|(i, h)| format!("<th{}>{}</th>", class(i), esc(h)))
        .collect();
    let rows: String = table
        .rows
        .iter()
        .map(|r| {
            let cells: String = r
                .iter()
                .enumerate()
                .map(|(i, c)| format!("<td{}>{}</td>", class(i), esc(c)))
                .collect();
            format!("<tr>{cells}</tr>\n")
        })
        .collect();
    format!("<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n")
}

/// Escapes text for HTML.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Block> {
        vec![
            Block::Title("Acta N° 1-2026".into()),
            Block::Table(Table {
                head: vec!["Puesto".into(), "Propuesta".into()],
                rows: vec![vec!["1".into(), "Cuyes | <b>".into()]],
                right: vec![true, false],
            }),
        ]
    }

    #[test]
    fn markdown_escapes_pipes_and_aligns_numbers() {
        let md = markdown(&sample());
        assert!(md.contains("| ---: | --- |"));
        assert!(md.contains("| 1 | Cuyes \\| <b> |"));
    }

    #[test]
    fn text_aligns_columns() {
        let txt = text(&sample());
        assert!(txt.starts_with("ACTA N° 1-2026\n=============="));
        assert!(txt.contains("Puesto  Propuesta\n------  -----------\n     1  Cuyes | <b>\n"));
    }

    #[test]
    fn html_is_escaped_and_self_contained() {
        let page = html(&sample(), "es", "Acta <1>");
        assert!(page.contains("<title>Acta &lt;1&gt;</title>"));
        assert!(page.contains("<td>Cuyes | &lt;b&gt;</td>"));
        assert!(!page.contains("http"));
        assert!(page.contains("@media print"));
    }

    #[test]
    fn paragraphs_wrap_at_spaces() {
        assert_eq!(wrap("aa bb cc", 5), "aa bb\ncc");
    }
}
