"""The archivist's loop at scale: what extraction guessed across the archive, grouped so one
decision covers many files (guesses.py), and sidecars written to confirm or correct it
(sidecars.py)."""
