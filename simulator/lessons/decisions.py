"""The manager's answers to the inbox, judged against the handbook's answer key.

A scenario's messages ask for decisions ("Huang Fang rescued an installation
and missed her call target: what do you say?"). The author marks the choice the
handbook would make (``handbook: true``) and tags choices with the lessons they
touch (``lessons: [P7, P9]``). Every answer is a decision the debrief must
count, beside what the manager did at the desk: an answer against the handbook
takes a lesson's verdict one step down (a lesson otherwise followed is partly
followed; one partly followed, or with nothing else to judge it by, is missed),
with the moment first ("week 3: you chose «Remind her at the team meeting…» for
Huang Fang"); the handbook's answer counts as following them. One wrong answer
does not undo a season of doing what a lesson teaches, and a season of doing it
does not excuse the answer. A message left to expire lets its default happen,
and that default is judged the same way.

The lessons at stake in an answer are its own tags, the message's, and — for
an answer against the handbook — the handbook answer's tags too: choosing
public criticism over private thanks misses the lesson the thanks would have
taught as well as the one the criticism breaks.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..record import Record
from .facts import FOLLOWED, MISSED, PARTLY, UNTESTED, Finding, Moment


@dataclass(frozen=True)
class Decision:
    """One answered (or expired) inbox message, with what the handbook would have chosen."""

    week: int
    item: int  # the message, as the observation's inbox numbers it
    rep: int | None
    choice: str
    handbook: str | None  # the handbook's choice, when the author marked one
    lessons: tuple[str, ...]
    expired: bool  # the manager let it go and its default happened

    @property
    def judged(self) -> bool:
        return self.handbook is not None

    @property
    def followed(self) -> bool:
        return self.choice == self.handbook


def decisions(record: Record) -> list[Decision]:
    """Every inbox decision of the game, in the order they were made."""
    specs = {e.id: e for e in record.scenario.events}
    expired = {e.data["item"] for e in record.events if e.kind == "inbox_expired"}
    out = []
    for e in record.events:
        if e.kind != "inbox_answer":
            continue
        spec = specs.get(e.data["event"])
        if spec is None:
            continue
        chosen = spec.choice(e.data["choice"])
        handbook = spec.handbook_choice
        lessons = list(spec.lessons) + list(chosen.lessons if chosen else ())
        if handbook is not None and e.data["choice"] != handbook:
            hb = spec.choice(handbook)
            lessons += list(hb.lessons if hb else ())
        out.append(
            Decision(
                week=e.week,
                item=int(e.data["item"]),
                rep=e.rep,
                choice=str(e.data["choice"]),
                handbook=handbook,
                lessons=tuple(dict.fromkeys(lessons)),
                expired=int(e.data["item"]) in expired,
            )
        )
    return out


def moment(d: Decision) -> Moment:
    """The decision as a moment of the debrief: the week, the person, what was chosen."""
    if d.followed:
        key = "m.choice_along"
    else:
        key = "m.choice_expired" if d.expired else "m.choice_against"
    values = {"item": d.item, "choice": d.choice}
    if d.rep is not None:
        values["rep"] = d.rep
    if d.handbook is not None:
        values["handbook"] = d.handbook
    return Moment(d.week, key, values)


def judge(finding: Finding, made: list[Decision]) -> Finding:
    """The finding with the inbox decisions that touch its lesson counted in.

    Answers against the handbook take the verdict a step down, their moments
    first: followed becomes partly; partly, missed. A lesson judged by the
    answers alone is missed unless the handbook's answers outnumber the others
    (then partly). The handbook's answers are moments of the lesson followed,
    and make a lesson the game otherwise gave no occasion for a followed one.
    """
    mine = [d for d in made if d.judged and finding.lesson in d.lessons]
    if not mine:
        return finding
    against = [moment(d) for d in mine if not d.followed]
    along = [moment(d) for d in mine if d.followed]
    if against:
        outweighed = finding.status == UNTESTED and len(along) > len(against)
        status = PARTLY if finding.status == FOLLOWED or outweighed else MISSED
        # the facts of the lesson stay, as the first of its moments
        facts = () if finding.status == UNTESTED else (finding.summary,)
        return replace(
            finding,
            status=status,
            summary=Moment(0, "s.choices_against", {"n": len(against), "of": len(mine)}),
            moments=(*against, *facts, *finding.moments, *along),
        )
    if finding.status == UNTESTED:
        return replace(
            finding,
            status=FOLLOWED,
            summary=Moment(0, "s.choices_along", {"n": len(along)}),
            moments=(*finding.moments, *along),
        )
    return replace(finding, moments=(*finding.moments, *along))
