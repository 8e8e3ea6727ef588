//! `factsheet`: the command-line face of the parser.
//!
//! ```text
//! factsheet [--json [--pretty]] [--html] [--text] [FILE]
//! factsheet [--json] [--html] [--jobs N] FILE FILE...
//! factsheet --jsonl [--html] [--jobs N] [FILE]
//! ```
//! Reads an article from FILE (or standard input) and prints its breakdown:
//! a readable summary by default, the full JSON breakdown with `--json`. A
//! web page (`page.html`, or `--html`) is read through an HTML5 parser into
//! the same text the app builds from a rich paste, so both give one sheet.
//! Several files, or JSON Lines of articles (`--jsonl`), are broken down on
//! all cores (see [`batch`]), answers in input order.

mod batch;

use std::io::{self, Read, Write};
use std::num::NonZeroUsize;
use std::process::ExitCode;

use factsheet::parser::{self, Breakdown, FactKind, QuoteKind};
use factsheet::sheet::page::{file_kind, FileKind};

const HELP: &str = "\
factsheet — turn a news article into a fact sheet

USAGE:
    factsheet [OPTIONS] [FILE]
    factsheet [OPTIONS] FILE FILE...
    factsheet --jsonl [OPTIONS] [FILE]

Reads the article from FILE, or from standard input when FILE is absent or '-',
and prints its quotes (with speakers and parties), parties, facts, figures and dates.

With several FILEs, each is broken down in turn (on all cores) and the answers
come in the order the files were given: the readable sheet under a
'==> FILE <==' heading, or with --json one line per file:
    {\"path\": \"FILE\", \"breakdown\": {...}}   or   {\"path\": \"FILE\", \"error\": \"...\"}

With --jsonl, the input (FILE or standard input) holds one article per line,
{\"id\": ..., \"text\": \"...\"}, and each line gets one line back, in order:
    {\"id\": ..., \"breakdown\": {...}}   or   {\"id\": ..., \"line\": N, \"error\": \"...\"}

A web page saved as HTML (FILE ending in .html, .htm or .xhtml, or --html) is
read as a browser shows it: menus, sidebars, captions and footers left out, the
rest as text. A Markdown file (.md, .markdown) is read without its marks. Each FILE of a batch is
read by its own extension. A page pasted as plain text needs nothing special:
its furniture (menus, share buttons, READ MORE links, footers) is recognised
and set aside.

OPTIONS:
    --json         print the whole breakdown as JSON (schema: docs/schema.md)
    --pretty       with --json and one article, indent the JSON
    --jsonl        read JSON Lines of {\"id\", \"text\"}, write JSON Lines of breakdowns
    -j, --jobs N   break down at most N articles at once (default: all cores)
    --html         read every input as HTML (the default for .html and .htm
                   files; with --jsonl, each line's text is HTML)
    --text         with one article, print the text that is analysed (of an
                   HTML page or a Markdown file), which the breakdown's byte
                   offsets refer to
    -h, --help     print this help
    -V, --version  print the version

EXIT STATUS:
    0  success
    1  some articles of a batch could not be read (each one is reported)
    2  bad usage, unreadable input, or input that is not UTF-8 text
";

struct Options {
    debug: bool,
    json: bool,
    pretty: bool,
    jsonl: bool,
    jobs: Option<NonZeroUsize>,
    /// `--html`: every input is a web page, whatever its name.
    html: bool,
    /// `--text`: print the analysed text instead of its breakdown.
    text: bool,
    /// The FILE arguments ("-" is standard input).
    files: Vec<String>,
}

impl Options {
    /// How the input named `file` (`None` or "-": standard input) is read:
    /// by its extension, as the app reads an opened file.
    fn format_of(&self, file: Option<&str>) -> Format {
        if self.html {
            return Format::Html;
        }
        let name = file.and_then(|f| std::path::Path::new(f).file_name()).and_then(|n| n.to_str());
        match name.and_then(|n| file_kind(n, "")) {
            Some(FileKind::Html) => Format::Html,
            Some(FileKind::Markdown) => Format::Markdown,
            Some(FileKind::Text) | None => Format::Text,
        }
    }
}

/// What an input holds, and so how its article text is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    /// Plain text (a page pasted as text included): read as it is.
    Text,
    /// A web page, read as the app reads a rich paste.
    Html,
    /// Markdown, read without its marks, as the app opens a `.md` file.
    Markdown,
}

impl Format {
    /// The text the parser reads (and the breakdown's offsets refer to).
    fn article_text(self, input: String) -> Result<String, String> {
        match self {
            Format::Text => Ok(input),
            Format::Html => page_text(&input),
            Format::Markdown => Ok(parser::page::markdown::to_text(&input)),
        }
    }
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

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Option<Options>, String> {
    let mut opts = Options {
        debug: false,
        json: false,
        pretty: false,
        jsonl: false,
        jobs: None,
        html: false,
        text: false,
        files: Vec::new(),
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => opts.json = true,
            "--jsonl" => opts.jsonl = true,
            "--debug" => opts.debug = true,
            "--pretty" => opts.pretty = true,
            "--html" => opts.html = true,
            "--text" => opts.text = true,
            "-j" | "--jobs" => opts.jobs = Some(jobs(args.next().as_deref())?),
            s if s.starts_with("--jobs=") => opts.jobs = Some(jobs(s.strip_prefix("--jobs="))?),
            s if s.starts_with("-j") => opts.jobs = Some(jobs(s.strip_prefix("-j"))?),
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("factsheet {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "-" => opts.files.push(arg),
            s if s.starts_with('-') => return Err(format!("unknown option '{s}' (see --help)")),
            _ => opts.files.push(arg),
        }
    }
    let batch = opts.jsonl || opts.files.len() > 1;
    if batch && opts.pretty {
        return Err("--pretty is for one article; batches give one JSON line per article".into());
    }
    if batch && opts.debug {
        return Err("--debug is for one article".into());
    }
    if batch && opts.text {
        return Err("--text is for one article".into());
    }
    if opts.jsonl && opts.files.len() > 1 {
        return Err("--jsonl reads one FILE (or standard input)".into());
    }
    Ok(Some(opts))
}

fn jobs(value: Option<&str>) -> Result<NonZeroUsize, String> {
    value
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| format!("--jobs needs a whole number of at least 1, not '{}'", value.unwrap_or("")))
}

/// The bytes of FILE, or of standard input for `None` and "-".
fn read_bytes(file: Option<&str>) -> Result<Vec<u8>, String> {
    match file.filter(|f| *f != "-") {
        Some(path) => std::fs::read(path).map_err(|e| format!("cannot read '{path}': {e}")),
        None => {
            let mut bytes = Vec::new();
            io::stdin().read_to_end(&mut bytes).map_err(|e| format!("cannot read standard input: {e}"))?;
            Ok(bytes)
        }
    }
}

fn read_input(file: Option<&str>) -> Result<String, String> {
    let bytes = read_bytes(file)?;
    let name = file.filter(|f| *f != "-").unwrap_or("standard input");
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name} is not UTF-8 text (invalid byte at offset {}); convert it first, e.g. with iconv",
            e.utf8_error().valid_up_to()
        )
    })
}

fn main() -> ExitCode {
    let opts = match parse_args(std::env::args().skip(1)) {
        Ok(Some(o)) => o,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("factsheet: {e}");
            return ExitCode::from(2);
        }
    };
    if opts.jsonl || opts.files.len() > 1 {
        return run_batch(&opts);
    }
    let file = opts.files.first().map(String::as_str);
    let text = match read_input(file).and_then(|input| opts.format_of(file).article_text(input)) {
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
    match stdout.write_all(out.as_bytes()).and_then(|_| stdout.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("factsheet: cannot write output: {e}");
            ExitCode::from(2)
        }
        _ => ExitCode::SUCCESS,
    }
}

/// `--jsonl`, or several files: every article on its own thread, the
/// answers written in input order. Exit status 1 if any article failed.
fn run_batch(opts: &Options) -> ExitCode {
    let jobs = opts.jobs.or_else(|| std::thread::available_parallelism().ok()).map_or(1, NonZeroUsize::get);
    let mut stdout = io::BufWriter::new(io::stdout().lock());
    let mut failures = 0usize;
    let mut emit = |answer: batch::Answer| {
        if answer.failed {
            failures += 1;
            if !opts.json && !opts.jsonl {
                // The readable form reports unreadable files on stderr.
                eprintln!("factsheet: {}", answer.text);
                return Ok(());
            }
        }
        stdout.write_all(answer.text.as_bytes())?;
        stdout.write_all(b"\n")
    };
    let written = if opts.jsonl {
        let input = match read_bytes(opts.files.first().map(String::as_str)) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("factsheet: {e}");
                return ExitCode::from(2);
            }
        };
        let lines = batch::jsonl_lines(&input);
        let format = if opts.html { Format::Html } else { Format::Text };
        batch::in_order(&lines, jobs, |&(number, line)| batch::jsonl_answer(number, line, format), &mut emit)
    } else {
        let read =
            |path: &String| read_input(Some(path)).and_then(|input| opts.format_of(Some(path)).article_text(input));
        batch::in_order(&opts.files, jobs, |path| batch::file_answer(path, read(path), opts.json), &mut emit)
    };
    match written.and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("factsheet: cannot write output: {e}");
            return ExitCode::from(2);
        }
        _ => {}
    }
    if failures > 0 {
        eprintln!("factsheet: {failures} of the articles could not be broken down (see above)");
        return ExitCode::from(1);
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
