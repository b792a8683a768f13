"""The LINE channel: a thin edge that verifies, converts, and calls the same chat service as the web."""
