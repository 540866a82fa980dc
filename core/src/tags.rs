//! `esxcli network ip interface tag get -i vmkN` output.
