//! `factsheet`: the command-line face of the parser.
//!
//! ```text
//! factsheet [--json] [--pretty] [FILE]
//! ```
//! Reads an article from FILE (or standard input) and prints its breakdown:
//! a readable summary by default, the full JSON breakdown with `--json`.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use factsheet::parser::{self, Breakdown, FactKind, QuoteKind};
use factsheet::sheet::export::{self, Document};
use factsheet::sheet::voice;

const HELP: &str = "\
factsheet — turn a news article into a fact sheet

USAGE:
    factsheet [OPTIONS] [FILE]

Reads the article from FILE, or from standard input when FILE is absent or '-',
and prints its quotes (with speakers and parties), who gets to speak (each party's
and speaker's share of the quoted words), parties, facts, figures and dates.

OPTIONS:
    --json      print the whole breakdown and its voice balance as JSON
                (schema: docs/schema.md)
    --pretty    with --json, indent the JSON
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
    file: Option<String>,
}

fn parse_args() -> Result<Option<Options>, String> {
    let mut opts = Options { debug: false, json: false, pretty: false, file: None };
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => opts.json = true,
            "--debug" => opts.debug = true,
            "--pretty" => opts.pretty = true,
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
    Ok(Some(opts))
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
        Ok(t) => t,
        Err(e) => {
            eprintln!("factsheet: {e}");
            return ExitCode::from(2);
        }
    };
    if opts.debug {
        print!("{}", parser::debug_dump(&text));
        return ExitCode::SUCCESS;
    }
    let breakdown = parser::parse(&text);
    let out = if opts.json && opts.pretty {
        match serde_json::to_string_pretty(&Document::new(&breakdown)) {
            Ok(j) => j + "\n",
            Err(e) => {
                eprintln!("factsheet: cannot encode the breakdown: {e}");
                return ExitCode::from(2);
            }
        }
    } else if opts.json {
        // The app's "Download JSON" is this same function: byte for byte.
        export::json(&breakdown)
    } else {
        summary(&breakdown)
    };
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
    s.push_str(&voice::plain_text(&voice::voice_balance(b)));
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
