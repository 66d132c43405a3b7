"""Tests of the project configuration (settings, environment)."""
