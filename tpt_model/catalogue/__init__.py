"""The catalogue: the pilots' file formats, their loading and validation, search and cards."""
