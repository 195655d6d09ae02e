"""The city's starting chart of revenue codes and the GL accounts they post to.

GL strings are Fund-Department-Object (505-000-344100: water sales in the water/sewer fund).
An administrator changes them later; these are the defaults `cashdesk init` installs.
"""

from __future__ import annotations

from cashdesk.domain.accounts import RevenueCategory as C
from cashdesk.domain.accounts import RevenueCode

DEFAULT_REVENUE_CODES: tuple[RevenueCode, ...] = (
    RevenueCode("WATER", "Water service", "505-000-344100", C.SERVICE),
    RevenueCode("SEWER", "Sewer service", "505-000-344200", C.SERVICE),
    RevenueCode("TRASH", "Trash collection", "510-000-344300", C.SERVICE),
    RevenueCode("STORM", "Stormwater", "515-000-344400", C.SERVICE),
    RevenueCode("LATEFEE", "Late fee", "505-000-359100", C.FEE),
    RevenueCode("NSF", "Returned check (NSF) fee", "100-150-359200", C.FEE),
    RevenueCode("DOORTAG", "Door tag / shut-off notice fee", "505-000-344910", C.FEE),
    RevenueCode("RECON", "Reconnection fee", "505-000-344920", C.FEE),
    RevenueCode("DEPOSIT", "Utility deposit", "505-000-220100", C.DEPOSIT),
    RevenueCode("SALESTAX", "Sales tax", "100-150-313100", C.TAX),
    RevenueCode("USETAX", "Use tax", "100-150-313200", C.TAX),
    RevenueCode("TAXPEN", "Sales tax penalty", "100-150-319100", C.PENALTY),
    RevenueCode("TAXINT", "Sales tax interest", "100-150-319200", C.PENALTY),
    RevenueCode("BLDGPRMT", "Building permit", "100-310-322100", C.DEPARTMENTAL),
    RevenueCode("BUSLIC", "Business licence", "100-150-321100", C.DEPARTMENTAL),
    RevenueCode("COURT", "Municipal court fine", "100-120-351100", C.DEPARTMENTAL),
    RevenueCode("PARKING", "Parking ticket", "100-120-351200", C.DEPARTMENTAL),
    RevenueCode("COPIES", "Copies and records", "100-150-341900", C.DEPARTMENTAL),
    RevenueCode("MISC", "Miscellaneous receipt", "100-150-369900", C.DEPARTMENTAL),
)
