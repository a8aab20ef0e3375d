"""MkDocs 1.6 with Material for MkDocs, the default site engine."""
