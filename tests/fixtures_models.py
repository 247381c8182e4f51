"""Fixtures that build real (copy) Argos models for the test session."""
