"""Zensical, the successor of MkDocs + Material by the same team, as a site engine."""
