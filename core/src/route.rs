//! `esxcli network ip route ipv4|ipv6 list` tables.
