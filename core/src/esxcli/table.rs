//! Dash-underlined `esxcli` tables: a title line, a `----  ---` line, rows.
