//! `esxcli network diag ping` output: the same evidence as a vmkping run.
