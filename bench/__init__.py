"""Benchmarks of the Connective Cities portal (see bench/README.md)."""
