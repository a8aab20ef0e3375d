"""Publishing: a build (load and render in a child, an engine, the search, the swap), the
live preview and the MkDocs root entrance (direct.py)."""
