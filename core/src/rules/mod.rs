//! The rule engine: is vMotion going to work between these hosts, and if not, why and
//! what to run next?
//!
//! [`check`] reads [`Source`]s (pasted transcripts) and optional [`Facts`], works in a
//! caller-provided [`Workspace`] (size it with [`needs`]) and hands every [`Finding`]
//! to a sink. Nothing is allocated; messages render through `core::fmt`. Evaluation
//! costs O(H² + P·log P + R·log R) for H hosts, P ping runs and R rows.
//!
//! ```
//! use vmkcheck_core::rules::{self, Host, HostSection, PingFact, Row, Source, Workspace, Rule};
//! let text = "\
//! [root@esx01:~] esxcfg-vmknic -l
//! Interface  Port Group/DVPort/Opaque Network        IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type                NetStack
//! vmk1       vMotion                                 IPv4      198.51.100.11                           255.255.255.0   198.51.100.255  00:50:56:6b:a1:0a 9000    65535     true    STATIC              vmotion
//! ";
//! let sources = [Source { name: "", text }];
//! let (mut hosts, mut rows, mut index, mut pings) = ([Host::EMPTY; 4], [Row::EMPTY; 8], [0usize; 8], [PingFact::EMPTY; 4]);
//! let mut sections = [HostSection::EMPTY; 4];
//! let mut ws = Workspace { hosts: &mut hosts, rows: &mut rows, index: &mut index, pings: &mut pings, sections: &mut sections };
//! let mut ids = [""; 8];
//! let mut n = 0;
//! rules::check(&sources, None, &mut ws, &mut |f| { ids[n] = f.rule.id(); n += 1; })?;
//! assert!(ids[..n].contains(&"provisioning-stack-absent"));
//! assert!(ids[..n].contains(&"facts-not-provided"));
//! # Ok::<(), vmkcheck_core::Error>(())
//! ```
//!
//! [`Facts`]: crate::facts::Facts

mod catalog;
mod engine;
mod facts;
mod finding;
mod host;
mod model;
mod pair;
mod path;
mod ping;
#[cfg(feature = "esxi-commands")]
mod switch;
mod text;

pub use catalog::{Rule, Severity};
pub use engine::{Checked, check};
pub use finding::{Evidence, Finding, HostName};
pub use model::{Host, HostSection, Needs, PingFact, Row, Source, Workspace, needs};
pub use path::{LONG_DISTANCE_MS, MAX_RTT_MS};

#[cfg(test)]
mod tests;
