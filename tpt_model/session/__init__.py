"""Per-user view state behind the pages (one typed root), and the services it calls."""
