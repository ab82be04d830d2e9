"""Located, safe YAML reading (and writing) for the pilots' files."""
