"""The edges: command line and HTTP. They convert and delegate; the logic lives below them."""
