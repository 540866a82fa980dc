//! `esxcfg-vswitch -l`: standard vSwitches and distributed switches.
