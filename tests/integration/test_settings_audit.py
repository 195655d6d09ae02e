"""A change to the settings file is recorded in the audit trail when the program next starts."""

from pathlib import Path

from cashdesk.config import Settings
from cashdesk.domain.security import Role
from cashdesk.services.audit import AuditFilter, list_events, verify_audit
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.services.settings_audit import audit_settings_changes

SUPERVISOR = Operator("msuper", Role.SUPERVISOR)


def start(path: Path, values: dict[str, object]) -> ServiceContext:
    return ServiceContext.open(path, settings=Settings(values))


def test_changes_are_recorded_once_with_old_and_new_values(db_path: Path) -> None:
    ctx = start(db_path, {})
    try:
        first = audit_settings_changes(ctx)
        assert first["station.id"] == [None, "W01"]  # the first start records every value
        assert audit_settings_changes(ctx) == {}  # nothing changed: nothing recorded
    finally:
        ctx.close()
    ctx = start(db_path, {"station.id": "W02", "security.idle_lock_minutes": 10})
    try:
        assert audit_settings_changes(ctx) == {"station.id": ["W01", "W02"], "security.idle_lock_minutes": [15, 10]}
        events = list_events(ctx, SUPERVISOR, AuditFilter(event_type="setting_change"))
        assert len(events) == 2 and events[0].details["changed"]["station.id"] == ["W01", "W02"]
        assert events[0].user.startswith("os:") and events[0].station == "W02"
        assert verify_audit(ctx).ok
    finally:
        ctx.close()
