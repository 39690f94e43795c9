"""rasad: political event data from Arabic, Persian and English news."""

__version__ = "0.1.0"
