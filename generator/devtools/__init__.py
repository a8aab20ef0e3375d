"""Tools for the project's own work: synthetic repositories for tests and benchmarks (synth)."""
