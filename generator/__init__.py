"""Red de Centros: load, validate and publish the good practices of a network of centers."""
