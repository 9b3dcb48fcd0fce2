"""Pipeline stages: one module per stage, talking to each other only through layers."""
