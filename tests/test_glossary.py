"""One name per concept: the glossary's Chinese, never the words it rules out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from simulator.scenario import load_scenario, shipped_scenarios
from simulator.texts import catalog

GLOSSARY = Path(__file__).resolve().parents[1] / "docs" / "glossary.md"


def _rows() -> list[tuple[str, str, list[str]]]:
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0] in ("English", "") or set(cells[0]) <= {"-"}:
            continue
        rows.append((cells[0], cells[1], [w.strip() for w in cells[2].split(",") if w.strip()]))
    return rows


def _chinese_messages() -> dict[str, str]:
    out = {}
    for key in catalog.template():
        zh = catalog.languages()["zh"].texts.get(key)
        forms = zh if isinstance(zh, tuple) else (zh or "",)
        out[key] = " ".join(forms)
    return out


def _scenario_texts() -> dict[str, str]:
    out = {}
    for path in shipped_scenarios():
        s = load_scenario(path)
        texts = [s.title.zh, s.briefing.zh]
        for e in s.events:
            texts += [e.title.zh, e.message.zh]
            for c in e.choices:
                texts += [c.text.zh, c.effects.reply.zh]
        out[path.stem] = " ".join(texts)
    return out


def test_the_glossary_has_the_handbooks_terms():
    terms = {zh for _, zh, _ in _rows()}
    assert {"竞争型", "成就型", "自我欣赏型", "守成型", "元老", "面谈", "1、15、30法则"} <= terms


@pytest.mark.parametrize("where", ["catalog", "scenarios"])
def test_no_word_the_glossary_rules_out(where):
    texts = _chinese_messages() if where == "catalog" else _scenario_texts()
    found = [
        f"{name}: {avoid!r} (the glossary says {zh!r} for {en!r})"
        for en, zh, avoided in _rows()
        for avoid in avoided
        for name, text in texts.items()
        if avoid in text
    ]
    assert found == []


def test_the_four_types_are_named_as_the_handbook_names_them():
    assert re.fullmatch(r"自我欣赏型", catalog.text("zh", "type.ego_driven") or "")
    assert catalog.text("zh", "type.service") == "守成型"
