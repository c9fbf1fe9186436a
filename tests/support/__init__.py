"""Helpers the test tiers share: projects to build, builds, hooks as MkDocs loads them, and the browser."""
