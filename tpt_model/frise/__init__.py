"""The frise: its rows, its layout and its Altair chart."""
