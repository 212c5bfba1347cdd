"""concertation-tui: run a réunion de concertation around and with one person, and write its minute."""

SCHEMA_DESCRIPTIONS_ENV = "CONCERTATION_SCHEMA_DESCRIPTIONS"
"""Set to 1 before the model is imported to turn its attribute docstrings into schema descriptions.

pydantic reads them by parsing the model's source, about 40 ms at every start: the headless commands
would pay it for nothing, so only `concertation schema` (which runs with it set) does."""
