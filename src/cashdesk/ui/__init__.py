"""The window: PySide6 screens, dialogs and Qt models over service results. Never opens a database session."""
