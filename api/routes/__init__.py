"""One router per concern; `api.main` mounts them all."""
