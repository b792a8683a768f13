"""Rasa pipeline components; imported only by Rasa, in its own Python 3.10 venv."""
