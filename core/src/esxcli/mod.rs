//! Shapes shared by `esxcli` output: dash-underlined tables ([`table`]) and indented
//! `Key: Value` blocks ([`block`]).

pub mod block;
pub mod table;
// Typed rows of the address and route tables (ipaddr, route).
pub(crate) mod cells;
