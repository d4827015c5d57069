"""Stops that come from outside a policy's code, and pass through it.

A policy is code an analyst wrote; whatever it raises is its own mistake
(:mod:`simulator.policy_errors`), except a stop sent from outside it, such as a
batch's time limit for one run. Such a stop is an :class:`Interruption`: it is
passed on as it is, never told as the policy's error. (A module of its own, with
no imports, so that both the batch and the policy's checks can name it cheaply.)
"""

from __future__ import annotations


class Interruption(BaseException):
    """A stop from outside the policy (a time limit), passed on through its code."""
