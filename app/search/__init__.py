"""The app's side of search: the outbox, document building from models, and index tasks."""
