//! The `factsheet` command: JSON on stdout, readable summary, exit status 2
//! with a message on bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factsheet"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("factsheet starts");
    child.stdin.take().expect("stdin").write_all(stdin).expect("write stdin");
    child.wait_with_output().expect("factsheet ends")
}

const ARTICLE: &str = "WASHINGTON — \"We are ready,\" Foreign Minister Lena Brandt said on Monday.";

#[test]
fn json_from_stdin_is_the_breakdown() {
    let out = run(&["--json"], ARTICLE.as_bytes());
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(v["version"], 2);
    assert_eq!(v["quotes"][0]["text"], "We are ready,");
    assert_eq!(v["quotes"][0]["speaker"], "Lena Brandt");
    assert_eq!(v["meta"]["dateline"]["place"], "WASHINGTON");
}

#[test]
fn file_argument_and_summary() {
    let dir = std::env::temp_dir().join(format!("factsheet-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("article.txt");
    std::fs::write(&path, ARTICLE).expect("write article");
    let out = run(&[path.to_str().expect("utf-8 path")], b"");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8 summary");
    assert!(text.contains("QUOTES"), "{text}");
    assert!(text.contains("Lena Brandt"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn invalid_utf8_is_refused_with_status_2() {
    let out = run(&["--json"], b"\xff\xfe not text");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));
}

#[test]
fn missing_file_and_bad_option_give_status_2() {
    let out = run(&["/no/such/article.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
    let out = run(&["--frobnicate"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn help_documents_the_options() {
    let out = run(&["--help"], b"");
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for word in ["--json", "--pretty", "FILE", "EXIT STATUS"] {
        assert!(help.contains(word), "{word} in help");
    }
}

#[cfg(not(target_arch = "wasm32"))] // the CLI's HTML parser is native only
#[test]
fn an_html_page_is_read_as_the_app_reads_a_rich_paste() {
    let dir = std::env::temp_dir().join(format!("factsheet-cli-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let html =
        "<nav><a href=/>Home</a><a href=/world>World</a></nav><h1>Council votes to close the ferry terminal</h1>\
                <p class=by>By Mara Lindqvist</p><script>alert(1)</script>\
                <p>\"We cannot keep pouring money into it,\" said Mayor Ines Okafor on Monday.</p>\
                <aside><h2>Most read</h2><ul><li>Storm warning for the coast</li></ul></aside>\
                <footer>&copy; 2025 The Harbour Courier</footer>";
    let path = dir.join("page.HTML");
    std::fs::write(&path, html).expect("write page");
    let file = path.to_str().expect("utf-8 path");

    let text = run(&["--text", file], b"");
    assert!(text.status.success());
    let expected = factsheet::parser::page::html::from_html(html).text;
    assert_eq!(String::from_utf8_lossy(&text.stdout), expected);
    assert_eq!(
        expected,
        "Council votes to close the ferry terminal\n\nBy Mara Lindqvist\n\n\
         \"We cannot keep pouring money into it,\" said Mayor Ines Okafor on Monday."
    );

    let from_file = run(&["--json", file], b"");
    let from_stdin = run(&["--json", "--html"], html.as_bytes());
    assert!(from_file.status.success() && from_stdin.status.success());
    assert_eq!(from_file.stdout, from_stdin.stdout);
    let v: serde_json::Value = serde_json::from_slice(&from_file.stdout).expect("stdout is JSON");
    let same: serde_json::Value = serde_json::to_value(factsheet::parser::parse(&expected)).expect("breakdown as JSON");
    assert_eq!(v, same);
    assert_eq!(v["meta"]["headline"]["text"], "Council votes to close the ferry terminal");
    assert_eq!(v["meta"]["byline"]["authors"][0], "Mara Lindqvist");
    assert_eq!(v["quotes"][0]["speaker"], "Ines Okafor");
}

#[test]
fn a_markdown_file_is_read_without_its_marks() {
    let dir = std::env::temp_dir().join(format!("factsheet-cli-md-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("note.md");
    std::fs::write(
        &path,
        "# Ferry strike\n\n\"We have offered a **fair** settlement,\" said [Gareth Lloyd](https://x.example).\n",
    )
    .expect("write note");
    let out = run(&["--text", path.to_str().expect("utf-8 path")], b"");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Ferry strike\n\n\"We have offered a fair settlement,\" said Gareth Lloyd."
    );
}
