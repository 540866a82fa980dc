//! Physical NICs: `esxcli network nic list` and `esxcfg-nics -l`.
