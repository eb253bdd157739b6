"""Persistence: SQLAlchemy models, the engine, migrations and data functions."""
