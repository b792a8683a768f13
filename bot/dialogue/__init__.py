"""The conversation: what to ask next, how to answer, and the state a session keeps."""
