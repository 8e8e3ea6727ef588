//! Clean text from a web page's HTML, built from a neutral list of events.
//!
//! The HTML itself is parsed elsewhere, by a real HTML parser: the browser's
//! own (`DOMParser`, in the app) or an HTML5 parser crate (in the CLI). Their
//! walkers report each element ([`element`] says what it is for the text),
//! each text node, and each element's end to a [`TextBuilder`], which writes
//! the text the way a reader sees the page: headings and paragraphs apart,
//! list items and other blocks on lines of their own, `<br>` as a line break,
//! white space collapsed. Markup that is no article text is left out with
//! everything inside it: scripts, styles and form controls, and the page's
//! own furniture by its markup (`<nav>`, `<aside>`, `<footer>`,
//! `<figcaption>`, dialogs, hidden elements). The text is only ever text:
//! nothing here renders or runs the HTML.
//!
//! The built text is what the app's box then holds and what the parser's
//! offsets refer to, so the app and `factsheet page.html` give the same sheet.

/// Attributes the text needs; every other one is taken out before parsing.
const KEPT_ATTRIBUTES: &[&str] = &["hidden", "aria-hidden", "role"];

/// Elements whose content is raw text (no tags inside).
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"];

/// Raw-text elements taken out whole: code, never text, that a parse under
/// the app's CSP would only report as refused.
const DROPPED: &[&str] = &["script", "style"];

/// `html` with every attribute its text does not need taken out of its start
/// tags: only `hidden`, `aria-hidden` and `role` stay, and `style` becomes
/// `data-style`. Parsed after this (in the browser, under the app's Content
/// Security Policy) the markup has no event handler, no source to load and no
/// style to apply, so nothing runs, loads or is refused; the CLI reads the
/// same markup, so both build the same text.
pub fn keep_text_attributes(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let after = &rest[1..];
        if let Some(body) = after.strip_prefix("!--") {
            let end = body.find("-->").map_or(rest.len(), |e| e + 4 + 3);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        } else if after.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let (tag, name, consumed) = start_tag(rest);
            rest = &rest[consumed..];
            let dropped = DROPPED.iter().any(|r| name.eq_ignore_ascii_case(r));
            if !dropped {
                out.push_str(&tag);
            }
            if RAW_TEXT.iter().any(|r| name.eq_ignore_ascii_case(r)) {
                let closing = format!("</{name}");
                let end = find_ascii_case_insensitive(rest, &closing).unwrap_or(rest.len());
                if dropped {
                    // Its end tag too.
                    let close_end = rest[end..].find('>').map_or(rest.len(), |e| end + e + 1);
                    rest = &rest[close_end..];
                } else {
                    out.push_str(&rest[..end]);
                    rest = &rest[end..];
                }
            }
        } else {
            // An end tag, a doctype or a stray '<': as it is.
            let end = if after.starts_with(['/', '!', '?']) { rest.find('>').map_or(rest.len(), |e| e + 1) } else { 1 };
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    out
}

/// The start tag opening `s` rewritten with the kept attributes only, the
/// element's name, and how many bytes of `s` it took.
fn start_tag(s: &str) -> (String, String, usize) {
    let bytes = s.as_bytes();
    let mut i = 1;
    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'/' && bytes[i] != b'>' {
        i += 1;
    }
    let name = s[1..i].to_string();
    let mut tag = format!("<{name}");
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        if bytes[i] == b'>' {
            i += 1;
            break;
        }
        let from = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let attr = &s[from..i];
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let (v, next) = attribute_value(s, i);
            value = v;
            i = next;
        }
        let kept = if attr.eq_ignore_ascii_case("style") {
            Some("data-style")
        } else {
            KEPT_ATTRIBUTES.iter().find(|k| attr.eq_ignore_ascii_case(k)).copied()
        };
        if let Some(kept) = kept {
            tag.push_str(&format!(" {kept}=\"{}\"", value.replace('"', "&quot;")));
        }
    }
    tag.push('>');
    (tag, name, i)
}

/// An attribute value starting at byte `i` of `s` (quoted or not), and the
/// byte after it.
fn attribute_value(s: &str, i: usize) -> (&str, usize) {
    let bytes = s.as_bytes();
    match bytes.get(i) {
        Some(&q @ (b'"' | b'\'')) => {
            let end = s[i + 1..].find(q as char).map_or(s.len(), |e| i + 1 + e);
            (&s[i + 1..end], (end + 1).min(s.len()))
        }
        _ => {
            let mut end = i;
            while end < bytes.len() && !bytes[end].is_ascii_whitespace() && bytes[end] != b'>' {
                end += 1;
            }
            (&s[i..end], end)
        }
    }
}

/// Where `needle` (ASCII) first occurs in `s`, ignoring ASCII case.
fn find_ascii_case_insensitive(s: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (s.as_bytes(), needle.as_bytes());
    (0..hay.len().saturating_sub(needle.len() - 1)).find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// What an element is for the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Element {
    /// Left out with its content: not text (script, style, form controls,
    /// media) or page furniture by its markup (nav, aside, footer,
    /// figcaption, dialogs, hidden elements).
    Skipped(Skip),
    /// A block: a paragraph of its own (p, h1–h6, div, li, blockquote, …).
    Block,
    /// A block whose children are blocks too: a flex or grid container
    /// (`display: flex` in the copied markup's inline style).
    Flex,
    /// A table cell: separated from the next by a space.
    Cell,
    /// A line break (`<br>`).
    Break,
    /// Preformatted text, white space kept (`<pre>`, `<textarea>` is skipped).
    Pre,
    /// Text runs on (a, span, b, time, …).
    Inline,
}

/// Why an element was left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Skip {
    /// Not text: scripts, styles, form controls, media, the document head.
    Code,
    /// Page furniture by its markup: menus, sidebars, footers, captions,
    /// dialogs, hidden elements.
    Furniture,
}

/// What the element `tag` (any case) with attributes `attr` is for the text.
pub fn element(tag: &str, attr: impl Fn(&str) -> Option<String>) -> Element {
    let tag = tag.to_ascii_lowercase();
    let code = matches!(
        tag.as_str(),
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "base"
            | "iframe"
            | "frame"
            | "frameset"
            | "object"
            | "embed"
            | "applet"
            | "svg"
            | "math"
            | "canvas"
            | "video"
            | "audio"
            | "picture"
            | "source"
            | "track"
            | "img"
            | "map"
            | "button"
            | "select"
            | "option"
            | "optgroup"
            | "datalist"
            | "textarea"
            | "input"
            | "progress"
            | "meter"
            | "slot"
    );
    if code {
        return Element::Skipped(Skip::Code);
    }
    if matches!(tag.as_str(), "nav" | "aside" | "footer" | "figcaption" | "dialog" | "menu") || hidden(&attr) {
        return Element::Skipped(Skip::Furniture);
    }
    let by_tag = match tag.as_str() {
        "pre" | "listing" | "plaintext" | "xmp" => return Element::Pre,
        "br" => return Element::Break,
        "td" | "th" => Element::Cell,
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "hr" | "figure" | "div" | "section"
        | "article" | "main" | "header" | "hgroup" | "address" | "ul" | "ol" | "li" | "dl" | "dt" | "dd" | "table"
        | "caption" | "thead" | "tbody" | "tfoot" | "tr" | "form" | "fieldset" | "legend" | "details" | "summary"
        | "center" | "body" | "html" => Element::Block,
        _ => Element::Inline,
    };
    // Copied markup carries its computed styles: a span shown as a block is one.
    match style_display(&attr).as_deref() {
        Some("flex" | "grid" | "inline-flex" | "inline-grid") => Element::Flex,
        Some("block" | "list-item" | "table" | "table-row" | "flow-root") => Element::Block,
        Some("inline" | "inline-block") if by_tag == Element::Block => Element::Inline,
        _ => by_tag,
    }
}

/// The `display` of an inline style attribute (`data-style` after
/// [`keep_text_attributes`]), lower case.
fn style_display(attr: &impl Fn(&str) -> Option<String>) -> Option<String> {
    let style = attr("data-style").or_else(|| attr("style"))?;
    style.split(';').rev().find_map(|decl| {
        let (name, value) = decl.split_once(':')?;
        name.trim().eq_ignore_ascii_case("display").then(|| value.trim().to_ascii_lowercase())
    })
}

/// Hidden by its attributes, or a landmark that is furniture by its role.
fn hidden(attr: &impl Fn(&str) -> Option<String>) -> bool {
    if attr("hidden").is_some() || attr("aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        return true;
    }
    let role = attr("role").unwrap_or_default().to_ascii_lowercase();
    if matches!(
        role.trim(),
        "navigation" | "complementary" | "contentinfo" | "dialog" | "alertdialog" | "menu" | "menubar"
    ) {
        return true;
    }
    let style: String = attr("style").unwrap_or_default().chars().filter(|c| !c.is_whitespace()).collect();
    let style = style.to_ascii_lowercase();
    style.contains("display:none") || style.contains("visibility:hidden")
}

/// The text of an HTML document or fragment, parsed by html5ever (through
/// `scraper`) as a browser's `DOMParser` would (native builds only: the app
/// walks the browser's own parse, see `ui::rich_paste`).
#[cfg(not(target_arch = "wasm32"))]
pub fn from_html(html: &str) -> PageText {
    use ego_tree::iter::Edge;
    use scraper::node::Node;

    let doc = scraper::Html::parse_document(&keep_text_attributes(html));
    let mut builder = TextBuilder::new();
    // While inside a left-out element: its id, to wait for its end.
    let mut skipping = None;
    let mut open: Vec<Element> = Vec::new();
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() => match node.value() {
                Node::Text(t) => builder.text(&t[..]),
                Node::Element(el) => {
                    let kind = element(el.name(), |a| el.attr(a).map(str::to_string));
                    if builder.open(kind) {
                        open.push(kind);
                    } else {
                        skipping = Some(node.id());
                    }
                }
                _ => {}
            },
            Edge::Close(node) => match node.value() {
                Node::Element(_) if skipping == Some(node.id()) => skipping = None,
                Node::Element(_) if skipping.is_none() => {
                    if let Some(kind) = open.pop() {
                        builder.close(kind);
                    }
                }
                _ => {}
            },
            Edge::Open(_) => {}
        }
    }
    builder.finish()
}

/// White space waiting to be written before the next text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Space,
    Line,
    Paragraph,
}

/// The text of a page, and how much of its markup was left out as furniture.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageText {
    pub text: String,
    /// Elements left out as furniture by their markup (menus, sidebars,
    /// footers, captions, dialogs, hidden elements).
    pub left_out: usize,
}

/// Writes a page's text from the events of a walk over its elements.
#[derive(Debug)]
pub struct TextBuilder {
    out: String,
    gap: Gap,
    /// Inside this many `<pre>` elements.
    pre: usize,
    /// The last break was a `<br>` (two make a paragraph).
    after_break: bool,
    left_out: usize,
    /// The elements open now, as [`open`](Self::open) took them.
    open: Vec<Element>,
}

impl Default for TextBuilder {
    fn default() -> Self {
        TextBuilder::new()
    }
}

impl TextBuilder {
    pub fn new() -> TextBuilder {
        TextBuilder { out: String::new(), gap: Gap::None, pre: 0, after_break: false, left_out: 0, open: Vec::new() }
    }

    /// An element starts. Returns false when its content is left out: the
    /// walker then skips its children and does not call [`close`](Self::close).
    pub fn open(&mut self, el: Element) -> bool {
        // The items of a flex or grid container are blocks.
        let el = match (self.open.last(), el) {
            (Some(Element::Flex), Element::Inline | Element::Cell) => Element::Block,
            _ => el,
        };
        match el {
            Element::Skipped(skip) => {
                if skip == Skip::Furniture {
                    self.left_out += 1;
                }
                // Whatever it held, the text on either side does not run together.
                self.widen(Gap::Space);
                return false;
            }
            Element::Break => {
                let gap = if self.after_break { Gap::Paragraph } else { Gap::Line };
                self.widen(gap);
                self.after_break = true;
            }
            Element::Pre => {
                self.widen(Gap::Paragraph);
                self.pre += 1;
            }
            _ => self.boundary(el),
        }
        self.open.push(el);
        true
    }

    /// An element that [`open`](Self::open) let in ends.
    pub fn close(&mut self, el: Element) {
        let el = self.open.pop().unwrap_or(el);
        match el {
            Element::Pre => {
                self.pre = self.pre.saturating_sub(1);
                self.widen(Gap::Paragraph);
            }
            Element::Break | Element::Skipped(_) => {}
            _ => self.boundary(el),
        }
    }

    /// A text node's characters.
    pub fn text(&mut self, s: &str) {
        for c in s.chars() {
            if self.pre > 0 {
                if c == '\n' {
                    self.widen(Gap::Line);
                    continue;
                }
                self.put(if c == '\u{A0}' || c == '\t' { ' ' } else { c });
                continue;
            }
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{C}') {
                self.widen(Gap::Space);
            } else {
                self.put(if c == '\u{A0}' { ' ' } else { c });
            }
        }
    }

    /// The text written, without trailing white space.
    pub fn finish(self) -> PageText {
        let mut text = self.out;
        text.truncate(text.trim_end().len());
        PageText { text, left_out: self.left_out }
    }

    fn boundary(&mut self, el: Element) {
        match el {
            Element::Block | Element::Flex => self.widen(Gap::Paragraph),
            Element::Cell => self.widen(Gap::Space),
            _ => {}
        }
    }

    fn widen(&mut self, gap: Gap) {
        self.gap = self.gap.max(gap);
    }

    fn put(&mut self, c: char) {
        if !self.out.is_empty() {
            match self.gap {
                Gap::None => {}
                Gap::Space => {
                    if !self.out.ends_with([' ', '\n']) {
                        self.out.push(' ');
                    }
                }
                Gap::Line => self.new_lines(1),
                Gap::Paragraph => self.new_lines(2),
            }
        }
        self.gap = Gap::None;
        self.after_break = false;
        self.out.push(c);
    }

    /// Ends the current line with `n` line breaks in all (no trailing spaces).
    fn new_lines(&mut self, n: usize) {
        self.out.truncate(self.out.trim_end_matches([' ', '\t']).len());
        let have = self.out.len() - self.out.trim_end_matches('\n').len();
        for _ in have..n {
            self.out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny tree for the tests: (tag, children) or text.
    enum Node {
        El(&'static str, Vec<Node>),
        Attr(&'static str, &'static str, &'static str, Vec<Node>),
        Text(&'static str),
    }
    use Node::*;

    fn walk(b: &mut TextBuilder, n: &Node) {
        match n {
            Text(t) => b.text(t),
            El(tag, kids) => walk_el(b, element(tag, |_| None), kids),
            Attr(tag, name, value, kids) => {
                walk_el(b, element(tag, |a| (a == *name).then(|| value.to_string())), kids);
            }
        }
    }

    fn walk_el(b: &mut TextBuilder, el: Element, kids: &[Node]) {
        if b.open(el) {
            for k in kids {
                walk(b, k);
            }
            b.close(el);
        }
    }

    fn text_of(nodes: Vec<Node>) -> PageText {
        let mut b = TextBuilder::new();
        for n in &nodes {
            walk(&mut b, n);
        }
        b.finish()
    }

    #[test]
    fn paragraphs_blocks_and_breaks() {
        let page = text_of(vec![
            El("h1", vec![Text(" Council votes\n to close the terminal ")]),
            El("div", vec![Text("By "), El("a", vec![Text("Mara Lindqvist")])]),
            El("div", vec![El("time", vec![Text("4 February 2025")])]),
            El("p", vec![Text("The council voted "), El("b", vec![Text("7-2")]), Text(" on Monday.")]),
            El("p", vec![Text("Line one"), El("br", vec![]), Text("line two")]),
            El("ul", vec![El("li", vec![Text("First")]), El("li", vec![Text("Second")])]),
        ]);
        assert_eq!(
            page.text,
            "Council votes to close the terminal\n\nBy Mara Lindqvist\n\n4 February 2025\n\n\
             The council voted 7-2 on Monday.\n\nLine one\nline two\n\nFirst\n\nSecond"
        );
    }

    #[test]
    fn furniture_and_code_are_left_out() {
        let page = text_of(vec![
            El("nav", vec![El("a", vec![Text("Home")]), El("a", vec![Text("World")])]),
            El("script", vec![Text("alert(1)")]),
            El("p", vec![Text("Body text.")]),
            El("figure", vec![El("img", vec![]), El("figcaption", vec![Text("A caption. (Photo: X)")])]),
            Attr("div", "aria-hidden", "true", vec![Text("hidden")]),
            Attr("div", "style", "display: none", vec![Text("also hidden")]),
            El("aside", vec![Text("Related: more")]),
            El("footer", vec![Text("© 2025")]),
        ]);
        assert_eq!(page.text, "Body text.");
        assert_eq!(page.left_out, 6);
    }

    #[test]
    fn inline_styles_say_what_is_a_block() {
        let page = text_of(vec![
            Attr(
                "div",
                "style",
                "display: flex; gap: 4px",
                vec![El("span", vec![Text("By Sam Porter")]), El("span", vec![Text("Published: 5 March 2024")])],
            ),
            Attr("a", "style", "color: red; display: block", vec![Text("Share")]),
            Attr("div", "style", "display:inline", vec![Text("runs")]),
            Text(" on"),
        ]);
        assert_eq!(page.text, "By Sam Porter\n\nPublished: 5 March 2024\n\nShare\n\nruns on");
    }

    #[test]
    fn text_either_side_of_a_skipped_element_stays_apart() {
        let page = text_of(vec![El("p", vec![Text("Share"), El("button", vec![Text("x")]), Text("this")])]);
        assert_eq!(page.text, "Share this");
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn html_documents_and_fragments() {
        let page = from_html(
            "<nav><a href=/>Home</a></nav><h1>Council votes</h1><p>By <b>Mara</b></p>\
             <script>document.write('x')</script><p>One &amp; two.<br>Three</p>\
             <figure><img alt=\"A ferry\"><figcaption>A ferry. (Photo: X)</figcaption></figure>",
        );
        assert_eq!(page.text, "Council votes\n\nBy Mara\n\nOne & two.\nThree");
        assert_eq!(page.left_out, 2);
        assert_eq!(from_html("<p>a</p><table><tr><td>1</td><td>2</td></tr></table>").text, "a\n\n1 2");
        assert_eq!(from_html("<div style=\"display:flex\"><a>Share</a><a>Email</a></div>").text, "Share\n\nEmail");
    }

    #[test]
    fn only_the_attributes_the_text_needs_are_kept() {
        let html = "<!doctype html><div class=a STYLE='display: flex' onclick=\"x()\" hidden>\
                    <img src=\"https://example.org/a.png\" onerror=alert(1) alt='A > B'>a &lt; b</div>\
                    <script>if (a<b) { s.style=\"x\" }</script><!-- <p style=x> --><p role=\"note\">c</p></div>";
        assert_eq!(
            keep_text_attributes(html),
            "<!doctype html><div data-style=\"display: flex\" hidden=\"\"><img>a &lt; b</div>\
             <!-- <p style=x> --><p role=\"note\">c</p></div>"
        );
        assert_eq!(keep_text_attributes("a < b <p title=\"x\">c"), "a < b <p>c");
        assert_eq!(keep_text_attributes("<STYLE>p{}</Style ><p>t<script src=x>"), "<p>t");
        assert_eq!(keep_text_attributes("<p data-q=\"say \\\"hi\\\"\">t</p>"), "<p>t</p>");
    }

    #[test]
    fn preformatted_text_keeps_its_lines() {
        let page = text_of(vec![El("pre", vec![Text("a  b\nc")]), El("p", vec![Text("d")])]);
        assert_eq!(page.text, "a  b\nc\n\nd");
    }
}
