"""Scenario files: reading, checking and locating them."""

from .loader import (
    ScenarioError,
    default_scenario_path,
    load_scenario,
    scenario_from_dict,
    scenarios_dir,
)

__all__ = [
    "ScenarioError",
    "default_scenario_path",
    "load_scenario",
    "scenario_from_dict",
    "scenarios_dir",
]
