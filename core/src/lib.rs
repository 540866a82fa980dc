//! # vmkcheck-core
//!
//! A `#![no_std]`, heap-free, panic-free parser for what ESXi administrators paste:
//! `esxcfg-vmknic -l` tables ([`vmknic`]), `vmkping` runs ([`vmkping`]) and whole SSH
//! transcripts ([`transcript`]). Everything borrows the input (`&str` slices), knows its
//! 1-based line, and is produced lazily by iterators, so there is no capacity limit and
//! no allocation. Doubtful input is reported as [`Diagnostic`]s; only input with nothing
//! to read is an [`Error`].
//!
//! With the `serde` feature every result serializes to exactly the JSON of the
//! project's contract (DESIGN.md §4), which all front ends share.
//!
//! ```
//! use vmkcheck_core::transcript::{self, SectionKind};
//! let text = "[root@esx01:~] vmkping ++netstack=vmotion -d -s 8972 192.0.2.12\n\
//!             PING 192.0.2.12 (192.0.2.12): 8972 data bytes\n\
//!             sendto() failed (Message too long)\n";
//! let t = transcript::parse(text);
//! let s = t.sections().next().unwrap();
//! assert_eq!((s.host, s.kind), (Some("esx01"), SectionKind::Vmkping));
//! let run = s.vmkping().unwrap();
//! assert_eq!(run.responses().next().unwrap().error, Some("Message too long"));
//! ```

#![no_std]
#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects
    )
)]
#![warn(missing_docs)]

#[cfg(any(feature = "std", test))]
extern crate std;

pub mod diag;
#[cfg(feature = "esxi-commands")]
pub mod diag_ping;
mod error;
#[cfg(feature = "esxi-commands")]
pub mod esxcli;
pub mod facts;
#[cfg(feature = "esxi-commands")]
pub mod iface;
#[cfg(feature = "esxi-commands")]
pub mod ipaddr;
mod json;
pub mod lines;
#[cfg(feature = "esxi-commands")]
pub mod netstack;
#[cfg(feature = "esxi-commands")]
pub mod nic;
pub mod prompt;
pub mod report;
#[cfg(feature = "esxi-commands")]
pub mod route;
pub mod rules;
#[cfg(feature = "serde")]
mod ser;
#[cfg(feature = "serde")]
pub use ser::{RuleEntry, TRANSCRIPT_SCHEMA};
pub mod shape;
#[cfg(feature = "esxi-commands")]
pub mod tags;
pub mod transcript;
#[cfg(feature = "esxi-commands")]
pub mod version;
pub mod vmknic;
pub mod vmkping;
#[cfg(feature = "esxi-commands")]
pub mod vswitch;

pub use diag::{Diagnostic, DiagnosticKind};
pub use error::{Error, ErrorKind};
