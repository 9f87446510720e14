"""The records of public honor: exemplary models recognised (with or without a story), the events
where honor is given (đại hội, hội nghị biểu dương, lễ trao khen thưởng), and the press articles and
web pages that report them. Declared like records.py, which holds the paperwork: documents, awards.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from . import codes, vocab
from .dates import PartialDate
from .fields import Choice, Date, Id, ListOf, Markdown, Object, Ref, Text, Url
from .parts import AggregateRecipients, Consent, Period, Photo, Source, former_unit
from .schema import Context, Record, RefValue, fld


@dataclass(kw_only=True)
class Model(Record):
    """Gương điển hình tiên tiến được công nhận, biểu dương; câu chuyện (Markdown) là phần thêm, khi người đó đồng ý."""

    KIND: ClassVar[str] = "dien_hinh"
    LABEL = "gương điển hình"
    id: str = fld("id", Id(), "Mã định danh, không đổi.", required=True, example="co-giao-tran-thi-lan")
    recipient: RefValue = fld("doi_tuong", Ref("doi_tuong"), "Mã đối tượng là gương điển hình.", required=True)
    honorific: str | None = fld("danh_xung", Text(40),
                                "Cách gọi đứng trước tên như bản in (cô giáo, anh, chị, ông, bà…); "
                                "không phải một phần của tên.", example="cô giáo")
    area: str | None = fld("linh_vuc", Text(120), "Lĩnh vực được biểu dương.", example="Giáo dục")
    achievement: str | None = fld("thanh_tich", Text(1000, multiline=True),
                                  "Thành tích được nêu khi công nhận, biểu dương, giữ như bản in.")
    event: RefValue | None = fld("su_kien", Ref("su_kien"), "Sự kiện (hội nghị, lễ) nơi được biểu dương.")
    decision: RefValue | None = fld("quyet_dinh", Ref("van_ban"), "Quyết định công nhận, biểu dương (nếu có).")
    period: Period | None = fld("giai_doan", Object(Period), "Giai đoạn được công nhận.")
    date: PartialDate | None = fld("ngay", Date(), "Ngày biểu dương (hoặc ngày đăng câu chuyện).")
    movements: list[RefValue] = fld("phong_trao", ListOf(Ref("phong_trao")), "Phong trào liên quan.")
    awards: list[RefValue] = fld("khen_thuong", ListOf(Ref("khen_thuong")), "Khen thưởng liên quan.")
    title: str | None = fld("tieu_de", Text(300), "Tiêu đề câu chuyện (khi có câu chuyện).")
    summary: str | None = fld("tom_tat", Text(500), "Tóm tắt câu chuyện một hai câu.")
    photo: Photo | None = fld("anh", Object(Photo), "Ảnh minh họa (không bắt buộc); cần sự đồng ý của người trong ảnh.")
    consent: Consent | None = fld("dong_y", Object(Consent),
                                  "Sự đồng ý của người được kể; bắt buộc khi đăng câu chuyện, tiêu đề, tóm tắt.",
                                  publish=False)
    sources: list[Source] = fld("nguon", ListOf(Object(Source)), "Nguồn.")
    body_markdown: str = ""
    body_line: int = 1

    @property
    def has_story(self) -> bool:
        return bool(self.body_markdown.strip())


STORY_FILE = ".md"  # a model written as Markdown carries a story; in a YAML list it is a recognition only


def _rule_model_story(m: Model, ctx: Context) -> None:
    story = m.pos().path.endswith(STORY_FILE)
    if story and not m.title:
        ctx.issues.add(m.pos(), codes.THIEU_TRUONG, "Câu chuyện cần 'tieu_de'.",
                       "Thêm dòng 'tieu_de: …' vào phần thông tin đầu tệp.")
    if (story or m.title or m.summary) and m.consent is None:
        ctx.issues.add(m.pos(), codes.THIEU_TRUONG,
                       "Câu chuyện (tiêu đề, tóm tắt, nội dung) chỉ được đăng khi người được kể đồng ý: cần 'dong_y'.",
                       "Thêm 'dong_y' (ngay, hinh_thuc, noi_luu); nếu chưa có sự đồng ý, chỉ ghi việc công nhận "
                       "vào một tệp .yml trong dien-hinh/, không kèm tiêu đề, tóm tắt.")


Model.RULES = (_rule_model_story,)


@dataclass(kw_only=True)
class Event(Record):
    """Sự kiện: đại hội thi đua, hội nghị biểu dương điển hình, lễ trao khen thưởng…"""

    KIND: ClassVar[str] = "su_kien"
    LABEL = "sự kiện"
    id: str = fld("id", Id(), "Mã định danh, không đổi.", required=True, example="hoi-nghi-dien-hinh-2025")
    kind: str = fld("loai", Choice(vocab.EVENT_KINDS), "Loại sự kiện.", required=True, example="hoi_nghi_dien_hinh")
    title: str = fld("ten", Text(300), "Tên sự kiện đúng như bản in hoặc bản tin.", required=True,
                     example="Hội nghị biểu dương điển hình tiên tiến lần thứ I, giai đoạn 2025 - 2030")
    date: PartialDate | None = fld("ngay", Date(), "Ngày tổ chức; có thể chỉ tháng/năm; bỏ trống nếu không rõ.",
                                   example="20/05/2025")
    time: str | None = fld("gio", Text(40), "Giờ hoặc buổi, như bản tin ghi.", example="chiều")
    place: str | None = fld("dia_diem", Text(300), "Địa điểm tổ chức.", example="Hội trường UBND xã")
    organiser: RefValue | None = fld("co_quan_to_chuc", Ref("co_quan"), "Mã cơ quan tổ chức (trong co-quan.yml).")
    organiser_printed: str | None = fld("to_chuc_in", Text(300), "Đơn vị tổ chức đúng như bản in.")
    presenters: list[str] = fld("nguoi_trao", ListOf(Text(300)),
                                "Người chủ trì, trao thưởng, mỗi dòng một người, như bản in.",
                                example="Chủ tịch UBND xã trao Giấy khen")
    period: Period | None = fld("giai_doan", Object(Period), "Giai đoạn sự kiện tổng kết, biểu dương.")
    awards: list[RefValue] = fld("khen_thuong", ListOf(Ref("khen_thuong")), "Các khen thưởng được trao tại sự kiện.")
    models: list[RefValue] = fld("dien_hinh", ListOf(Ref("dien_hinh")), "Các gương điển hình được biểu dương.")
    counts: list[AggregateRecipients] = fld("so_luong", ListOf(Object(AggregateRecipients)),
                                            "Những người, tập thể được khen, biểu dương mà chỉ biết số lượng.")
    launched: list[RefValue] = fld("phat_dong", ListOf(Ref("phong_trao")), "Phong trào được phát động tại sự kiện.")
    closed: list[RefValue] = fld("tong_ket", ListOf(Ref("phong_trao")), "Phong trào được tổng kết tại sự kiện.")
    description: str | None = fld("mo_ta", Markdown(20000), "Tường thuật ngắn (Markdown).")
    photo: Photo | None = fld("anh", Object(Photo), "Ảnh sự kiện (không bắt buộc); cần sự đồng ý của người trong ảnh.")
    sources: list[Source] = fld("nguon", ListOf(Object(Source)), "Nơi sự kiện được nêu.")
    former_unit: RefValue | None = former_unit()
    note: str | None = fld("ghi_chu", Text(2000, multiline=True), "Ghi chú.")


@dataclass(kw_only=True)
class Article(Record):
    """Bài báo, bài trên trang thông tin: nguồn không phải văn bản chính thức."""

    KIND: ClassVar[str] = "bai_viet"
    LABEL = "bài viết"
    id: str = fld("id", Id(), "Mã định danh, không đổi.", required=True, example="bao-quang-ngai-2025-05-21")
    kind: str = fld("loai", Choice(vocab.SOURCE_KINDS), "Loại nguồn.", required=True, example="bao")
    title: str = fld("tieu_de", Text(300), "Tiêu đề bài, đúng như bài đăng.", required=True)
    publisher: str = fld("noi_dang", Text(200), "Báo, trang tin đăng bài.", required=True, example="Báo Nhân Dân")
    date: PartialDate | None = fld("ngay", Date(), "Ngày đăng; bỏ trống nếu không rõ.", example="21/05/2025")
    link: str | None = fld("lien_ket", Url(), "Địa chỉ bài (https://…).")
    archived: str | None = fld("ban_luu", Url(), "Địa chỉ bản lưu của bài (ví dụ trên web.archive.org), nếu có.")
    note: str | None = fld("ghi_chu", Text(1000, multiline=True), "Ghi chú.")
