"""The dialogue layer: understanding chat, choosing questions, wording replies (no web framework)."""
