"""Application services: the operations pages, API and CLI share."""
