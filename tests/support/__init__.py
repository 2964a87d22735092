"""Helpers shared by the tests (pyproject's `pythonpath = ["tests"]` makes them `support.…`): the sample project,
hostile inputs and their runner, ingest's feeds and test server, PDF tools, directory snapshots, the fault injector."""
