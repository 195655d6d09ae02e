"""The cashier's world in pure Python: money, accounts, open items, allocation, aging.

Nothing here imports Qt, SQLAlchemy, python-escpos or ReportLab, or does I/O.
"""
