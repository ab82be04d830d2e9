"""Store errors: one family, each with a French message that pages show as is."""


class StoreError(Exception):
    """A persistence error with a French message that can be shown to the user as is."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)
