"""The project's benchmark: speed as ratios measured in one run (`make bench`)."""
