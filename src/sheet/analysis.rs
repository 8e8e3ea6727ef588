//! Which text the parser works on, so the latest text wins: one request in
//! flight at a time (the parser runs in a Web Worker and answers in order);
//! texts typed meanwhile (or a change of the lines kept as article text)
//! replace one another in a single waiting slot, and the answer to an input
//! that has since been replaced is dropped.

/// What the parser breaks down: a text, and the lines of it the reader keeps
/// as article text (never set aside as page furniture).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Input {
    pub text: String,
    pub kept: Vec<String>,
}

impl Input {
    pub fn new(text: impl Into<String>, kept: Vec<String>) -> Input {
        Input { text: text.into(), kept }
    }
}

/// An input sent to the parser, under its request number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub id: u32,
    pub input: Input,
}

/// What to do with an answer.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Show the answer: it is the breakdown of this input, the latest one.
    Show(Input),
    /// Drop the answer (its text was replaced) and send this request.
    Send(Request),
    /// Not the answer awaited (e.g. to a request sent before a restart): drop it.
    Ignore,
}

/// The parser's queue, as seen from the page (see the module doc).
#[derive(Debug, Default)]
pub struct Queue {
    last_id: u32,
    in_flight: Option<Request>,
    waiting: Option<Input>,
}

impl Queue {
    pub fn new() -> Self {
        Self::default()
    }

    /// A new input to analyse: the request to send now, if the parser is free.
    pub fn submit(&mut self, input: Input) -> Option<Request> {
        match &self.in_flight {
            None => Some(self.send(input)),
            Some(busy) => {
                // Back to the input being analysed: its answer is the one to show.
                self.waiting = (busy.input != input).then_some(input);
                None
            }
        }
    }

    /// The parser answered request `id`.
    pub fn answered(&mut self, id: u32) -> Outcome {
        if self.in_flight.as_ref().is_none_or(|r| r.id != id) {
            return Outcome::Ignore;
        }
        let Some(done) = self.in_flight.take() else { return Outcome::Ignore };
        match self.waiting.take() {
            Some(input) => Outcome::Send(self.send(input)),
            None => Outcome::Show(done.input),
        }
    }

    /// The request the parser is working on.
    pub fn in_flight(&self) -> Option<&Request> {
        self.in_flight.as_ref()
    }

    /// Whether an input is still to be analysed (in flight or waiting).
    pub fn is_busy(&self) -> bool {
        self.in_flight.is_some()
    }

    fn send(&mut self, input: Input) -> Request {
        self.last_id = self.last_id.wrapping_add(1);
        let request = Request { id: self.last_id, input };
        self.in_flight = Some(request.clone());
        request
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(r: Option<Request>) -> Request {
        r.expect("a request to send")
    }

    /// A text with no kept lines.
    fn text(t: &str) -> Input {
        Input::new(t, Vec::new())
    }

    #[test]
    fn a_lone_text_is_sent_and_its_answer_shown() {
        let mut q = Queue::new();
        let r = sent(q.submit(text("one")));
        assert_eq!(r.input, text("one"));
        assert!(q.is_busy());
        assert_eq!(q.answered(r.id), Outcome::Show(text("one")));
        assert!(!q.is_busy());
    }

    #[test]
    fn the_latest_text_wins_and_stale_answers_are_dropped() {
        let mut q = Queue::new();
        let first = sent(q.submit(text("a")));
        // Typed while "a" is being analysed: only the last one waits.
        assert_eq!(q.submit(text("ab")), None);
        assert_eq!(q.submit(text("abc")), None);
        let Outcome::Send(next) = q.answered(first.id) else { panic!("the answer to \"a\" is stale") };
        assert_eq!(next.input, text("abc"));
        assert_ne!(next.id, first.id);
        assert_eq!(q.in_flight(), Some(&next));
        assert_eq!(q.answered(next.id), Outcome::Show(text("abc")));
    }

    #[test]
    fn typing_back_to_the_text_in_flight_needs_no_second_request() {
        let mut q = Queue::new();
        let r = sent(q.submit(text("same")));
        assert_eq!(q.submit(text("samey")), None);
        assert_eq!(q.submit(text("same")), None);
        assert_eq!(q.answered(r.id), Outcome::Show(text("same")));
    }

    #[test]
    fn unexpected_answers_are_ignored() {
        let mut q = Queue::new();
        assert_eq!(q.answered(1), Outcome::Ignore, "nothing was asked");
        let r = sent(q.submit(text("x")));
        assert_eq!(q.answered(r.id + 7), Outcome::Ignore);
        assert!(q.is_busy(), "still waiting for the real answer");
        assert_eq!(q.answered(r.id), Outcome::Show(text("x")));
        assert_eq!(q.answered(r.id), Outcome::Ignore, "answered twice");
    }

    #[test]
    fn a_change_of_kept_lines_is_a_new_input() {
        let mut q = Queue::new();
        let page = "Home\nNews\n\nHeadline\n\nBody.";
        let first = sent(q.submit(text(page)));
        // The reader keeps "News" while the plain page is analysed: the
        // answer to the plain page is stale, the page with "News" kept is sent.
        let kept = Input::new(page, vec!["News".into()]);
        assert_eq!(q.submit(kept.clone()), None);
        let Outcome::Send(next) = q.answered(first.id) else { panic!("the answer without the kept line is stale") };
        assert_eq!(next.input, kept);
        // Hiding it again while that is in flight, then keeping it once more:
        // back to the input in flight, nothing more to send.
        assert_eq!(q.submit(text(page)), None);
        assert_eq!(q.submit(kept.clone()), None);
        assert_eq!(q.answered(next.id), Outcome::Show(kept));
        assert!(!q.is_busy());
    }
}
