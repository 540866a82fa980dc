//! Per-host facts (placeholder; being written).
