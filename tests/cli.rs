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

/// `{"id", "text"}` lines as `--jsonl` reads them.
fn jsonl(items: &[(serde_json::Value, &str)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (id, text) in items {
        serde_json::to_writer(&mut out, &serde_json::json!({ "id": id, "text": text })).expect("JSON");
        out.push(b'\n');
    }
    out
}

fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

#[test]
fn jsonl_gives_one_breakdown_per_line_in_input_order() {
    // Many lines of different lengths on several threads: the answers still
    // come in input order, each with its own id and its own article.
    let speakers = ["Ann Lee", "Bo Chan", "Cy Dunn", "Di Eze"];
    let mut items = Vec::new();
    let texts: Vec<String> = (0..60)
        .map(|i| {
            let who = speakers[i % speakers.len()];
            let filler = "The talks went on. ".repeat(i * 7 % 40);
            format!("{filler}\"Number {i} is ready,\" {who} said.")
        })
        .collect();
    for (i, text) in texts.iter().enumerate() {
        items.push((serde_json::json!(format!("article-{i}")), text.as_str()));
    }
    let out = run(&["--jsonl", "--jobs", "3"], &jsonl(&items));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 60);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["id"], format!("article-{i}"));
        let quote = &line["breakdown"]["quotes"][0];
        assert_eq!(quote["text"], format!("Number {i} is ready,"));
        assert_eq!(quote["speaker"], speakers[i % speakers.len()]);
        assert_eq!(line["breakdown"]["stats"]["bytes"], texts[i].len());
        // The breakdown as --json gives it, with its voice balance ("Number 7 is ready," is 4 words).
        assert_eq!(line["breakdown"]["voice"]["speakers"][0]["name"], speakers[i % speakers.len()]);
        assert_eq!(line["breakdown"]["voice"]["words"], 4);
    }
}

#[test]
fn jsonl_answers_a_bad_line_with_an_error_and_exits_1_at_the_end() {
    let mut input = jsonl(&[(serde_json::json!(1), "\"First,\" Ann Lee said.")]);
    input.extend_from_slice(b"{\"id\": 2, \"text\": \n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(b"{\"id\": 3}\n");
    input.extend(jsonl(&[(serde_json::json!("last"), "\"Last,\" Bo Chan said.")]));
    let out = run(&["--jsonl"], &input);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 of the articles"));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 4, "one answer per non-blank line");
    assert_eq!(lines[0]["breakdown"]["quotes"][0]["speaker"], "Ann Lee");
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().is_some_and(|e| e.starts_with("not JSON")));
    assert_eq!(lines[2]["id"], 3, "the id of a line without text is kept");
    assert_eq!(lines[2]["line"], 4);
    assert_eq!(lines[3]["id"], "last");
    assert_eq!(lines[3]["breakdown"]["quotes"][0]["speaker"], "Bo Chan");
}

#[test]
fn several_files_give_one_answer_each_in_the_order_given() {
    let dir = std::env::temp_dir().join(format!("factsheet-cli-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut paths = Vec::new();
    for (i, who) in ["Ann Lee", "Bo Chan", "Cy Dunn"].iter().enumerate() {
        let path = dir.join(format!("{i}.txt"));
        std::fs::write(&path, format!("\"Ready,\" {who} said.")).expect("write article");
        paths.push(path.to_str().expect("utf-8 path").to_string());
    }
    let missing = dir.join("missing.txt").to_str().expect("utf-8 path").to_string();
    let mut args: Vec<&str> = vec!["--json"];
    args.extend(paths.iter().map(String::as_str));
    args.insert(2, &missing);
    let out = run(&args, b"");
    assert_eq!(out.status.code(), Some(1), "one file could not be read");
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["path"], paths[0]);
    assert_eq!(lines[0]["breakdown"]["quotes"][0]["speaker"], "Ann Lee");
    assert_eq!(lines[1]["path"], missing);
    assert!(lines[1]["error"].as_str().is_some_and(|e| e.contains("cannot read")));
    assert_eq!(lines[2]["breakdown"]["quotes"][0]["speaker"], "Bo Chan");
    assert_eq!(lines[3]["path"], paths[2]);

    // Readable: one sheet per file under its heading, in order.
    let out = run(&[paths[2].as_str(), paths[0].as_str()], b"");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let (first, second) = (text.find(&format!("==> {} <==", paths[2])), text.find(&format!("==> {} <==", paths[0])));
    assert!(first.is_some_and(|f| second.is_some_and(|s| f < s)), "{text}");
    assert!(text.find("Cy Dunn") < text.find("Ann Lee"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn batch_options_that_make_no_sense_are_refused() {
    for args in [&["--jsonl", "--pretty"][..], &["--jobs", "0"], &["--jobs"], &["-jx"], &["--jsonl", "a", "b"]] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty());
    }
}
