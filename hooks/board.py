"""MkDocs hook: wires MkDocs events to the bangvang package (all logic lives there)."""

from bangvang.engine import require_tested

# First, before anything of the engine is imported: an engine or theme the project was not tested on
# (src/bangvang/engine.py) stops here with a Vietnamese message, not with a traceback further on.
require_tested()

from bangvang.mkdocs_hooks import (  # noqa: E402,F401
    on_build_error, on_config, on_env, on_files, on_page_content, on_page_context, on_page_markdown, on_post_build,
    on_post_page, on_post_template, on_pre_build, on_serve, on_shutdown, on_startup,
)
