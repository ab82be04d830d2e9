"""The command line `python -m tpt_model`: French messages, documented exit codes."""
