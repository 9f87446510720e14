"""The theme's own templates under "theme/": an override can wrap the file it replaces.

MkDocs looks a template up in the custom_dir (overrides/) first, then in the theme, so a file in
overrides/ hides the theme's file of the same name for good. With the theme's folders also reachable
as "theme/<name>", an override can include the original and add to it, instead of copying it
(overrides/partials/search.html renders Material's search box once per build).
"""

from __future__ import annotations

import jinja2

PREFIX = "theme"


def with_theme_prefix(env: jinja2.Environment, theme) -> jinja2.Environment:
    """`env`, whose loader also answers "theme/<name>" from the folders of `theme` (MkDocs' Theme)
    but its custom_dir."""
    if getattr(env.loader, "bv_theme_prefix", False):
        return env  # the same environment again (mkdocs serve keeps it between builds)
    theme_only = jinja2.FileSystemLoader([d for d in theme.dirs if d != theme.custom_dir])
    loader = jinja2.ChoiceLoader([env.loader, jinja2.PrefixLoader({PREFIX: theme_only})])
    loader.bv_theme_prefix = True
    env.loader = loader
    return env
