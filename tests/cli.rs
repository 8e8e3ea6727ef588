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
    assert_eq!(v["quotes"][0]["speaker_via"], "name");
    // A foreign minister with no country named speaks for the dateline's.
    assert_eq!(v["quotes"][0]["party"], "United States");
    assert_eq!(v["quotes"][0]["party_via"], "dateline");
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
