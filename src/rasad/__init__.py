"""rasad: political event data from Arabic, Persian and English news."""

from rasad.native import choose_build

__version__ = "0.1.0"

choose_build()
