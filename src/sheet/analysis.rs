//! Which text the parser works on, so the latest text wins: one request in
//! flight at a time (the parser runs in a Web Worker and answers in order);
//! texts typed meanwhile replace one another in a single waiting slot, and
//! the answer to a text that has since been replaced is dropped.

/// A text sent to the parser, under its request number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub id: u32,
    pub text: String,
}

/// What to do with an answer.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Show the answer: it is the breakdown of this text, the latest one.
    Show(String),
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
    waiting: Option<String>,
}

impl Queue {
    pub fn new() -> Self {
        Self::default()
    }

    /// A new text to analyse: the request to send now, if the parser is free.
    pub fn submit(&mut self, text: String) -> Option<Request> {
        match &self.in_flight {
            None => Some(self.send(text)),
            Some(busy) => {
                // Back to the text being analysed: its answer is the one to show.
                self.waiting = (busy.text != text).then_some(text);
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
            Some(text) => Outcome::Send(self.send(text)),
            None => Outcome::Show(done.text),
        }
    }

    /// The request the parser is working on.
    pub fn in_flight(&self) -> Option<&Request> {
        self.in_flight.as_ref()
    }

    /// Whether a text is still to be analysed (in flight or waiting).
    pub fn is_busy(&self) -> bool {
        self.in_flight.is_some()
    }

    fn send(&mut self, text: String) -> Request {
        self.last_id = self.last_id.wrapping_add(1);
        let request = Request { id: self.last_id, text };
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

    #[test]
    fn a_lone_text_is_sent_and_its_answer_shown() {
        let mut q = Queue::new();
        let r = sent(q.submit("one".into()));
        assert_eq!(r.text, "one");
        assert!(q.is_busy());
        assert_eq!(q.answered(r.id), Outcome::Show("one".into()));
        assert!(!q.is_busy());
    }

    #[test]
    fn the_latest_text_wins_and_stale_answers_are_dropped() {
        let mut q = Queue::new();
        let first = sent(q.submit("a".into()));
        // Typed while "a" is being analysed: only the last one waits.
        assert_eq!(q.submit("ab".into()), None);
        assert_eq!(q.submit("abc".into()), None);
        let Outcome::Send(next) = q.answered(first.id) else { panic!("the answer to \"a\" is stale") };
        assert_eq!(next.text, "abc");
        assert_ne!(next.id, first.id);
        assert_eq!(q.in_flight(), Some(&next));
        assert_eq!(q.answered(next.id), Outcome::Show("abc".into()));
    }

    #[test]
    fn typing_back_to_the_text_in_flight_needs_no_second_request() {
        let mut q = Queue::new();
        let r = sent(q.submit("same".into()));
        assert_eq!(q.submit("samey".into()), None);
        assert_eq!(q.submit("same".into()), None);
        assert_eq!(q.answered(r.id), Outcome::Show("same".into()));
    }

    #[test]
    fn unexpected_answers_are_ignored() {
        let mut q = Queue::new();
        assert_eq!(q.answered(1), Outcome::Ignore, "nothing was asked");
        let r = sent(q.submit("x".into()));
        assert_eq!(q.answered(r.id + 7), Outcome::Ignore);
        assert!(q.is_busy(), "still waiting for the real answer");
        assert_eq!(q.answered(r.id), Outcome::Show("x".into()));
        assert_eq!(q.answered(r.id), Outcome::Ignore, "answered twice");
    }
}
