"""Renderers: the plan model to an HTML site and to a PDF, through one Jinja environment."""
