"""The ceremony screen of an event (/su-kien/<id>/trinh-chieu/): its slides, and the file that runs alone.

For the hall's TV or projector: a title slide (the event, its date and place), one slide per model
and per award handed over there (the name, the honor, the unit, the photo when the person agreed to
it: the public view has already left out every other photo), a slide of what was only counted, and
a closing slide. The page shows the slides as a list (without JavaScript that is all it is);
screen.js turns it into a full-screen presentation. The same slides are also written as one HTML
file with its style, script, font and photos inside, to run from a USB stick with no network and no
server (file://): the hall's computer is often offline.

Nobody who withdrew is on a slide; a person shown by initials is shown by initials, as everywhere.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from pathlib import Path

from . import vocab
from .csp import sha256_source

PACKAGE = Path(__file__).parent
SCRIPT, STYLE = PACKAGE / "assets" / "screen.js", PACKAGE / "assets" / "screen.css"
SITE_SCRIPT, SITE_STYLE = "assets/bv-screen.js", "assets/bv-screen.css"  # the same files, for the site's pages
FONTS = (("Noto Serif", 400, PACKAGE / "fonts" / "NotoSerif-Regular.ttf"),
         ("Noto Serif", 700, PACKAGE / "fonts" / "NotoSerif-Bold.ttf"))
PAGE = "trinh-chieu/"  # under the event's page
OFFLINE = "trinh-chieu-{id}.html"  # beside it: a download, not a page of the site (no theme, its own CSP)


def is_offline_file(path: str) -> bool:
    """Whether a site path is a ceremony screen's file to run alone (the site's checks of its pages
    leave it out; tests/browser/test_ceremony_screen.py checks it)."""
    parts = path.split("/")
    return len(parts) >= 2 and parts[-2] == PAGE.strip("/") and parts[-1].startswith("trinh-chieu-") \
        and parts[-1].endswith(".html")


@dataclass
class Slide:
    kind: str                           # "title", "honoree", "counts" or "closing"
    name: str = ""                      # the event's title, or the honoree's name (the largest line)
    honor: str = ""                     # what they were honored with
    lines: list[str] = field(default_factory=list)  # smaller lines: unit, date and place…
    photo: tuple | None = None          # (kind key, record id) of the thumbnails to show
    alt: str = ""


def has_honorees(event) -> bool:
    """Whether an event has anyone to put on the screen (an event told only in words has no screen)."""
    return bool(event.models or event.awards or event.counts)


def slides(view, labels, event) -> list[Slide]:
    """The slides of `event`, in the order of its page: models, then awards, then what was counted."""
    out = [_title(labels, event)]
    for model in (view.get(ref) for ref in event.models):
        person = view.get(model.recipient)
        name = f"{model.honorific} {person.display_name}" if model.honorific else person.display_name
        photo_of = model if getattr(model, "photo", None) else person
        out.append(Slide("honoree", name, "Gương điển hình tiên tiến" + (f" · {model.area}" if model.area else ""),
                         [x for x in (person.affiliation or person.neighbourhood,) if x],
                         _photo(photo_of), _alt(photo_of)))
    counted = []
    for award in (view.get(ref) for ref in event.awards):
        if view.is_anonymous(award):
            continue  # a person who withdrew is on no slide
        if not award.recipient:
            counted.append(f"{award.group.label}: {award.what}" if award.what else award.group.label)
            continue
        person = view.get(award.recipient)
        out.append(Slide("honoree", person.display_name, award.what or "Khen thưởng",
                         [x for x in (person.role, person.affiliation or person.neighbourhood, labels.authority(award))
                          if x], _photo(person), _alt(person)))
    counted += [c.label for c in event.counts]
    if counted:
        out.append(Slide("counts", "Cùng được khen thưởng, biểu dương", lines=counted))
    out.append(Slide("closing", "Xin chúc mừng các tập thể, cá nhân được tôn vinh!",
                     lines=[x for x in (view.unit.site_name, view.unit.site_url) if x]))
    return out


def _title(labels, event) -> Slide:
    when = ", ".join(x for x in (event.time, event.date.short() if event.date else "") if x)
    organiser = event.organiser_printed or (labels.body_name_at(labels.view.get(event.organiser), event.date, short=False)
                                            if event.organiser else "")
    kicker = labels.event_kind(event) or vocab.EVENT_KINDS[event.kind].label
    return Slide("title", event.title, kicker, [x for x in (when, event.place, organiser) if x])


def _photo(record) -> tuple | None:
    return (type(record).KIND, record.id) if getattr(record, "photo", None) else None


def _alt(record) -> str:
    return record.photo.alt if getattr(record, "photo", None) else ""


# -- the file that runs alone ------------------------------------------------------------------------

def data_uri(data: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def offline_style() -> str:
    """The presentation's style with its font inside (data: URIs)."""
    faces = "".join(f'@font-face{{font-family:"{family}";font-weight:{weight};font-style:normal;'
                    f'src:url({data_uri(path.read_bytes(), "font/ttf")}) format("truetype")}}\n'
                    for family, weight, path in FONTS)
    return faces + STYLE.read_text(encoding="utf-8")


def policy(style: str, script: str) -> str:
    """The offline file's own Content-Security-Policy: nothing from anywhere, its one style and script
    by their hashes, pictures and fonts from data: URIs. Opened from the site, it fetches nothing either."""
    return (f"default-src 'none'; img-src data:; font-src data:; style-src {sha256_source(style)}; "
            f"script-src {sha256_source(script)}; "
            "base-uri 'none'; form-action 'none'")
