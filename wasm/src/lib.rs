//! WebAssembly bindings (being written).
