"""Load, lint and publish a multilingual glossary kept as one YAML file per concept."""

__version__ = "0.1.0"
