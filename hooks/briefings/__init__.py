"""Turn raw scraped briefings into clean, structured records. Pure Python: no MkDocs import."""
