"""MkDocs hook: wires MkDocs events to the bangvang package (all logic lives there)."""

from bangvang.mkdocs_hooks import (  # noqa: F401
    on_build_error, on_config, on_env, on_files, on_page_content, on_page_context, on_page_markdown, on_post_build,
    on_post_page, on_post_template, on_pre_build, on_serve, on_shutdown, on_startup,
)
