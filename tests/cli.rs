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
    let breakdown = factsheet::parser::parse(&expected);
    let same = serde_json::to_value(factsheet::sheet::export::Document::new(&breakdown)).expect("the document as JSON");
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

#[cfg(not(target_arch = "wasm32"))] // the CLI's HTML parser is native only
#[test]
fn a_batch_reads_each_file_by_its_extension() {
    let dir = std::env::temp_dir().join(format!("factsheet-cli-batch-pages-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let page = |headline: &str, who: &str| {
        format!(
            "<nav><a href=/>Home</a><a href=/world>World</a><a href=/sport>Sport</a></nav>\
             <h1>{headline}</h1><p>By Mara Lindqvist</p><script>alert(1)</script>\
             <p>\"The vote is close,\" said {who} on Monday.</p>\
             <aside><h2>Most read</h2><ul><li>Storm warning for the coast</li></ul></aside>\
             <footer>&copy; 2025 The Harbour Courier</footer>"
        )
    };
    let files = [
        ("ferry.html", page("Council votes to close the ferry terminal", "Mayor Ines Okafor")),
        ("plain.txt", "\"Ready,\" Ann Lee said.".to_string()),
        ("bridge.HTM", page("Bridge tolls to rise in spring", "Finance Minister Bo Chan")),
        (
            "note.md",
            "# Ferry strike\n\n\"We have offered a **fair** deal,\" said [Cy Dunn](https://x.example).\n".into(),
        ),
    ];
    let mut paths = Vec::new();
    for (name, content) in &files {
        let path = dir.join(name);
        std::fs::write(&path, content).expect("write input");
        paths.push(path.to_str().expect("utf-8 path").to_string());
    }
    let args: Vec<&str> = ["--json", "--jobs", "2"].into_iter().chain(paths.iter().map(String::as_str)).collect();
    let out = run(&args, b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), files.len());
    for (line, path) in lines.iter().zip(&paths) {
        assert_eq!(line["path"], path.as_str());
        // Each file gives the breakdown it gives on its own.
        let alone: serde_json::Value = serde_json::from_slice(&run(&["--json", path], b"").stdout).expect("JSON");
        assert_eq!(line["breakdown"], alone, "{path}");
    }
    let html = factsheet::parser::page::html::from_html(&files[0].1).text;
    let breakdown = factsheet::parser::parse(&html);
    let expected =
        serde_json::to_value(factsheet::sheet::export::Document::new(&breakdown)).expect("the document as JSON");
    assert_eq!(lines[0]["breakdown"], expected, "an .html file is read as the app reads a rich paste");
    assert_eq!(lines[0]["breakdown"]["meta"]["headline"]["text"], "Council votes to close the ferry terminal");
    assert_eq!(lines[0]["breakdown"]["quotes"][0]["speaker"], "Ines Okafor");
    assert!(!lines[0]["breakdown"].to_string().contains("alert"), "no script text");
    assert_eq!(lines[1]["breakdown"]["quotes"][0]["speaker"], "Ann Lee");
    assert_eq!(lines[2]["breakdown"]["meta"]["headline"]["text"], "Bridge tolls to rise in spring");
    assert_eq!(lines[2]["breakdown"]["quotes"][0]["speaker"], "Bo Chan");
    assert_eq!(lines[3]["breakdown"]["quotes"][0]["text"], "We have offered a fair deal,");
    assert_eq!(lines[3]["breakdown"]["quotes"][0]["speaker"], "Cy Dunn");
    for line in &lines {
        let parties = line["breakdown"]["parties"].to_string();
        assert!(
            !parties.contains("Harbour Courier") && !parties.contains("World"),
            "no party from the page: {parties}"
        );
    }

    // The readable form: a sheet per file, the pages' headlines found.
    let readable = run(&[paths[0].as_str(), paths[2].as_str()], b"");
    assert!(readable.status.success());
    let text = String::from_utf8_lossy(&readable.stdout);
    let ferry = text.find("Council votes to close the ferry terminal\n===");
    let bridge = text.find("Bridge tolls to rise in spring\n===");
    assert!(ferry.is_some_and(|f| bridge.is_some_and(|b| f < b)), "{text}");
    assert!(text.contains("Byline: By Mara Lindqvist"), "{text}");

    // --jsonl --html: each line's text is a page.
    let out = run(&["--jsonl", "--html"], &jsonl(&[(serde_json::json!("p"), files[0].1.as_str())]));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json_lines(&out.stdout)[0]["breakdown"], expected);

    // --text shows one article's text; a batch has no one text to show.
    let out = run(&["--text", paths[0].as_str(), paths[1].as_str()], b"");
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}
