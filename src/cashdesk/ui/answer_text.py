"""An answer and a referral as the answers window shows them: the text to read out, and the facts
under it (what it rests on, the department, the version; a referral's phone, address and hours)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from cashdesk.ui.i18n import translate

if TYPE_CHECKING:
    from cashdesk.domain.answers import Referral
    from cashdesk.services.answers import AnswerView


def answer_html(view: AnswerView) -> str:
    a = view.answer
    parts = [f"<h2>{html.escape(a.title)}</h2>"]
    if view.review_due:
        parts.append(
            translate(
                "answer_text",
                "<p style='color:#b00020;font-weight:bold'>Due for review since {review_on:%m/%d/%Y}: "
                "check it with a supervisor before relying on it.</p>",
            ).format(review_on=a.review_on)
        )
    if a.question:
        parts.append(f"<p><i>“{html.escape(a.question)}”</i></p>")
    parts += [f"<p>{html.escape(p)}</p>" for p in a.body.split("\n\n") if p.strip()]
    facts = [
        (translate("answer_text", "Rests on"), a.citation),
        (translate("answer_text", "Link"), a.link),
        (translate("answer_text", "Department"), a.department),
        (translate("answer_text", "Effective"), f"{a.effective_on:%m/%d/%Y}" if a.effective_on else ""),
        (
            translate("answer_text", "Version"),
            translate("answer_text", "{version}, by {changed_by}").format(
                version=view.version, changed_by=view.changed_by
            ),
        ),
    ]
    parts += [f"<p><b>{label}:</b> {html.escape(value)}</p>" for label, value in facts if value]
    return "".join(parts)


def referral_html(place: Referral) -> str:
    parts = [f"<h2>{html.escape(place.name)}</h2>"]
    parts += [f"<p>{html.escape(p)}</p>" for p in place.handles.split("\n\n") if p.strip()]
    facts = [
        (translate("answer_text", "Phone"), place.phone),
        (translate("answer_text", "Address"), place.address),
        (translate("answer_text", "Hours"), place.hours),
        (translate("answer_text", "Web"), place.web),
    ]
    parts += [f"<p><b>{label}:</b> {html.escape(value)}</p>" for label, value in facts if value]
    return "".join(parts)
