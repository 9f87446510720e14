"""The draft report itself, as plain blocks that the Word writer (draftdocx.py) and the Markdown
writer (`markdown()`) lay out the same way.

Decree 30/2020 layout: header (parent body, issuer, "Số: …/BC-UBND"; national motto, place and a
blank date), type line and subject, the body in sections (the movements of the period, the award
figures and table, recognised models, ceremonies, proposals), signature block and "Nơi nhận". Every
figure comes from draftfacts.py; where the data does not know, the draft says "…" for the officer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import docnumber, vocab
from .draftfacts import Facts
from .labels import award_span, movement_years
from .wordmarkdown import escape, pipe_table

BLANK = "…"  # a visible blank: the officer fills it in
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
TABLE_HEAD = ["TT", "Năm", "Danh hiệu, hình thức", "Tập thể, cá nhân được khen", "Người, cơ quan khen", "Số quyết định"]


@dataclass
class Block:
    kind: str                 # "h2", "h3", "p", "item", "table"
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Draft:
    parent: str | None
    issuer: str
    number: str
    place_date: str
    doc_type: str
    subject: str
    blocks: list[Block]
    signing: list[str]
    recipients: list[str]
    values: dict              # the front matter of the Markdown draft (records.Report keys)


def compose(facts: Facts) -> Draft:
    subject = f"Kết quả công tác thi đua, khen thưởng {facts.span_words()}"
    blocks = [Block("p", f"Thực hiện {BLANK} (văn bản yêu cầu báo cáo), {facts.issuer} báo cáo kết quả công tác "
                         f"thi đua, khen thưởng {facts.span_words()} như sau:")]
    blocks += _movements(facts) + _awards(facts) + _models(facts) + _events(facts)
    blocks += [Block("h2", "III. Phương hướng, đề xuất, kiến nghị"), Block("p", BLANK),
               Block("p", f"Trên đây là báo cáo kết quả công tác thi đua, khen thưởng {facts.span_words()} "
                          f"của {facts.issuer}./.")]
    recipients = [f"{BLANK};", "Lưu: VT."]
    values = {"loai": "bao_cao", "du_thao": True, "co_quan_ban_hanh": facts.issuer_id, "trich_yeu": subject,
              "dia_danh": facts.place, "co_quan_chu_quan_in": facts.parent.upper() if facts.parent else None,
              "co_quan_ban_hanh_in": facts.issuer.upper(), "giai_doan": {"tu_nam": facts.start, "den_nam": facts.end},
              "noi_nhan": recipients, "phong_trao": [m.id for m in facts.movements],
              "so_dien_hinh": len(facts.models) or None}
    return Draft(facts.parent.upper() if facts.parent else BLANK, facts.issuer.upper(),
                 f"Số: {BLANK}/BC-UBND", f"{facts.place}, ngày {BLANK} tháng {BLANK} năm {BLANK}", "BÁO CÁO",
                 subject, blocks, facts.signing, recipients, values)


def _movements(facts: Facts) -> list[Block]:
    out = [Block("h2", "I. Các phong trào thi đua đã phát động, triển khai")]
    if not facts.movements:
        return out + [Block("p", f"Dữ liệu chưa ghi phong trào thi đua nào trong {facts.span_words()}: {BLANK}")]
    out.append(Block("p", f"Trong {facts.span_words()}, {facts.issuer} đã phát động, triển khai "
                          f"{len(facts.movements)} phong trào thi đua:"))
    view = facts.labels.view
    for movement in facts.movements:
        years = movement_years(movement)
        said = years and all(year in movement.name for year in years.split("–"))  # "… (2021-2025)" says it
        plans = [view.get(ref).display_title for ref in movement.plans if ref]
        text = movement.name + (f" ({years})" if years and not said else "")
        text += f"; triển khai theo {', '.join(plans)}" if plans else ""
        out.append(Block("item", f"- {text};"))
    return out + [Block("p", f"Kết quả nổi bật của các phong trào: {BLANK}")]


def _awards(facts: Facts) -> list[Block]:
    out = [Block("h2", "II. Kết quả công tác khen thưởng"), Block("h3", "1. Đề nghị khen thưởng")]
    proposed = facts.proposed()
    if proposed:
        said = [f"{n if n is not None else BLANK} {vocab.GROUP_TYPES[kind].label.lower()}" for kind, n in proposed.items()]
        out.append(Block("p", f"Đã xét, đề nghị cấp trên khen thưởng cho {_and(said)}."))
    else:
        out.append(Block("p", f"Dữ liệu chưa ghi việc đề nghị khen thưởng nào trong {facts.span_words()}: {BLANK}"))
    out.append(Block("h3", "2. Khen thưởng"))
    granted = facts.granted()
    if granted:
        out.append(Block("p", f"Đã được khen thưởng: {_and([f'{n} lượt {what}' for what, n in granted])}. "
                              "Chi tiết trong bảng sau:"))
    elif not facts.awards:
        return out + [Block("p", f"Dữ liệu chưa ghi khen thưởng nào trong {facts.span_words()}: {BLANK}")]
    out.append(Block("table", rows=[TABLE_HEAD] + [_row(facts, n, a) for n, a in enumerate(facts.awards, 1)]))
    if facts.undated:
        out.append(Block("p", f"Năm ghi “{BLANK}”: dữ liệu không ghi năm khen thưởng; báo cáo của giai đoạn có nêu "
                              "khen thưởng này. Đề nghị đối chiếu văn bản gốc."))
    return out


def _row(facts: Facts, n: int, award) -> list[str]:
    labels, view = facts.labels, facts.labels.view
    what = award.what or BLANK
    if award.status != "da_tang":
        what += f" ({vocab.AWARD_STATUS[award.status].label.lower()})"
    decision = view.get(award.decision).display_number if award.decision else ""
    return [str(n), award_span(award).label or BLANK, what, labels.recipient(award),
            labels.authority(award) or BLANK, decision or BLANK]


def _models(facts: Facts) -> list[Block]:
    out = [Block("h3", "3. Gương điển hình tiên tiến")]
    if not facts.models:
        said = [r.display_title for r in facts.reports if r.models_count == 0]  # "không có gương điển hình"
        noted = f" ({', '.join(said)} ghi nhận không có gương điển hình tiên tiến)" if said else ""
        return out + [Block("p", f"Dữ liệu chưa ghi gương điển hình tiên tiến nào trong {facts.span_words()}{noted}: {BLANK}")]
    out.append(Block("p", f"Có {len(facts.models)} gương điển hình tiên tiến được công nhận, biểu dương:"))
    view = facts.labels.view
    for model in facts.models:
        name = view.get(model.recipient).display_name
        detail = "; ".join(x.strip().rstrip(".;") for x in (model.area, model.achievement) if x)
        out.append(Block("item", f"- {name}" + (f": {detail}" if detail else "") + ";"))
    return out


def _events(facts: Facts) -> list[Block]:
    out = [Block("h3", "4. Hội nghị, lễ tôn vinh, trao khen thưởng")]
    if not facts.events:
        return out + [Block("p", f"Dữ liệu chưa ghi hội nghị, lễ tôn vinh nào trong {facts.span_words()}: {BLANK}")]
    for event in facts.events:
        when = event.date.short() if event.date else BLANK
        where = f", tại {event.place}" if event.place else ""
        honored = facts.labels.honored(event)
        out.append(Block("item", f"- {when}: {event.title}{where}." + (f" {honored}" if honored else "")))
    return out


def _and(parts: list[str]) -> str:
    """'a', 'a và b', 'a, b và c'."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " và " + parts[-1]


def markdown(draft: Draft, view) -> tuple[dict, str]:
    """(front matter values, body) of the Markdown draft; documents it names are linked by id."""
    lines = []
    for block in draft.blocks:
        if block.kind == "table":
            lines.append(pipe_table([[escape(cell) for cell in row] for row in block.rows]))
        elif block.kind == "item" and lines and lines[-1].startswith("- "):
            lines[-1] += "\n" + escape(block.text)
        else:
            prefix = {"h2": "## ", "h3": "### "}.get(block.kind, "")
            lines.append(prefix + escape(block.text))
    body = "\n\n".join(lines)
    numbers = {str(d.number): d.id for d in view.listed("van_ban") if d.number}
    cited = [numbers[n] for n in dict.fromkeys(docnumber.find_all(body)) if n in numbers]
    return {**draft.values, "van_ban_trich_dan": cited}, body
