"""Revenue codes as the counter offers them: what a misc item (a permit, a fine, copies) can be for."""

from __future__ import annotations

from dataclasses import dataclass

from cashdesk.services.context import ServiceContext
from cashdesk.store import accounts as account_store


@dataclass(frozen=True, slots=True)
class RevenueCodeChoice:
    code: str
    description: str
    category: str  # a RevenueCategory value: departmental, fee, service, ...


def list_revenue_codes(ctx: ServiceContext, *, category: str | None = None) -> list[RevenueCodeChoice]:
    """Every revenue code (or those of one category), in code order."""
    with ctx.db.unit_of_work(write=False) as uow:
        codes = account_store.revenue_codes(uow.session)
    return [
        RevenueCodeChoice(c.code, c.description, c.category.value)
        for c in sorted(codes.values(), key=lambda c: c.code)
        if category is None or c.category.value == category
    ]


__all__ = ["RevenueCodeChoice", "list_revenue_codes"]
