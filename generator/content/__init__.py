"""Content: read the repository's Markdown and YAML into typed entries (loader.py, models/) and
validate them in one place (validate.py); it names pages, it does not know the site."""
