//! `factsheet`: the command-line face of the parser.
//!
//! ```text
//! factsheet [--json] [--pretty] [--html] [--text] [FILE]
//! ```
//! Reads an article from FILE (or standard input) and prints its breakdown:
//! a readable summary by default, the full JSON breakdown with `--json`. A
//! web page (`page.html`, or `--html`) is read through an HTML5 parser into
//! the same text the app builds from a rich paste, so both give one sheet.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use factsheet::parser::{self, Breakdown, FactKind, QuoteKind};

const HELP: &str = "\
factsheet — turn a news article into a fact sheet

USAGE:
    factsheet [OPTIONS] [FILE]

Reads the article from FILE, or from standard input when FILE is absent or '-',
and prints its quotes (with speakers and parties), parties, facts, figures and dates.

A web page saved as HTML (FILE ending in .html or .htm, or --html) is read as a
browser shows it: menus, sidebars, captions and footers left out, the rest as
text. A Markdown file (.md) is read without its marks. A page pasted as plain
text needs nothing special: its furniture (menus, share buttons, READ MORE
links, footers) is recognised and set aside.

OPTIONS:
    --json      print the whole breakdown as JSON (schema: docs/schema.md)
    --pretty    with --json, indent the JSON
    --html      read the input as HTML (the default for .html and .htm files)
    --text      print the text that is analysed (of an HTML page or a Markdown
                file), which the breakdown's byte offsets refer to
    -h, --help  print this help
    -V, --version  print the version

EXIT STATUS:
    0  success
    2  bad usage, unreadable input, or input that is not UTF-8 text
";

struct Options {
    debug: bool,
    json: bool,
    pretty: bool,
    html: bool,
    /// A Markdown file (.md): read without its marks, as the app opens one.
    markdown: bool,
    text: bool,
    file: Option<String>,
}

fn parse_args() -> Result<Option<Options>, String> {
    let mut opts =
        Options { debug: false, json: false, pretty: false, html: false, markdown: false, text: false, file: None };
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => opts.json = true,
            "--debug" => opts.debug = true,
            "--pretty" => opts.pretty = true,
            "--html" => opts.html = true,
            "--text" => opts.text = true,
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("factsheet {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "-" => opts.file = None,
            s if s.starts_with('-') => return Err(format!("unknown option '{s}' (see --help)")),
            s => {
                if opts.file.is_some() {
                    return Err("only one FILE may be given (see --help)".into());
                }
                opts.file = Some(s.to_string());
            }
        }
    }
    let ext = opts.file.as_deref().and_then(|f| std::path::Path::new(f).extension()).and_then(|e| e.to_str());
    if ext.is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm")) {
        opts.html = true;
    }
    opts.markdown = ext.is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    Ok(Some(opts))
}

/// The text of an HTML page, as the app builds it from a rich paste.
#[cfg(not(target_arch = "wasm32"))]
fn page_text(html: &str) -> Result<String, String> {
    Ok(parser::page::html::from_html(html).text)
}

#[cfg(target_arch = "wasm32")]
fn page_text(_html: &str) -> Result<String, String> {
    Err("reading HTML needs a native build of factsheet".into())
}

fn read_input(file: Option<&str>) -> Result<String, String> {
    let mut bytes = Vec::new();
    match file {
        Some(path) => {
            bytes = std::fs::read(path).map_err(|e| format!("cannot read '{path}': {e}"))?;
        }
        None => {
            io::stdin().read_to_end(&mut bytes).map_err(|e| format!("cannot read standard input: {e}"))?;
        }
    }
    let name = file.unwrap_or("standard input");
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name} is not UTF-8 text (invalid byte at offset {}); convert it first, e.g. with iconv",
            e.utf8_error().valid_up_to()
        )
    })
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(Some(o)) => o,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("factsheet: {e}");
            return ExitCode::from(2);
        }
    };
    let text = match read_input(opts.file.as_deref()) {
        Ok(t) if opts.html => page_text(&t),
        Ok(t) if opts.markdown => Ok(parser::page::markdown::to_text(&t)),
        other => other,
    };
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            eprintln!("factsheet: {e}");
            return ExitCode::from(2);
        }
    };
    if opts.text {
        return write_out(&text);
    }
    if opts.debug {
        print!("{}", parser::debug_dump(&text));
        return ExitCode::SUCCESS;
    }
    let breakdown = parser::parse(&text);
    let out = if opts.json {
        let json =
            if opts.pretty { serde_json::to_string_pretty(&breakdown) } else { serde_json::to_string(&breakdown) };
        match json {
            Ok(j) => j + "\n",
            Err(e) => {
                eprintln!("factsheet: cannot encode the breakdown: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        summary(&breakdown)
    };
    write_out(&out)
}

/// Writes `out` to standard output (a closed pipe is no error).
fn write_out(out: &str) -> ExitCode {
    let mut stdout = io::stdout().lock();
    if let Err(e) = stdout.write_all(out.as_bytes()).and_then(|_| stdout.flush()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("factsheet: cannot write output: {e}");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

/// The plain-text fact sheet.
fn summary(b: &Breakdown) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    if let Some(h) = &b.meta.headline {
        let _ = writeln!(s, "{}\n{}", h.text, "=".repeat(h.text.chars().count().min(78)));
    }
    if let Some(t) = &b.meta.timestamp {
        let _ = writeln!(s, "Published: {}", t.iso.as_deref().unwrap_or(&t.text));
    }
    if let Some(by) = &b.meta.byline {
        let _ = writeln!(s, "Byline: {}", by.text);
    }
    if let Some(d) = &b.meta.dateline {
        let _ = writeln!(s, "Dateline: {}", d.place);
    }
    let st = &b.stats;
    let _ = writeln!(
        s,
        "{} paragraphs, {} sentences, {} words · {} quotes, {} facts, {} commentary, {} parties\n",
        st.paragraphs, st.sentences, st.words, st.quotes, st.facts, st.commentary, st.parties
    );
    if b.stats.quotes > 0 {
        let _ = writeln!(s, "QUOTES");
        for q in b.quotes.iter().filter(|q| q.kind != QuoteKind::Term) {
            let who = q.speaker.as_deref().unwrap_or("unattributed");
            let party = q.party.as_deref().map(|p| format!(" [{p}]")).unwrap_or_default();
            let kind = if q.kind == QuoteKind::Partial { " (partial)" } else { "" };
            let _ = writeln!(s, "  “{}”{kind}\n      — {who}{party}", q.text.trim());
        }
        let _ = writeln!(s);
    }
    let terms: Vec<&str> = b.quotes.iter().filter(|q| q.kind == QuoteKind::Term).map(|q| q.text.as_str()).collect();
    if !terms.is_empty() {
        let _ =
            writeln!(s, "QUOTED TERMS\n  {}\n", terms.iter().map(|t| format!("“{t}”")).collect::<Vec<_>>().join(", "));
    }
    if !b.parties.is_empty() {
        let _ = writeln!(s, "PARTIES");
        for p in &b.parties {
            let aliases = if p.aliases.is_empty() { String::new() } else { format!(" — {}", p.aliases.join(", ")) };
            let _ = writeln!(s, "  {} ({:?}, {} mentions){aliases}", p.name, p.kind, p.mentions);
        }
        let _ = writeln!(s);
    }
    let facts: Vec<_> = b.facts.iter().filter(|f| f.kind != FactKind::Commentary).collect();
    if !facts.is_empty() {
        let _ = writeln!(s, "FACTS");
        for f in facts {
            let src = f.source.as_ref().map(|x| format!(" (source: {})", x.name)).unwrap_or_default();
            let tag = if f.kind == FactKind::Reported { "reported: " } else { "" };
            let _ = writeln!(s, "  • {tag}{}{src}", f.text);
        }
        let _ = writeln!(s);
    }
    let comm: Vec<_> = b.facts.iter().filter(|f| f.kind == FactKind::Commentary).collect();
    if !comm.is_empty() {
        let _ = writeln!(s, "WRITER'S COMMENTARY");
        for f in comm {
            let _ = writeln!(s, "  • {}", f.text);
        }
        let _ = writeln!(s);
    }
    if !b.figures.is_empty() {
        let _ = writeln!(s, "FIGURES");
        for f in &b.figures {
            let what = f.what.as_deref().map(|w| format!(" — {w}")).unwrap_or_default();
            let _ = writeln!(s, "  {}{what}", f.value);
        }
        let _ = writeln!(s);
    }
    for n in &b.notices {
        let _ = writeln!(s, "note: {}", n.message);
    }
    s
}
