//! ESXi version: `vmware -v`, `vmware -vl`, `esxcli system version get`.
