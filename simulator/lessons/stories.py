"""Each rep's season as a story: who they really were, when you found out, what moved them."""

from __future__ import annotations

from collections import Counter, defaultdict

from ..record import Record
from .facts import Facts, Story

ANSWER_FELT = 0.01  # a change of spirits an answer made that a story counts


def stories(record: Record) -> tuple[Story, ...]:
    """Each rep's season, from the first week to the last (or to the week they left)."""
    f = Facts(record)
    talks = Counter(a.rep for _, a in f.by_kind["one_on_one"])
    revealed = {e.rep: e for e in f.ev["type_revealed"]}
    reads: dict[int, tuple[int, str | None]] = {}  # the last read of each rep stands
    for week, a in f.by_kind["read_type"]:
        reads[a.rep] = (week, a.type.value if a.type is not None else None)
    up: dict[int, Counter] = defaultdict(Counter)
    down: dict[int, Counter] = defaultdict(Counter)
    for e in f.ev["reaction"]:
        if e.data["mood"] == "up":
            up[e.rep][e.data["lever"]] += 1
        elif e.data["mood"] == "down":
            down[e.rep][e.data["lever"]] += 1
    # what moved them that no lever names: an answer in the inbox (its rep, and the
    # colleagues it reached; an answer that pulled a lever is among the reactions), and
    # a promise to them broken (the week report told both; the story left them out)
    for e in f.ev["inbox_answer"]:
        if e.data.get("lever") is not None:
            continue
        moved = dict(e.data.get("team_engagement") or {})
        if e.rep is not None:
            moved[e.rep] = e.data.get("engagement", 0.0)
        for rep, change in moved.items():
            if change >= ANSWER_FELT:
                up[int(rep)]["answer"] += 1
            elif change <= -ANSWER_FELT:
                down[int(rep)]["answer"] += 1
    for e in f.ev["promise_broken"]:
        if e.rep is not None:
            down[e.rep]["promise_broken"] += 1
    out = []
    last_closed = record.period
    for rep in f.reps:
        ev = revealed.get(rep.id)
        given = rep.revealed_by == "scenario"
        results = tuple(
            (rep.quotas.get(p, 0.0), rep.booked.get(p, 0.0))
            for p in range(last_closed)
            if p in rep.quotas
        )
        out.append(
            Story(
                rep=rep.id,
                name=rep.name,
                name_zh=rep.name_zh or rep.name,
                type=rep.type.value,
                revealed_week=0 if given else (ev.week if ev else None),
                revealed_by="scenario" if given else (ev.data["by"] if ev else None),
                engagement_start=float(rep.engagement_start),
                engagement_end=float(rep.engagement),
                lifted_by=tuple(k for k, _ in up[rep.id].most_common(3)),
                put_off_by=tuple(k for k, _ in down[rep.id].most_common(3)),
                one_on_ones=talks.get(rep.id, 0),
                left_week=rep.left_week,
                left_reason=rep.left_reason,
                results=results,
                read=reads.get(rep.id, (None, None))[1],
                read_week=reads.get(rep.id, (None, None))[0],
            )
        )
    return tuple(out)
