"""The window stages' row work, apart from Dagster and run in worker processes (workers.py).

Each stage module holds what one stage does to one row, as a chunk function over raw COPY rows: snapshot
(mask PII), parse (read the format), normalize (the cascade). The assets stream a window through them.
"""
