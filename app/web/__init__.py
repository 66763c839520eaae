"""Blueprints: pages and endpoints."""
