"""The core: configuration, loading and the model, and the text and file tools every other group builds on.

Nothing here imports the lint, site, exchange or authoring groups (tests/test_architecture.py holds the layering).
"""
