"""Test helpers that are not fixtures of their own folder: the printer emulator."""
