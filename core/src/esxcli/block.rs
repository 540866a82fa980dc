//! Indented `Key: Value` blocks of `esxcli` output, each under an unindented name line.
