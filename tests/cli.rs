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

/// An unattributed quote, two speakers for two sides and a joint statement.
const VOICES: &str = "\"Nobody knows.\"\n\n\
\"We are ready to talk today,\" German Foreign Minister Lena Brandt said.\n\n\
\"No,\" Hamas spokesman Basem Naim said.\n\n\
France and Germany said in a joint statement: \"Talks must go on.\"\n";

#[test]
fn json_has_the_voice_balance_after_the_breakdown() {
    let out = run(&["--json"], VOICES.as_bytes());
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    let voice = &v["voice"];
    // 2 + 6 + 1 + 4 words in four quotes.
    assert_eq!(voice["quotes"], 4);
    assert_eq!(voice["words"], 13);
    let parties = voice["parties"].as_array().expect("parties");
    let row =
        |name: &str| parties.iter().find(|r| r["name"] == name).unwrap_or_else(|| panic!("{name} in {parties:?}"));
    // 6, 4, 2 and 1 of 13 words: 46.2, 30.8, 15.4 and 7.7 %.
    assert_eq!(row("Germany")["share"], 46);
    assert_eq!(row("Germany")["words"], 6);
    assert_eq!(row("Germany")["kind"], "party");
    assert_eq!(row("Hamas")["share"], 8);
    assert_eq!(row("Unattributed")["share"], 15);
    assert_eq!(row("Unattributed")["speakers"], 0);
    let joint = parties.iter().find(|r| r["kind"] == "joint").expect("a joint voice");
    assert_eq!(joint["words"], 4);
    assert_eq!(joint["share"], 31);
    assert_eq!(joint["parties"].as_array().map(Vec::len), Some(2));
    let shares: u64 = parties.iter().filter_map(|r| r["share"].as_u64()).sum();
    assert_eq!(shares, 100);
    assert_eq!(voice["speakers"][0]["name"], "Lena Brandt");
    // The breakdown's own fields come first, unchanged.
    assert_eq!(v["quotes"].as_array().map(Vec::len), Some(4));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.find("\"notices\"") < text.find("\"voice\""));
    // --pretty is the same document.
    let pretty = run(&["--json", "--pretty"], VOICES.as_bytes());
    let p: serde_json::Value = serde_json::from_slice(&pretty.stdout).expect("pretty JSON");
    assert_eq!(p, v);
}

#[test]
fn summary_has_a_voice_section() {
    let out = run(&[], VOICES.as_bytes());
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8 summary");
    let voice = text.split("VOICE").nth(1).unwrap_or_else(|| panic!("a VOICE section in {text}"));
    assert!(voice.starts_with(" (share of the 13 quoted words in 4 quotes)\n"), "{text}");
    assert!(voice.contains("46 %  6 words, 1 quote, 1 speaker"), "{text}");
    assert!(voice.contains("(joint)"), "{text}");
    assert!(voice.contains("Unattributed"), "{text}");
    assert!(voice.contains("Lena Brandt [Germany]: 46 %, 6 words, 1 quote"), "{text}");
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
