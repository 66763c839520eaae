"""The demo fill (``zhumys demo``): generators of believable centres, employers, vacancies,
people and their histories. Not part of the running service: only the CLI, a test and the
benchmarks use it. ``fill`` is the entry point; see its docstring for the parts.
"""

from app.demo.fill import DEMO_PASSWORD, DemoAlreadyLoaded, DemoReport, fill_demo

__all__ = ["DEMO_PASSWORD", "DemoAlreadyLoaded", "DemoReport", "fill_demo"]
