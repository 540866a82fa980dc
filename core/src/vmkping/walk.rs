//! What a vmkping run's walker and an esxcli diag ping's walker share: the steps they
//! yield, the queue a line's steps wait in, the timeouts inferred from sequence gaps and
//! the summary, and the checks of the shown counts against the summary.

use super::{MAX_LISTED_TIMEOUTS, Response, ResponseType, Seq, Summary};
use crate::diag::{Diagnostic, DiagnosticKind};

/// What a walker yields.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Step<'a> {
    Response(Response<'a>),
    Diagnostic(Diagnostic<'a>),
}

impl<'a> Step<'a> {
    pub(crate) fn response(self) -> Option<Response<'a>> {
        match self {
            Step::Response(r) => Some(r),
            Step::Diagnostic(_) => None,
        }
    }

    pub(crate) fn diagnostic(self) -> Option<Diagnostic<'a>> {
        match self {
            Step::Diagnostic(d) => Some(d),
            Step::Response(_) => None,
        }
    }
}

/// A fixed queue for the few steps one line can produce.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Queue<'a, const N: usize> {
    items: [Option<Step<'a>>; N],
}

impl<const N: usize> Default for Queue<'_, N> {
    fn default() -> Self {
        Queue { items: [None; N] }
    }
}

impl<'a, const N: usize> Queue<'a, N> {
    /// Queues a step (dropped if the queue is full).
    pub(crate) fn push(&mut self, s: Step<'a>) {
        if let Some(slot) = self.items.iter_mut().find(|x| x.is_none()) {
            *slot = Some(s);
        }
    }

    pub(crate) fn diagnostic(&mut self, d: Diagnostic<'a>) {
        self.push(Step::Diagnostic(d));
    }

    pub(crate) fn pop(&mut self) -> Option<Step<'a>> {
        let first = self.items.first_mut()?.take();
        self.items.rotate_left(1);
        first
    }

    /// The replies and duplicates shown against the summary's counts.
    pub(crate) fn check_counts(&mut self, s: Summary, replies: u32, duplicates: u32, failed: u32) {
        let shown = replies.saturating_add(duplicates).saturating_add(failed);
        if shown == 0 && s.received > 0 {
            self.diagnostic(
                Diagnostic::new(DiagnosticKind::RepliesNotShown, s.line)
                    .with_numbers(s.received.into(), 0),
            );
        } else if s.received != replies {
            self.diagnostic(
                Diagnostic::new(DiagnosticKind::SummaryMismatch, s.line)
                    .with_text("", "packets received")
                    .with_numbers(s.received.into(), replies.into()),
            );
        }
        if s.duplicates != duplicates {
            self.diagnostic(
                Diagnostic::new(DiagnosticKind::SummaryMismatch, s.line)
                    .with_text("", "duplicates")
                    .with_numbers(s.duplicates.into(), duplicates.into()),
            );
        }
    }
}

/// The packets a walk accounts for, and the silent timeouts it infers from them.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Timeouts {
    seq: Seq,
    /// Silent timeouts still to emit: `(next_seq, end_seq, line)`.
    gap: Option<(u32, u32, u32)>,
    listed: u32,
    inferred: u32,
    /// Send failures seen.
    pub(crate) failed: u32,
}

impl Timeouts {
    pub(crate) fn new(seq: Seq) -> Self {
        Timeouts {
            seq,
            gap: None,
            listed: 0,
            inferred: 0,
            failed: 0,
        }
    }

    /// The next inferred timeout still to list, if any.
    pub(crate) fn next_gap<'a>(&mut self) -> Option<Step<'a>> {
        let (from, to, line) = self.gap?;
        if from >= to || self.listed >= MAX_LISTED_TIMEOUTS {
            self.gap = None;
            return None;
        }
        self.listed = self.listed.saturating_add(1);
        self.gap = Some((from.saturating_add(1), to, line));
        Some(Step::Response(Response {
            line,
            kind: ResponseType::Timeout,
            bytes: None,
            response_ip: None,
            icmp_seq: Some(from),
            ttl: None,
            time_ms: None,
            duplicate: false,
            error: None,
        }))
    }

    /// Queues the silent timeouts `from..to`, revealed at `line`.
    fn set_gap(&mut self, from: u32, to: u32, line: u32) {
        self.inferred = self.inferred.saturating_add(to.saturating_sub(from));
        self.gap = Some((from, to, line));
    }

    /// A (non-duplicate) reply with `seq` at `line`: the packets before it that got none
    /// are timeouts; a `seq` below the next expected is out of order, said here.
    pub(crate) fn reply<'a>(&mut self, seq: Option<u32>, line: u32) -> Option<Diagnostic<'a>> {
        let before = self.seq.next;
        let (from, to) = self.seq.take(seq);
        self.set_gap(from, to, line);
        let s = seq.filter(|s| *s < before)?;
        Some(
            Diagnostic::new(DiagnosticKind::SequenceOutOfOrder, line)
                .with_numbers(s.into(), before.saturating_sub(1).into()),
        )
    }

    /// An explicit timeout (`seq`, else the next): the gap before it, then itself.
    pub(crate) fn timeout(&mut self, seq: Option<u32>, line: u32) {
        let s = seq.unwrap_or(self.seq.next);
        let (from, _) = self.seq.take(Some(s));
        self.set_gap(from, s.saturating_add(1), line);
    }

    /// A send failure (of packet `seq`, else the next): its response.
    pub(crate) fn send_failed<'a>(
        &mut self,
        error: &'a str,
        seq: Option<u32>,
        line: u32,
    ) -> Step<'a> {
        self.seq.take(seq);
        self.failed = self.failed.saturating_add(1);
        Step::Response(Response {
            line,
            kind: ResponseType::SendFailed,
            bytes: None,
            response_ip: None,
            icmp_seq: None,
            ttl: None,
            time_ms: None,
            duplicate: false,
            error: Some(error),
        })
    }

    /// Packets the summary counts as sent but no line shows: lost in silence.
    pub(crate) fn trailing(&mut self, sum: Summary) {
        let seq = self.seq;
        let end = seq.start.saturating_add(sum.transmitted);
        // Only as many as the summary says were lost and no line shows: a summary pasted
        // without its replies infers nothing.
        let lost = sum.transmitted.saturating_sub(sum.received);
        let shown = self.inferred.saturating_add(self.failed);
        let count = end.saturating_sub(seq.next).min(lost.saturating_sub(shown));
        self.set_gap(seq.next, seq.next.saturating_add(count), sum.line);
    }

    /// Queues `timeouts_not_listed` at `at` for timeouts inferred beyond
    /// [`MAX_LISTED_TIMEOUTS`].
    pub(crate) fn unlisted<'a, const N: usize>(&self, queue: &mut Queue<'a, N>, at: u32) {
        let unlisted = self.inferred.saturating_sub(self.listed);
        if unlisted > 0 {
            queue.diagnostic(
                Diagnostic::new(DiagnosticKind::TimeoutsNotListed, at)
                    .with_numbers(unlisted.into(), 0),
            );
        }
    }
}
