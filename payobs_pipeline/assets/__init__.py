"""Dagster assets: thin shells that stream a window's rows through the core and write them."""
