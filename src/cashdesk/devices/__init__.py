"""Devices: receipt layout to ESC/POS bytes, printer specs, the print queue, the drawer kick."""
