//! `esxcli network ip interface list` blocks.
