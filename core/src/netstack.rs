//! `esxcli network ip netstack list` blocks.
