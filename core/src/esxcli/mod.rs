//! Shapes shared by `esxcli` output: dash-underlined tables ([`table`]) and indented
//! `Key: Value` blocks ([`block`]).

pub mod block;
pub mod table;
