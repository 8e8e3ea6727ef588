//! Batch mode: many articles on all cores, answers in input order.
//!
//! * JSON Lines (`--jsonl`): each input line is `{"id": …, "text": "…"}`; each
//!   output line is `{"id": …, "breakdown": {…}}`, or `{"id": …, "line": N,
//!   "error": "…"}` for a line that is not such an object.
//! * Several files: one output per file, `{"path": "…", "breakdown": {…}}` with
//!   `--json` (or `{"path": "…", "error": "…"}`), else the readable fact sheet
//!   under a `==> path <==` heading.

use std::collections::BTreeMap;
use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;

use serde::Serialize;
use serde_json::Value;

use factsheet::parser::{self, Breakdown};

use super::Format;

/// What one input gave: the text to print, and whether it was an error.
pub struct Answer {
    pub text: String,
    pub failed: bool,
}

impl Answer {
    fn ok(text: String) -> Self {
        Answer { text, failed: false }
    }
    fn failed(text: String) -> Self {
        Answer { text, failed: true }
    }
}

/// Runs `work` over `inputs` on `jobs` threads and hands the answers to
/// `emit` in input order, each as soon as it and all before it are done.
/// Stops early (and returns the error) when `emit` fails, e.g. on a closed pipe.
pub fn in_order<T: Sync, R: Send>(
    inputs: &[T],
    jobs: usize,
    work: impl Fn(&T) -> R + Sync,
    mut emit: impl FnMut(R) -> io::Result<()>,
) -> io::Result<()> {
    let next = AtomicUsize::new(0);
    let (done, answers) = mpsc::channel::<(usize, R)>();
    thread::scope(|scope| {
        let (next, work) = (&next, &work);
        for _ in 0..jobs.clamp(1, inputs.len().max(1)) {
            let done = done.clone();
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(input) = inputs.get(i) else { break };
                if done.send((i, work(input))).is_err() {
                    break; // the writer stopped
                }
            });
        }
        drop(done);
        let mut ready = BTreeMap::new();
        let mut due = 0;
        for (i, answer) in answers {
            ready.insert(i, answer);
            while let Some(answer) = ready.remove(&due) {
                emit(answer)?;
                due += 1;
            }
        }
        Ok(())
    })
}

#[derive(Serialize)]
struct Parsed<'a, K: Serialize> {
    #[serde(flatten)]
    key: K,
    breakdown: &'a Breakdown,
}

#[derive(Serialize)]
struct Failed<'a, K: Serialize> {
    #[serde(flatten)]
    key: K,
    error: &'a str,
}

#[derive(Serialize)]
struct LineKey<'a> {
    id: &'a Value,
}

#[derive(Serialize)]
struct BadLineKey<'a> {
    id: &'a Value,
    line: usize,
}

#[derive(Serialize)]
struct PathKey<'a> {
    path: &'a str,
}

/// One JSON line (no newline) for `value`; serializing our own types cannot
/// fail, but if it ever did the line says so rather than vanishing.
fn json_line(value: &impl Serialize) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| format!("{{\"error\":\"cannot encode the answer: {e}\"}}"))
}

/// The answer to one line of JSON Lines input (`number` counts from 1),
/// its text read as `format` (`--html`: each text is a web page).
pub fn jsonl_answer(number: usize, line: &[u8], format: Format) -> Answer {
    let value: Result<Value, String> = std::str::from_utf8(line)
        .map_err(|e| format!("not UTF-8 text (invalid byte at offset {})", e.valid_up_to()))
        .and_then(|s| serde_json::from_str(s).map_err(|e| format!("not JSON: {e}")));
    let (id, text) = match value {
        Ok(Value::Object(mut object)) => {
            let id = object.remove("id").unwrap_or(Value::Null);
            match object.remove("text") {
                Some(Value::String(text)) => (id, format.article_text(text)),
                Some(_) => (id, Err("\"text\" is not a string".to_string())),
                None => (id, Err("no \"text\" field".to_string())),
            }
        }
        Ok(_) => (Value::Null, Err("not a JSON object with \"id\" and \"text\"".to_string())),
        Err(e) => (Value::Null, Err(e)),
    };
    match text {
        Ok(text) => {
            let breakdown = parser::parse(&text);
            Answer::ok(json_line(&Parsed { key: LineKey { id: &id }, breakdown: &breakdown }))
        }
        Err(error) => Answer::failed(json_line(&Failed { key: BadLineKey { id: &id, line: number }, error: &error })),
    }
}

/// The lines of JSON Lines input worth answering: numbered from 1, blank
/// lines (and a final newline) skipped, `\r\n` endings accepted.
pub fn jsonl_lines(input: &[u8]) -> Vec<(usize, &[u8])> {
    input
        .split(|&b| b == b'\n')
        .enumerate()
        .map(|(i, line)| (i + 1, line.strip_suffix(b"\r").unwrap_or(line)))
        .filter(|(_, line)| !line.iter().all(u8::is_ascii_whitespace))
        .collect()
}

/// The answer for one file of a several-file run: `read` gives its text (or
/// why it could not be read); `json` picks a JSON line over the readable sheet.
pub fn file_answer(path: &str, read: Result<String, String>, json: bool) -> Answer {
    match (read, json) {
        (Ok(text), true) => {
            let breakdown = parser::parse(&text);
            Answer::ok(json_line(&Parsed { key: PathKey { path }, breakdown: &breakdown }))
        }
        (Ok(text), false) => Answer::ok(format!("==> {path} <==\n{}", super::summary(&parser::parse(&text)))),
        (Err(error), true) => Answer::failed(json_line(&Failed { key: PathKey { path }, error: &error })),
        (Err(error), false) => Answer::failed(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_come_in_input_order_whatever_finishes_first() {
        let inputs: Vec<u64> = (0..200).collect();
        let mut seen = Vec::new();
        let work = |&n: &u64| {
            // Early items take longest, so later ones finish first.
            std::thread::sleep(std::time::Duration::from_micros((200 - n) * 20));
            n * 2
        };
        in_order(&inputs, 4, work, |r| {
            seen.push(r);
            Ok(())
        })
        .expect("no write error");
        assert_eq!(seen, inputs.iter().map(|n| n * 2).collect::<Vec<_>>());
    }

    #[test]
    fn a_failing_writer_stops_the_run() {
        let inputs: Vec<u32> = (0..1000).collect();
        let mut written = 0;
        let result = in_order(
            &inputs,
            2,
            |&n| n,
            |_| {
                written += 1;
                if written == 3 {
                    Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(result.map_err(|e| e.kind()), Err(io::ErrorKind::BrokenPipe));
        assert_eq!(written, 3);
    }

    #[test]
    fn no_inputs_no_answers() {
        let mut n = 0;
        in_order(
            &[] as &[u8],
            8,
            |_| 0,
            |_| {
                n += 1;
                Ok(())
            },
        )
        .expect("nothing to write");
        assert_eq!(n, 0);
    }

    #[test]
    fn lines_are_numbered_and_blank_ones_skipped() {
        let lines = jsonl_lines(b"{\"a\":1}\r\n\n  \n{\"b\":2}\n");
        assert_eq!(lines, vec![(1, &b"{\"a\":1}"[..]), (4, &b"{\"b\":2}"[..])]);
    }

    #[test]
    fn a_line_keeps_its_id_and_a_bad_line_says_what_is_wrong() {
        let ok = jsonl_answer(1, br#"{"id": 7, "text": "\"Yes,\" Ann Lee said."}"#, Format::Text);
        assert!(!ok.failed);
        let v: Value = serde_json::from_str(&ok.text).expect("JSON line");
        assert_eq!(v["id"], 7);
        assert_eq!(v["breakdown"]["quotes"][0]["speaker"], "Ann Lee");

        let cases: [(&[u8], Value, &str); 5] = [
            (br#"{"id": "a", "text": 3}"#, Value::from("a"), "not a string"),
            (br#"{"id": "b"}"#, Value::from("b"), "no \"text\""),
            (br#"{"id": "c", "text": "#, Value::Null, "not JSON"),
            (b"[1, 2]", Value::Null, "not a JSON object"),
            (b"{\"id\": 1, \"text\": \"\xff\"}", Value::Null, "not UTF-8"),
        ];
        for (line, id, message) in cases {
            let bad = jsonl_answer(5, line, Format::Text);
            assert!(bad.failed, "{}", String::from_utf8_lossy(line));
            let v: Value = serde_json::from_str(&bad.text).expect("JSON line");
            assert_eq!(v["id"], id);
            assert_eq!(v["line"], 5);
            assert!(v["error"].as_str().is_some_and(|e| e.contains(message)), "{v}");
            assert!(v.get("breakdown").is_none());
        }
    }
}
