//! Message and remediation text: each rule's wording lives beside the rule; this
//! only dispatches to it.

use core::fmt;

use super::finding::{Finding, Part};
#[cfg(feature = "esxi-commands")]
use super::switch;
use super::{facts, host, pair, path, ping};

type Render = fn(&Finding<'_>, Part, &mut fmt::Formatter<'_>) -> Option<fmt::Result>;

// `switch` before `facts`: both word `link-capacity-low`, from a NIC list or the facts.
const RENDERERS: &[Render] = &[
    host::render,
    pair::render,
    path::render,
    ping::render,
    #[cfg(feature = "esxi-commands")]
    switch::render,
    facts::render,
];

pub(crate) fn render(x: &Finding<'_>, part: Part, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    RENDERERS
        .iter()
        .find_map(|r| r(x, part, f))
        .unwrap_or_else(|| f.write_str(x.rule.summary()))
}

pub(crate) fn has_remediation(x: &Finding<'_>) -> bool {
    let r = x.rule;
    [
        host::has_remediation(r),
        pair::has_remediation(r),
        path::has_remediation(r),
        ping::has_remediation(r),
        #[cfg(feature = "esxi-commands")]
        switch::has_remediation(r),
        facts::has_remediation(r),
    ]
    .into_iter()
    .flatten()
    .next()
    .unwrap_or(false)
}
