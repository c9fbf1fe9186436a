"""Renderers: pure functions from the loaded guide to escaped Markdown."""
