"""Authoring: what contributors write with (the issue forms and their replies, the editor's
configuration, `new`, `format`, the JSON schemas)."""
