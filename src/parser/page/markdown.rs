//! The text of a Markdown file, as a reader sees it rendered: heading marks,
//! emphasis, link targets, images, block-quote marks, code fences and
//! thematic breaks go; the words stay, one paragraph per block.
//!
//! Not a Markdown renderer (nothing here makes HTML): the app opens `.md`
//! files as article text and only needs the marks out of the way. A crate
//! such as pulldown-cmark does the full job, but measured in the app it added
//! 64 KB of gzipped wasm (its HTML entity and Unicode tables), more than the
//! whole of this feature; this covers the marks articles and notes use.

/// The reading text of the Markdown `md`.
pub fn to_text(md: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut fence: Option<&str> = None;
    let lines: Vec<&str> = md.lines().collect();
    for (i, raw) in lines.iter().enumerate() {
        let trimmed = raw.trim_start();
        if let Some(mark) = fence {
            if trimmed.starts_with(mark) {
                fence = None;
            } else {
                out.push(raw.to_string());
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
            continue;
        }
        let next = lines.get(i + 1).map(|l| l.trim());
        if is_rule(trimmed) || is_link_definition(trimmed) {
            // A thematic break, a setext underline or a link definition: a paragraph break.
            out.push(String::new());
            continue;
        }
        let mut line = trimmed;
        while let Some(rest) = line.strip_prefix('>') {
            line = rest.strip_prefix(' ').unwrap_or(rest);
        }
        let heading = heading_text(line);
        let setext = next.is_some_and(is_underline) && !line.is_empty();
        let text = inline(heading.unwrap_or(line));
        out.push(text);
        if heading.is_some() || setext {
            out.push(String::new());
        }
    }
    let joined = out.join("\n");
    // At most one blank line between paragraphs, none at the ends.
    let mut text = String::with_capacity(joined.len());
    let mut blank = 0;
    for line in joined.lines() {
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !text.is_empty() {
            text.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        text.push_str(line.trim_end());
    }
    text
}

/// "# Title" (up to six marks), with any closing marks.
fn heading_text(line: &str) -> Option<&str> {
    let marks = line.len() - line.trim_start_matches('#').len();
    if !(1..=6).contains(&marks) {
        return None;
    }
    let rest = &line[marks..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    Some(rest.trim().trim_end_matches('#').trim_end())
}

/// "---", "***", "___" (three or more, spaces allowed) or a setext underline.
fn is_rule(line: &str) -> bool {
    let chars: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    chars.len() >= 3
        && (chars.iter().all(|&c| c == '-') || chars.iter().all(|&c| c == '*') || chars.iter().all(|&c| c == '_'))
        || is_underline(line)
}

/// A setext heading's underline: "===" or "---".
fn is_underline(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 2 && (t.chars().all(|c| c == '=') || t.chars().all(|c| c == '-'))
}

/// "[id]: https://…" (a reference link's target).
fn is_link_definition(line: &str) -> bool {
    line.starts_with('[') && line.find("]:").is_some_and(|i| !line[1..i].contains(']'))
}

/// A line without its inline marks: links keep their text, images go,
/// emphasis and code marks go, backslash escapes are read.
fn inline(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if chars.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()) => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '!' if chars.get(i + 1) == Some(&'[') => match link_end(&chars, i + 1) {
                Some((_, end)) => i = end,
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '[' => match link_end(&chars, i) {
                Some((label_end, end)) => {
                    out.push_str(&inline(&chars[i + 1..label_end].iter().collect::<String>()));
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '`' => i += 1,
            '*' | '_' if emphasis_mark(&chars, i) => i += 1,
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// For a link starting with '[' at `open`: the index of its ']' and the index
/// just after its "(target)" or "[id]".
fn link_end(chars: &[char], open: usize) -> Option<(usize, usize)> {
    let close = (open + 1..chars.len()).find(|&k| chars[k] == ']')?;
    let closer = match chars.get(close + 1) {
        Some('(') => ')',
        Some('[') => ']',
        _ => return None,
    };
    let end = (close + 2..chars.len()).find(|&k| chars[k] == closer)?;
    Some((close, end + 1))
}

/// A '*' or '_' that marks emphasis: it touches a word on one side only, and
/// an underscore is not inside a word (snake_case stays).
fn emphasis_mark(chars: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).map(|k| chars[k]);
    let after = chars.get(i + 1).copied();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let same = |c: Option<char>| c == Some(chars[i]);
    if chars[i] == '_' && word(before) && word(after) {
        return false;
    }
    // Runs of marks ("**", "__") and marks next to a word on one side.
    same(before)
        || same(after)
        || word(after) != word(before)
        || (!word(before) && !word(after) && after.is_some_and(|a| !a.is_whitespace()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_emphasis_and_links() {
        let md = "# Ferry strike halts crossings #\n\n*By Alys Pryce*\n\nThe **walkout**, over a pay offer of 3.5%, \
                  has stranded [about 400 passengers](https://example.org/a \"t\").\n\n\
                  ![A ferry](ferry.jpg)\n\n> \"We have offered a fair settlement,\" said `Gareth Lloyd`.\n";
        assert_eq!(
            to_text(md),
            "Ferry strike halts crossings\n\nBy Alys Pryce\n\nThe walkout, over a pay offer of 3.5%, has stranded \
             about 400 passengers.\n\n\"We have offered a fair settlement,\" said Gareth Lloyd."
        );
    }

    #[test]
    fn setext_headings_rules_fences_and_definitions() {
        let md = "Council votes\n=============\nBody one.\n\n---\n\n```\ncode_line *x*\n```\n[1]: https://example.org\nsnake_case and 2 * 3 stay.";
        assert_eq!(to_text(md), "Council votes\n\nBody one.\n\ncode_line *x*\n\nsnake_case and 2 * 3 stay.");
    }

    #[test]
    fn escapes_and_lists() {
        assert_eq!(to_text("- one \\*star\\*\n- two"), "- one *star*\n- two");
    }
}
