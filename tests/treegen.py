"""Random data trees, from the schema itself, for 'whenever the checker passes, the build passes'.

A tree is codes.SAMPLE (a valid commune) plus records of every kind in kinds.KINDS, each made by
walking its field_specs (nested groups and lists too): required fields always, optional ones often.
Values are plausible and hostile at once: Vietnamese in NFC, NFD and stacked marks, emoji, right-to-
left script, zero-width and control characters, Markdown, HTML and template syntax, YAML's traps
('no', '07', ': ', ' #'), lengths at the limits, dates and years at their edges, references between
records (new ones included), ids that look like the site's own paths, photos from photokit (usable,
odd, degenerate), people shown by initials or withdrawn. The YAML is written by hand in every scalar
style (plain, double-quoted with or without \\u escapes, single-quoted, literal and folded blocks,
flow lists and mappings).

`make_tree(seed)` is the same tree on every machine (random.Random(seed)); a few fix-ups per kind
(kind_fixups) keep most records within the rules, so that most trees pass the checker and reach the
build; each record remembers its file and lines, so the test can drop the ones the checker refused.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import photokit
from treewords import HOSTILE, MARKDOWN, RISKY
from bangvang import kinds, vocab
from bangvang.codes import SAMPLE
from bangvang.fields import (Bool, Choice, Date, DocNumber, Id, Int, ListOf, Markdown, Object, OriginalPath, PhotoPath,
                             Ref, Text, Url, Year)
from bangvang.schema import field_specs

TODAY = date(2026, 11, 28)
PHOTOS = {"jpg": lambda rng: photokit.jpeg((rng.randint(32, 400), rng.randint(32, 300))),
          "png": lambda rng: photokit.png((rng.randint(32, 300), rng.randint(32, 300))),
          "webp": lambda rng: photokit.webp((rng.randint(32, 300), rng.randint(32, 300)))}
SPECIAL_IDS = ["a", "0", "1-2-3", "nam-2023", "khong-ro-ngay", "trang-2", "index", "tim-kiem", "search", "assets", "404", "sitemap",
               "huong-dan", "loi", "van-ban", "ca-nhan", "tap-the", "chia-se", "anh", "x" * 80]
SAMPLE_IDS = {"co_quan": ["ubnd-xa"], "van_ban": ["45-kh-ubnd-2023", "12-bc-ubnd-2024"], "phong_trao": ["nong-thon-moi"],
              "doi_tuong": ["tran-thi-lan", "thon-3"], "khen_thuong": ["giay-khen-lan-2023"]}
SYLLABLES = ("Nguyễn Trần Lê Phạm Hoàng Huỳnh Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý thị văn hữu đức minh ngọc thanh quốc "
             "xuân công kim bảo thùy lan hương mai tuấn dũng hùng phượng yến ánh thôn xóm buôn ấp làng tổ dân phố "
             "hội phụ nữ nông dân thanh niên cựu chiến binh thi đua khen thưởng giấy khen bằng khen lao động tiên "
             "tiến xuất sắc năm giai đoạn phong trào xây dựng nông thôn mới đường bê tông Ê Đê Kpă H’Hen Ơ Ư").split()


class Token(str):
    """A value that is not free text (id, choice, number, date, address): never written as a block."""


@dataclass
class Rec:
    kind: kinds.RecordKind
    values: dict                      # YAML key → str, list or dict (a nested group)
    body: str | None = None           # a Markdown file's text after its front matter
    extra: dict = field(default_factory=dict)   # files beside it: a report's raw text
    file: str = ""
    lines: tuple[int, int] = (0, 0)   # first and last line in its file
    spans: dict = field(default_factory=dict)   # YAML key → its first and last line in the file

    def at(self, path: str, line: int) -> str | None:
        """'' when the line is this record's (outside its fields), the key when in a field, None elsewhere."""
        if path != self.file or not self.lines[0] <= line <= self.lines[1]:
            return None
        return next((key for key, (a, b) in self.spans.items() if a <= line <= b), "")


@dataclass
class Tree:
    seed: int
    records: list[Rec]
    unit: dict | None = None                       # a don-vi.yml of its own; None: SAMPLE's
    photos: dict[str, bytes] = field(default_factory=dict)
    styles: random.Random = field(default_factory=random.Random)

    def without(self, drop: list[Rec], unit: bool = False, fields: dict | None = None) -> "Tree":
        """The tree without the records `drop`, SAMPLE's unit if `unit`, and without `fields` ({Rec: keys})."""
        records = []
        for rec in self.records:
            if rec not in drop:
                gone = (fields or {}).get(id(rec), set())
                records.append(replace(rec, values={k: v for k, v in rec.values.items() if k not in gone}))
        return replace(self, records=records, unit=None if unit else self.unit)

    def files(self) -> dict[str, str | bytes]:
        """Every file of the tree (SAMPLE's and the generated ones); notes each record's file and lines."""
        out: dict[str, str | bytes] = dict(SAMPLE)
        yaml = Yaml(self.seed)
        if self.unit is not None:
            out["don-vi.yml"] = "\n".join(yaml.mapping(self.unit, 0)) + "\n"
        for rec in self.records:
            out.update(rec.extra)
            if rec.kind.layout == kinds.MARKDOWN and rec.body is not None:
                rec.file = f"{rec.kind.source}/{rec.values['id']}.md"
                front, spans = yaml.fields(rec.values, 2, "")
                out[rec.file] = "---\n" + "\n".join(front) + "\n---\n" + rec.body + "\n"
                rec.lines, rec.spans = (1, 3 + len(front) + rec.body.count("\n") + 1), spans
                continue
            rec.file = rec.kind.source if rec.kind.source.endswith(".yml") else f"{rec.kind.source}/sinh.yml"
            before = str(out.get(rec.file, ""))
            first = before.count("\n") + 1
            lines, rec.spans = yaml.fields(rec.values, first, "- ")
            rec.lines = (first, first + len(lines) - 1)
            out[rec.file] = before + "\n".join(lines) + "\n"
        used = {p for rec in self.records for p in _strings(rec.values) if p in self.photos} | \
               {p for p in _strings(self.unit or {}) if p in self.photos}
        out.update({p: self.photos[p] for p in used})
        return out


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


class Yaml:
    """YAML written by hand, each value in a style picked at random, but always the same for the same
    value in the same tree (so that a tree shrunk to find a failure is written as before)."""

    def __init__(self, seed: int):
        self.seed = seed

    def _rng(self, *what) -> random.Random:
        return random.Random(f"{self.seed}\0" + "\0".join(map(repr, what)))

    def scalar(self, text: str, indent: int) -> list[str]:
        """The value's text after 'key: ', possibly over more lines."""
        self.rng = self._rng(text, indent)
        style = self.rng.choice(["plain", "plain", "double", "double", "single", "block"])
        risky = text[:1] in "-?:,[]{}#&*!|>'\"%@`~" or ": " in text or " #" in text
        if style == "plain" and "\n" not in text and text.strip() == text and text and \
                (not risky or self.rng.random() < 0.1):
            return [text]
        if style == "single" and "\n" not in text:
            return ["'" + text.replace("'", "''") + "'"]
        if style == "block" and not isinstance(text, Token) and text.strip() and not text[:1].isspace() \
                and "\r" not in text:
            pad = " " * (indent + 2)
            head = self.rng.choice(["|-", "|-", ">-", "|", "|+", ">"])
            return [head] + [pad + line if line else "" for line in text.split("\n")]
        return [json.dumps(text, ensure_ascii=self.rng.random() < 0.2)]

    def pair(self, key: str, value, indent: int) -> list[str]:
        pad = " " * indent
        self.rng = self._rng(key, value, indent)
        if isinstance(value, dict):
            if value and self.rng.random() < 0.15 and all(isinstance(v, str) and "\n" not in v for v in value.values()):
                inner = ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in value.items())
                return [f"{pad}{key}: {{{inner}}}"]
            return [f"{pad}{key}:"] + self.mapping(value, indent + 2)
        if isinstance(value, list):
            if not value or (self.rng.random() < 0.3 and all(isinstance(v, str) for v in value)):
                return [f"{pad}{key}: [" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"]
            lines = [f"{pad}{key}:"]
            for item in value:
                lines += self.item(item, indent + 2)
            return lines
        text = self.scalar(value, indent)
        return [f"{pad}{key}: {text[0]}"] + text[1:]

    def mapping(self, values: dict, indent: int) -> list[str]:
        return [line for key, value in values.items() for line in self.pair(key, value, indent)]

    def fields(self, values: dict, first: int, dash: str) -> tuple[list[str], dict]:
        """A record's lines (a list item when `dash` is '- '), and each key's lines, numbered from `first`."""
        lines, spans = [], {}
        for key, value in values.items():
            pair = self.pair(key, value, len(dash))
            spans[key] = (first + len(lines), first + len(lines) + len(pair) - 1)
            lines += pair
        if dash and lines:
            lines[0] = dash + lines[0][len(dash):]
        return lines, spans

    def item(self, value, indent: int = 0) -> list[str]:
        """One list item ('- …') at `indent`."""
        if isinstance(value, dict) and value:
            lines = self.mapping(value, indent + 2)
            return [" " * indent + "- " + lines[0][indent + 2:]] + lines[1:]
        text = self.scalar(value, indent + 2) if isinstance(value, str) else [json.dumps(value)]
        return [" " * indent + "- " + text[0]] + text[1:]


class Gen:
    """Values for field types; remembers the ids made, by namespace, for later references."""

    def __init__(self, rng: random.Random, tree: Tree):
        self.rng, self.tree = rng, tree
        self.ids = {ns: list(ids) for ns, ids in SAMPLE_IDS.items()}
        self.made = 0

    def words(self, count: int) -> str:
        return " ".join(self.rng.choice(SYLLABLES) for _ in range(count))

    def text(self, limit: int, multiline: bool) -> str:
        r = self.rng.random()
        if r < 0.06:  # right at the limit, or one over
            text = self.words(limit // 3 + 2)[: limit + (self.rng.random() < 0.2)]
            return text.rstrip() + "x" * (limit - len(text.rstrip())) if len(text.rstrip()) < limit else text
        if r < 0.1:
            return "Đ" * self.rng.choice([30, 80, min(limit, 200), limit])  # one word, no space to wrap at
        pieces = [self.words(self.rng.randint(1, 4)) if self.rng.random() < 0.7 else
                  self.rng.choice(RISKY if self.rng.random() < 0.04 else HOSTILE) for _ in range(self.rng.randint(1, 5))]
        text = "".join(p if i == 0 else self.rng.choice([" ", "", ", "]) + p for i, p in enumerate(pieces))
        if multiline and self.rng.random() < 0.4:
            text += self.rng.choice(["\n", "\n\n"]) + self.words(self.rng.randint(1, 8))
        return text[:limit] if self.rng.random() < 0.9 else text

    def markdown(self, limit: int) -> str:
        parts = [self.rng.choice(MARKDOWN) if self.rng.random() < 0.5 else self.text(300, True)
                 for _ in range(self.rng.randint(1, 8))]
        return "\n\n".join(parts)[:limit]

    def new_id(self, ns: str) -> str:
        self.made += 1
        r = self.rng.random()
        made = self.rng.choice(SPECIAL_IDS) if r < 0.1 else f"{ns.replace('_', '-')}-{self.tree.seed}-{self.made}"
        self.ids.setdefault(ns, []).append(made)
        return made

    def date(self) -> str:
        day = self.rng.choice([date(1900, 1, 1), date(2024, 2, 29), TODAY, date(TODAY.year - 1, 12, 31),
                               date(1975, 4, 30) + timedelta(days=self.rng.randint(0, 18000))])
        day = min(day, TODAY)
        form = self.rng.choice(["%d/%m/%Y", "%d/%m/%Y", "{d}/{m}/%Y", "%m/%Y", "%Y", "%Y-%m-%d"])
        return day.strftime(form).replace("{d}", str(day.day)).replace("{m}", str(day.month))

    def value(self, ftype, record: dict):
        """A value of `ftype` (nested: a dict or a list), for a record whose values so far are `record`."""
        rng = self.rng
        if isinstance(ftype, Markdown):
            return self.markdown(ftype.max_len)
        if isinstance(ftype, Text):
            return self.text(ftype.max_len, ftype.multiline)
        if isinstance(ftype, (Ref, Id, Choice, Year, Date, Int, Bool, Url, PhotoPath, OriginalPath, DocNumber)):
            return Token(self.token(ftype, record))
        if isinstance(ftype, ListOf):
            count = max(ftype.min_items, rng.choice([0, 1, 1, 2, 3]))
            return [self.value(ftype.item, {}) for _ in range(count)]
        if isinstance(ftype, Object):
            return self.record(ftype.cls)
        raise TypeError(f"no values for {type(ftype).__name__}: add them to treegen.Gen.value")

    def token(self, ftype, record: dict) -> str:
        rng = self.rng
        if isinstance(ftype, Ref):
            known = self.ids.get(kinds.BY_KEY[ftype.kind].ns) or ["khong-co"]
            return rng.choice(known) if rng.random() < 0.98 else "chua-khai-bao"
        if isinstance(ftype, Id):
            return f"ma-{rng.randint(1, 999)}"
        if isinstance(ftype, Choice):
            return rng.choice(list(ftype.vocab))
        if isinstance(ftype, Year):
            last = TODAY.year + ftype.ahead
            return str(rng.choice([1900, TODAY.year, last, rng.randint(1960, last)]))
        if isinstance(ftype, Date):
            return self.date()
        if isinstance(ftype, Int):
            return str(rng.choice([ftype.minimum, ftype.minimum + 1, rng.randint(ftype.minimum, 500), ftype.maximum]))
        if isinstance(ftype, Bool):
            return rng.choice(["true", "false"])
        if isinstance(ftype, Url):
            return rng.choice(["https://example.vn/a?b=1&c=2#x", "https://xa.example.vn/đường/tin", "http://gov.example.vn/",
                               "https://example.vn/" + "a" * 400, "https://example.vn/%3Cscript%3E?q=ừ&x=1"])
        if isinstance(ftype, PhotoPath):
            return self.photo()
        if isinstance(ftype, OriginalPath):
            return self.original()
        return self.doc_number(record.get("loai"))

    def photo(self) -> str:
        rng, pool = self.rng, len(self.tree.photos)
        r = rng.random()
        if r < 0.1:
            name, (ext, make) = rng.choice(sorted(photokit.ODD.items()))
        elif r < 0.16:
            name, (ext, make, _) = rng.choice(sorted(photokit.DEGENERATE.items()))
        else:
            name, ext = "anh", "." + rng.choice(sorted(PHOTOS))
            make = lambda: PHOTOS[ext[1:]](rng)  # noqa: E731
        path = f"anh/{name}-{pool}{ext}"
        self.tree.photos[path] = make()
        return path

    def original(self) -> str:
        """A signed original: a real one-page PDF, mostly; sometimes broken, or not there at all."""
        path = f"ban-goc/ban-goc-{len(self.tree.photos)}.pdf"
        if (data := photokit.scan(self.rng)) is not None:
            self.tree.photos[path] = data
        return path

    def doc_number(self, doc_type: str | None) -> str:
        abbr = vocab.DOC_TYPES[doc_type].abbr if doc_type in vocab.DOC_TYPES else None
        number, year = self.rng.randint(1, 3000), self.rng.randint(1990, TODAY.year)
        if abbr is None:
            return self.rng.choice([f"{number}/UBND-VP", f"{number:02d}/{year}/QH15", f"{number}/PNV"])
        return self.rng.choice([f"{number}/{abbr}-UBND", f"{number}/{year}/{abbr}-CP", f"{number}-{abbr}/TW",
                                f"{number}/{abbr}-UBND-VX"])

    def record(self, cls, made_id: str | None = None) -> dict:
        """The values of one record (or nested group) of class `cls`: required fields, and optional ones often."""
        values: dict = {}
        keep = self.rng.choice([0.2, 0.5, 0.8])
        for spec in field_specs(cls):
            if spec.key == "id" and made_id:
                values["id"] = Token(made_id)
            elif spec.required or self.rng.random() < keep:
                values[spec.key] = self.value(spec.type, values)
        return kind_fixups(cls.__name__, values, self)


def kind_fixups(name: str, v: dict, gen: Gen) -> dict:
    """A few rules across fields, kept more often than not (the checker refuses the rest)."""
    rng = gen.rng
    if rng.random() < 0.1:
        return v
    if name == "Recipient":
        if v.get("loai") == "ca_nhan":
            v.setdefault("ho", rng.choice(["Nguyễn", "Trần", "H’Hen", "Ksor"]))
        else:
            for key in ("ho", "ten_dem", "chuc_vu"):
                v.pop(key, None)
            if v.get("hien_thi") == "viet_tat":
                v["hien_thi"] = Token("an")
    if name == "Award":
        v.pop(rng.choice(["doi_tuong", "tong_hop"]) if "doi_tuong" in v and "tong_hop" in v else "", None)
        if "doi_tuong" not in v and "tong_hop" not in v:
            v["doi_tuong"] = Token(rng.choice(gen.ids["doi_tuong"]))
        v.pop(rng.choice(["danh_hieu", "hinh_thuc"]) if "danh_hieu" in v and "hinh_thuc" in v else "", None)
        if "doi_tuong" in v and "danh_hieu" not in v and "hinh_thuc" not in v:
            v["hinh_thuc"] = Token("giay_khen")
        classed = v.get("hinh_thuc") in vocab.FORMS and vocab.FORMS[v["hinh_thuc"]].has_class
        v.pop("hang", None) if not classed else v.setdefault("hang", Token("nhat"))
        v.pop("giai_doan" if "nam" in v else "", None)
        v["trang_thai"] = Token("thu_hoi" if "van_ban_thu_hoi" in v else rng.choice(["da_tang", "de_nghi"]))
    if name in ("Document", "Report") and "so_ky_hieu" not in v and "ten" not in v:
        v["so_ky_hieu"] = Token(gen.doc_number(v.get("loai")))
    if name == "Report" and "ban_trich_xuat" in v:
        v.pop("ban_trich_xuat")
    for start, end in (("tu_ngay", "den_ngay"), ("tu_nam", "den_nam")):
        if start in v and end in v and rng.random() < 0.7:
            v.pop(end)
    if name == "Source" and "van_ban" in v and "bai_viet" in v:
        v.pop(rng.choice(["van_ban", "bai_viet"]))
    if name == "Source" and "van_ban" not in v and "bai_viet" not in v:
        v["van_ban"] = Token(rng.choice(gen.ids["van_ban"]))
    return v


def make_tree(seed: int) -> Tree:
    """SAMPLE and 0–3 records of each kind (models and reports as Markdown files or YAML), maybe a unit of its own.

    Every id is made first, so that any record may refer to any other, of a kind before or after it."""
    rng = random.Random(seed)
    tree = Tree(seed, [])
    gen = Gen(rng, tree)
    planned = [(kind, gen.new_id(kind.ns)) for kind in kinds.KINDS if kind.layout != kinds.SINGLE
               for _ in range(rng.choice([0, 1, 1, 2, 3, 7] if kind.key != "da_go" else [0, 0, 0, 1]))]
    if rng.random() < 0.3:
        tree.unit = gen.record(kinds.BY_KEY["don_vi"].cls) | {"co_quan": Token("ubnd-xa")}
    for kind, made_id in planned:
        values = gen.record(kind.cls, made_id)
        body = None
        if kind.layout == kinds.MARKDOWN and (not kind.yaml_too or rng.random() < 0.6):
            body = gen.markdown(kind.body_limit or 20_000)
            if kind.key == "dien_hinh":
                values.setdefault("tieu_de", gen.text(300, False))
                values.setdefault("dong_y", gen.record(field_specs_type(kind.cls, "dong_y")))
        tree.records.append(Rec(kind, values, body, extra=_attachment(rng, kind, values)))
    return tree


def _attachment(rng: random.Random, kind, values: dict) -> dict:
    """A report's raw extracted text, beside it, now and then."""
    if kind.key != "bao_cao" or rng.random() < 0.7:
        return {}
    name = f"{values['id']}.txt"
    values["ban_trich_xuat"] = Token(name)
    return {f"{kind.source}/{name}": "Văn bản thô trích xuất.\n\n" + "Dòng chữ — có “nháy” và số 45/KH-UBND.\n"}


def field_specs_type(cls, key: str):
    """The class of the nested group under `key` of `cls`."""
    return next(spec.type.cls for spec in field_specs(cls) if spec.key == key)

