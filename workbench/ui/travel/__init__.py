"""Widgets of the travel documents dashboard (one composite widget per file)."""
