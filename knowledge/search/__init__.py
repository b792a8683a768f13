"""Semantic search over the catalog and the source text: encoders, the FAISS index, ranking."""
