"""The ward's measures as data, and the engine that says who qualifies and why.

This package imports no web framework and no dialogue code: the API, the bot and the Rasa
actions all stand on it, never the other way round.
"""
