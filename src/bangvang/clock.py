"""Today's date for validation ("a date in the future is an error") and for pages.

When SOURCE_DATE_EPOCH is set (reproducible builds, as MkDocs honours it for the
sitemap), that moment is "today", so two builds of one commit are byte-identical.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timezone


def today() -> date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()
