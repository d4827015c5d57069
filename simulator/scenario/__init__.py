"""Scenario files: the format (schema), reading and checking them, and finding them."""

from ..core.spec import Scenario  # what loading a scenario gives
from .loader import (
    ScenarioError,
    check_file,
    default_scenario_path,
    load_scenario,
    read_merged,
    scenario_from_dict,
    scenarios_dir,
    shipped_scenarios,
    to_core,
    validate,
)
from .schema import json_schema
from .source import Problem

__all__ = [
    "Problem",
    "Scenario",
    "ScenarioError",
    "check_file",
    "default_scenario_path",
    "json_schema",
    "load_scenario",
    "read_merged",
    "scenario_from_dict",
    "scenarios_dir",
    "shipped_scenarios",
    "to_core",
    "validate",
]
