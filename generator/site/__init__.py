"""From a validated repository to the plain docs tree that MkDocs (or Zensical) builds."""
