"""Harness for the black-box API tests: server processes, HTTP helpers, JWT forging."""
