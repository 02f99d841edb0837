"""The inter-parliamentary dashboard: one composite widget per file."""
