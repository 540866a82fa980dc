//! `esxcli network ip interface ipv4 get` and `ipv6 address list` tables.
