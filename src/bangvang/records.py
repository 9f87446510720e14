"""The records officers write under data/, declared once.

Each class is one kind of record. The YAML key, type and Vietnamese description of every
field live here (nested groups in parts.py); the loader, the validator, the JSON Schema and
the officers' data dictionary are derived from it, and kinds.py says where each kind lives
and how it is published. Rules that look at one record sit right after its class; rules
across records live in validate.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from . import codes, vocab
from .dates import PartialDate
from .docnumber import DocNumber
from .fields import Bool, Choice, Date, DocNumber as DocNumberField, Id, Int, ListOf, Markdown, Object, Ref, Text, Url, Year
from .parts import PLANNED_YEARS, AggregateRecipients, BodyName, Original, Period, UnitChange, former_unit, Photo, Signature, Source, UnitPeriod, periods_ordered
from .schema import Context, Record, RefValue, fld

KEPT_AS_PRINTED = ("Ghi chú khi giữ nguyên một chi tiết mâu thuẫn đúng như bản in "
                   "(ví dụ ngày tháng không thể đúng). Trang web hiển thị ghi chú này.")


def _kept_as_printed():
    return fld("giu_nguyen_ban_in", Text(1000, multiline=True), KEPT_AS_PRINTED)


@dataclass(kw_only=True)
class Unit(Record):
    """Đơn vị công bố bảng vàng (xã, phường, đặc khu) và lịch sử tên gọi."""

    KIND: ClassVar[str] = "don_vi"
    LABEL = "đơn vị"
    name: str = fld("ten", Text(120), "Tên đơn vị dùng trên trang, viết như văn bản.", required=True,
                    example="phường Tân Thành")
    site_name: str = fld("ten_trang", Text(120), "Tên của trang web.", required=True,
                         example="Bảng vàng phường Tân Thành")
    site_description: str | None = fld("mo_ta_trang", Text(300),
                                       "Một câu giới thiệu trang, hiện khi chia sẻ liên kết.")
    body: RefValue = fld("co_quan", Ref("co_quan"), "Mã của Ủy ban nhân dân đơn vị (trong co-quan.yml).",
                         required=True, example="ubnd-phuong")
    place_name: str = fld("dia_danh", Text(60), "Địa danh ghi ở đầu văn bản, trước ngày tháng.", required=True,
                          example="Tân Thành")
    periods: list[UnitPeriod] = fld("thoi_ky", ListOf(Object(UnitPeriod), min_items=1),
                                    "Lịch sử tên gọi, từ cũ đến mới.", required=True)
    introduction: str | None = fld("gioi_thieu", Markdown(20000), "Bài giới thiệu đơn vị (Markdown).")
    contact: str | None = fld("lien_he", Text(1000, multiline=True),
                              "Nơi tiếp nhận đề nghị sửa, gỡ thông tin (bộ phận, địa chỉ cơ quan).")
    data_licence: str | None = fld("giay_phep_du_lieu", Text(300),
                                   "Giấy phép sử dụng dữ liệu mở do đơn vị công bố (ví dụ CC BY 4.0); "
                                   "bỏ trống nếu đơn vị chưa quyết định.")
    data_licence_url: str | None = fld("giay_phep_lien_ket", Url(), "Địa chỉ toàn văn giấy phép (https://…).")
    site_url: str | None = fld("dia_chi_trang", Url(), "Địa chỉ công bố trang (https://…).")
    repo_url: str | None = fld("kho_du_lieu", Url(), "Địa chỉ kho GitHub chứa dữ liệu (https://github.com/…).")
    other_names: list[str] = fld("ten_khac", ListOf(Text(120)),
                                 "Cách viết khác của tên đơn vị (Đăk/Đak, Rtô/RTô…); tìm kiếm tìm được theo mọi cách viết.")
    local_words: list[str] = fld("khu_dan_cu", ListOf(Text(40)),
                                 "Tên gọi các khu dân cư của đơn vị, như văn bản dùng: thôn, tổ dân phố, khối, ấp, khóm, "
                                 "bản, buôn, làng, plei, sóc…", example="thôn")
    changes: list[UnitChange] = fld("lich_su", ListOf(Object(UnitChange)),
                                    "Các lần sáp nhập, chia tách, đổi tên… của đơn vị, từ cũ đến mới.")

    @property
    def local_word(self) -> str:
        """The unit's words for its neighbourhoods ('thôn, buôn'), or the generic 'khu dân cư'."""
        return ", ".join(self.local_words) if self.local_words else "khu dân cư"


@dataclass(kw_only=True)
class Body(Record):
    """Cơ quan, tổ chức: ban hành văn bản, khen thưởng, hoặc là cấp trên."""

    KIND: ClassVar[str] = "co_quan"
    LABEL = "cơ quan"
    id: str = fld("id", Id(), "Mã định danh, không đổi.", required=True, example="ubnd-tinh")
    name: str = fld("ten", Text(200), "Tên đầy đủ (tên gần nhất nếu đã đổi tên).", required=True,
                    example="Ủy ban nhân dân xã Tân Thành")
    short: str | None = fld("ten_viet_tat", Text(120), "Tên viết tắt.", example="UBND xã Tân Thành")
    level: str = fld("cap", Choice(vocab.LEVELS), "Cấp của cơ quan.", required=True, example="tinh")
    parent: RefValue | None = fld("truc_thuoc", Ref("co_quan"), "Cơ quan cấp trên trực tiếp (cơ quan chủ quản).")
    start: PartialDate | None = fld("tu_ngay", Date(), "Ngày bắt đầu tồn tại; bỏ trống nếu không rõ.")
    end: PartialDate | None = fld("den_ngay", Date(), "Ngày chấm dứt (giải thể, sáp nhập); bỏ trống nếu còn.")
    names: list[BodyName] = fld("ten_theo_thoi_ky", ListOf(Object(BodyName)), "Các tên trong từng thời kỳ.")
    note: str | None = fld("ghi_chu", Text(1000, multiline=True), "Ghi chú.")


Body.RULES = (periods_ordered,)


@dataclass(kw_only=True)
class Document(Record):
    """Văn bản: kế hoạch, chỉ thị, quyết định, công văn, báo cáo…"""

    KIND: ClassVar[str] = "van_ban"
    LABEL = "văn bản"
    id: str = fld("id", Id(), "Mã định danh, không đổi, ví dụ số-loại-năm.", required=True,
                  example="45-kh-ubnd-2023")
    doc_type: str = fld("loai", Choice(vocab.DOC_TYPES), "Loại văn bản.", required=True, example="ke_hoach")
    number: DocNumber | None = fld("so_ky_hieu", DocNumberField(), "Số, ký hiệu viết chuẩn, không có dấu cách.",
                                   example="45/KH-UBND")
    number_printed: str | None = fld("so_ky_hieu_in", Text(60),
                                     "Số, ký hiệu đúng như bản in nếu bản in viết sai (ví dụ có dấu cách).")
    title: str | None = fld("ten", Text(300), "Tên văn bản, với văn bản không có số (ví dụ nghị quyết đại hội).")
    date: PartialDate | None = fld("ngay", Date(), "Ngày ban hành; có thể chỉ tháng/năm hoặc năm; bỏ trống nếu không rõ.",
                                   example="20/12/2021")
    date_printed: str | None = fld("ngay_in", Text(60), "Ngày đúng như bản in nếu bản in viết lạ (ví dụ '13/4/ 2023').")
    issuer: RefValue | None = fld("co_quan_ban_hanh", Ref("co_quan"), "Mã cơ quan ban hành.", example="ubnd-phuong")
    issuer_printed: str | None = fld("ten_co_quan_in", Text(200), "Tên cơ quan ban hành đúng như văn bản khác nhắc đến.")
    summary: str | None = fld("trich_yeu", Text(1000), "Trích yếu: văn bản về việc gì.")
    link: str | None = fld("lien_ket", Url(), "Địa chỉ bản chính thức trên cổng thông tin (https://…).")
    original: Original | None = fld("ban_goc", Object(Original), "Bản gốc đã ký, quét thành PDF, đăng kèm văn bản.")
    sources: list[Source] = fld("nguon", ListOf(Object(Source)), "Nơi văn bản này được nhắc đến.")
    former_unit: RefValue | None = former_unit()
    note: str | None = fld("ghi_chu", Text(2000, multiline=True), "Ghi chú.")
    kept_as_printed: str | None = _kept_as_printed()

    @property
    def display_number(self) -> str:
        return str(self.number) if self.number else ""

    @property
    def display_title(self) -> str:
        """How a resident names the document: 'Kế hoạch số 45/KH-UBND' or its title."""
        label = vocab.DOC_TYPES[self.doc_type].label
        if self.number:
            return f"{label} số {self.number}"
        return self.title or label


def _rule_document_identity(d: Document, ctx: Context) -> None:
    if not d.number and not d.title and not getattr(d, "draft", None):  # a draft's number is left blank
        ctx.issues.add(d.pos(), codes.THIEU_TRUONG, "Văn bản cần 'so_ky_hieu' hoặc, nếu không có số, 'ten'.",
                       "Ví dụ: so_ky_hieu: 45/KH-UBND.")
    if d.number:
        abbr = vocab.DOC_TYPES[d.doc_type].abbr
        first = d.number.first_part()
        if abbr and first != abbr:
            ctx.issues.add(d.pos("number"), codes.LOAI_KHONG_KHOP_KY_HIEU,
                           f"Ký hiệu '{d.number}' bắt đầu bằng '{first}', không khớp loại "
                           f"'{vocab.DOC_TYPES[d.doc_type].label}' (viết tắt {abbr}).",
                           "Sửa 'loai' hoặc 'so_ky_hieu' cho khớp với bản gốc.")


Document.RULES = (_rule_document_identity,)


@dataclass(kw_only=True)
class Report(Document):
    """Báo cáo lưu trữ: toàn văn (Markdown) và các thành phần thể thức."""

    KIND: ClassVar[str] = "bao_cao"
    LABEL = "báo cáo"
    draft: bool | None = fld("du_thao", Bool(), "true với bản dự thảo chưa ban hành: số, ngày để trống; trang web "
                             "không đăng bản dự thảo.")
    place_name: str | None = fld("dia_danh", Text(60), "Địa danh trước ngày tháng.", example="Tân Thành")
    parent_printed: str | None = fld("co_quan_chu_quan_in", Text(200),
                                     "Dòng tên cơ quan chủ quản ở góc trái, viết hoa như bản in.",
                                     example="UBND HUYỆN …")
    issuer_header: str | None = fld("co_quan_ban_hanh_in", Text(200),
                                    "Dòng tên cơ quan ban hành ở góc trái, viết hoa như bản in.",
                                    example="ỦY BAN NHÂN DÂN XÃ TÂN THÀNH")
    answers: RefValue | None = fld("tra_loi", Ref("van_ban"), "Văn bản mà báo cáo này trả lời (thực hiện).")
    addressee: str | None = fld("kinh_gui", Text(300), "Nơi báo cáo gửi đến.")
    period: Period | None = fld("giai_doan", Object(Period), "Giai đoạn báo cáo.")
    signature: Signature | None = fld("ky", Object(Signature),
                                      "Khối chữ ký; bỏ trống nếu bản lưu không có (trang không tự dựng chữ ký).")
    recipients: list[str] = fld("noi_nhan", ListOf(Text(200), min_items=1),
                                "Nơi nhận, mỗi dòng một nơi, giữ nguyên dấu ';' và '.' như bản in; bỏ trống nếu bản lưu "
                                "không có.")
    reconstructed: list[str] = fld("phuc_dung", ListOf(Choice(vocab.REPORT_PARTS)),
                                   "Các thành phần không có trong bản gốc mà được dựng lại.")
    reconstructed_note: str | None = fld("ghi_chu_phuc_dung", Text(1000, multiline=True),
                                         "Giải thích các thành phần dựng lại dựa trên đâu.")
    raw_text: str | None = fld("ban_trich_xuat", Text(120),
                               "Tên tệp văn bản thô trích xuất từ bản gốc, đặt cùng thư mục (.txt).")
    cited: list[RefValue] = fld("van_ban_trich_dan", ListOf(Ref("van_ban")), "Các văn bản được báo cáo nhắc đến.")
    movements: list[RefValue] = fld("phong_trao", ListOf(Ref("phong_trao")), "Các phong trào được báo cáo nhắc đến.")
    models_count: int | None = fld("so_dien_hinh", Int(0),
                                   "Số gương điển hình tiên tiến báo cáo ghi nhận (0 nếu báo cáo nói không có).")
    body_markdown: str = ""  # the Markdown after the front matter
    body_line: int = 1


Report.RULES = (_rule_document_identity,)


@dataclass(kw_only=True)
class Movement(Record):
    """Phong trào thi đua."""

    KIND: ClassVar[str] = "phong_trao"
    LABEL = "phong trào"
    id: str = fld("id", Id(), "Mã định danh, không đổi.", required=True, example="cai-cach-hanh-chinh")
    name: str = fld("ten", Text(300), "Tên phong trào.", required=True)
    name_printed: str | None = fld("ten_in", Text(300), "Tên đúng như bản in, nếu khác cách viết ở trên.")
    other_names: list[str] = fld("ten_khac", ListOf(Text(300)), "Tên khác, ví dụ tên phong trào ở địa phương.")
    scope: str | None = fld("pham_vi", Choice(vocab.LEVELS), "Phạm vi phát động.")
    form: str | None = fld("hinh_thuc", Choice(vocab.MOVEMENT_FORMS), "Thường xuyên hay theo chuyên đề.")
    start_year: int | None = fld("tu_nam", Year(), "Năm bắt đầu; bỏ trống nếu không rõ.", example="2021")
    end_year: int | None = fld("den_nam", Year(ahead=PLANNED_YEARS), "Năm kết thúc (có thể là năm sắp tới của "
                               "giai đoạn đã định); bỏ trống nếu không rõ.", example="2025")
    launched_by: list[RefValue] = fld("van_ban_phat_dong", ListOf(Ref("van_ban")), "Văn bản phát động.")
    plans: list[RefValue] = fld("ke_hoach", ListOf(Ref("van_ban")), "Kế hoạch triển khai của đơn vị.")
    criteria: list[str] = fld("tieu_chi", ListOf(Text(500)), "Tiêu chí thi đua.")
    description: str | None = fld("mo_ta", Markdown(20000), "Mô tả (Markdown).")
    status: str | None = fld("trang_thai", Choice(vocab.MOVEMENT_STATUS), "Tình trạng; bỏ trống nếu không rõ.")
    sources: list[Source] = fld("nguon", ListOf(Object(Source)), "Nơi phong trào được nêu.")
    former_unit: RefValue | None = former_unit()
    note: str | None = fld("ghi_chu", Text(2000, multiline=True), "Ghi chú.")
    kept_as_printed: str | None = _kept_as_printed()


def _rule_movement_years(m: Movement, ctx: Context) -> None:
    if m.start_year and m.end_year and m.end_year < m.start_year:
        ctx.issues.add(m.pos("end_year"), codes.THOI_GIAN_NGUOC, "Năm kết thúc trước năm bắt đầu.", "")


Movement.RULES = (_rule_movement_years,)


@dataclass(kw_only=True)
class Recipient(Record):
    """Đối tượng được khen thưởng: cá nhân, tập thể hoặc hộ gia đình."""

    KIND: ClassVar[str] = "doi_tuong"
    LABEL = "đối tượng khen thưởng"
    id: str = fld("id", Id(), "Mã định danh, không đổi.", required=True, example="nguyen-van-an")
    recipient_type: str = fld("loai", Choice(vocab.RECIPIENT_TYPES), "Cá nhân, tập thể hay hộ gia đình.",
                              required=True, example="tap_the")
    family_name: str | None = fld("ho", Text(40), "Họ (chỉ với cá nhân).", example="Nguyễn")
    middle_name: str | None = fld("ten_dem", Text(60), "Tên đệm (chỉ với cá nhân, có thể bỏ trống).", example="Văn")
    name: str = fld("ten", Text(200),
                    "Với cá nhân: tên (tên gọi, chữ cuối). Với tập thể, hộ gia đình: tên đầy đủ.", required=True,
                    example="An")
    role: str | None = fld("chuc_vu", Text(200), "Chức vụ (cá nhân).")
    affiliation: str | None = fld("don_vi", Text(200), "Đơn vị công tác hoặc tổ chức.")
    neighbourhood: str | None = fld("to_dan_pho", Text(100),
                                    "Khu dân cư (thôn, tổ dân phố, buôn… như đơn vị gọi; tên trường giữ như cũ).",
                                    example="Thôn 3")
    former_unit: RefValue | None = former_unit()
    description: str | None = fld("mo_ta", Markdown(5000), "Giới thiệu ngắn (Markdown).")
    photo: Photo | None = fld("anh", Object(Photo), "Ảnh (không bắt buộc); chỉ đăng khi người trong ảnh đã đồng ý.")
    visibility: str | None = fld("hien_thi", Choice(vocab.VISIBILITY),
                                 "Cách hiện tên: cong_khai (mặc định), viet_tat (chỉ họ và chữ cái đầu) hoặc an "
                                 "(đã rút lại: không hiện ở bất cứ đâu, khen thưởng chỉ còn trong số liệu).")
    note: str | None = fld("ghi_chu", Text(2000, multiline=True), "Ghi chú.")

    @property
    def full_name(self) -> str:
        if self.recipient_type == "ca_nhan":
            return " ".join(p for p in (self.family_name, self.middle_name, self.name) if p)
        return self.name

    @property
    def withdrawn(self) -> bool:
        return self.visibility == "an"

    @property
    def display_name(self) -> str:
        """The name as published: full, or family name and initials ('Nguyễn T. M. H.')."""
        if self.visibility == "viet_tat" and self.recipient_type == "ca_nhan":
            initials = " ".join(f"{w[0]}." for part in (self.middle_name, self.name) if part for w in part.split())
            return f"{self.family_name} {initials}"
        return self.full_name


def _rule_recipient_names(r: Recipient, ctx: Context) -> None:
    if r.recipient_type == "ca_nhan" and not r.family_name:
        ctx.issues.add(r.pos(), codes.THIEU_TRUONG, "Cá nhân cần có họ ('ho') và tên ('ten').",
                       "Ví dụ: ho: Nguyễn, ten_dem: Văn, ten: An.")
    if r.recipient_type != "ca_nhan" and r.visibility == "viet_tat":
        # Only a person's name has initials; "Hộ ông Lê Văn Thành" would be shown in full.
        ctx.issues.add(r.pos("visibility"), codes.TRUONG_KHONG_DUNG_CHO_LOAI,
                       "Cách hiện tên 'viet_tat' (họ và chữ cái đầu) chỉ dùng cho cá nhân.",
                       "Với hộ gia đình, tập thể: ghi vào 'ten' đúng tên được đồng ý hiện (ví dụ 'Hộ ông L. V. T.'), "
                       "hoặc chọn 'an' nếu đã đề nghị gỡ.")
    if r.recipient_type != "ca_nhan":
        for attr, key in (("family_name", "ho"), ("middle_name", "ten_dem"), ("role", "chuc_vu")):
            if getattr(r, attr):
                ctx.issues.add(r.pos(attr), codes.TRUONG_KHONG_DUNG_CHO_LOAI,
                               f"Trường '{key}' chỉ dùng cho cá nhân.",
                               "Với tập thể, hộ gia đình, ghi tên đầy đủ vào 'ten'.")


Recipient.RULES = (_rule_recipient_names,)


@dataclass(kw_only=True)
class Award(Record):
    """Khen thưởng: danh hiệu thi đua hoặc hình thức khen thưởng cho một đối tượng, hoặc số liệu tổng hợp."""

    KIND: ClassVar[str] = "khen_thuong"
    LABEL = "khen thưởng"
    id: str = fld("id", Id(), "Mã định danh, không đổi.", required=True, example="bang-khen-tinh-2023")
    recipient: RefValue | None = fld("doi_tuong", Ref("doi_tuong"), "Mã đối tượng được khen (trong doi-tuong/).")
    group: AggregateRecipients | None = fld("tong_hop", Object(AggregateRecipients),
                                            "Dùng thay cho 'doi_tuong' khi chỉ biết số lượng, không có danh sách.")
    recipient_printed: str | None = fld("ten_doi_tuong_in", Text(300), "Tên đối tượng đúng như bản in.")
    title: str | None = fld("danh_hieu", Choice(vocab.TITLES), "Danh hiệu thi đua (nếu là danh hiệu).")
    form: str | None = fld("hinh_thuc", Choice(vocab.FORMS), "Hình thức khen thưởng (nếu là hình thức).")
    award_class: str | None = fld("hang", Choice(vocab.CLASSES), "Hạng (với huân chương, huy chương có hạng).")
    posthumous: bool | None = fld("truy_tang", Bool(), "true nếu là truy tặng.")
    kinds: list[str] = fld("loai_hinh", ListOf(Choice(vocab.AWARD_KINDS)), "Loại hình khen thưởng.")
    authority: RefValue | None = fld("co_quan_khen", Ref("co_quan"), "Mã cơ quan có thẩm quyền khen.")
    authority_title: str | None = fld("chuc_danh_khen", Text(120), "Chức danh người quyết định, ví dụ 'Chủ tịch'.")
    authority_printed: str | None = fld("ten_co_quan_khen_in", Text(300), "Người, cơ quan khen đúng như bản in.")
    year: int | None = fld("nam", Year(), "Năm khen thưởng; bỏ trống nếu không rõ.", example="2021")
    period: Period | None = fld("giai_doan", Object(Period), "Giai đoạn, với số liệu tổng hợp nhiều năm.")
    decision: RefValue | None = fld("quyet_dinh", Ref("van_ban"), "Mã văn bản quyết định khen thưởng.")
    movements: list[RefValue] = fld("phong_trao", ListOf(Ref("phong_trao")), "Phong trào thi đua liên quan.")
    movement_printed: str | None = fld("phong_trao_in", Text(300),
                                       "Phong trào đúng như bản in khi văn bản không nêu rõ tên.")
    reason: str | None = fld("ly_do", Text(1000), "Lý do, thành tích.")
    handed_over: PartialDate | None = fld("ngay_trao", Date(), "Ngày trao (thường sau ngày quyết định); sự kiện trao "
                                          "ghi ở su-kien/.", example="20/05/2025")
    presenter_printed: str | None = fld("nguoi_trao_in", Text(300), "Người trao, như bản in.",
                                        example="Chủ tịch UBND tỉnh")
    former_unit: RefValue | None = former_unit()
    status: str = fld("trang_thai", Choice(vocab.AWARD_STATUS), "Đề nghị, đã khen thưởng hay đã thu hồi.",
                      required=True, example="da_tang")
    revoked_by: RefValue | None = fld("van_ban_thu_hoi", Ref("van_ban"), "Văn bản hủy bỏ, thu hồi (nếu có).")
    sources: list[Source] = fld("nguon", ListOf(Object(Source)), "Nơi thông tin được nêu.")
    note: str | None = fld("ghi_chu", Text(2000, multiline=True), "Ghi chú.")
    kept_as_printed: str | None = _kept_as_printed()

    @property
    def what(self) -> str:
        """The title or form as residents read it, with its class."""
        if self.title:
            label = vocab.TITLES[self.title].label
        elif self.form:
            label = vocab.FORMS[self.form].label
        else:
            return ""
        if self.award_class:
            label += " " + vocab.CLASSES[self.award_class].label
        return label

    @property
    def year_sort(self) -> int:
        if self.year:
            return self.year
        if self.period:
            return self.period.end or self.period.start
        return 0


def _rule_award_shape(a: Award, ctx: Context) -> None:
    if bool(a.recipient) == bool(a.group):
        ctx.issues.add(a.pos(), codes.DOI_TUONG_KHEN,
                       "Một khen thưởng cần đúng một trong hai: 'doi_tuong' (có tên) hoặc 'tong_hop' (chỉ có số lượng).",
                       "Ghi 'doi_tuong: <mã>' nếu biết đối tượng; nếu văn bản chỉ nêu số lượng, dùng 'tong_hop'.")
    if a.title and a.form:
        ctx.issues.add(a.pos("form"), codes.VUA_DANH_HIEU_VUA_HINH_THUC,
                       "Một khen thưởng chỉ có danh hiệu hoặc hình thức, không cả hai.",
                       "Tách thành hai khen thưởng riêng.")
    if a.recipient and not (a.title or a.form):
        ctx.issues.add(a.pos(), codes.THIEU_TRUONG, "Cần ghi 'danh_hieu' hoặc 'hinh_thuc'.",
                       "Ví dụ: hinh_thuc: bang_khen, hoặc danh_hieu: lao_dong_tien_tien.")
    has_class = bool(a.form and vocab.FORMS[a.form].has_class)
    if a.award_class and not has_class:
        ctx.issues.add(a.pos("award_class"), codes.HANG_KHONG_DUNG, f"'{a.what}' không chia hạng.", "Xoá trường 'hang'.")
    if has_class and not a.award_class:
        ctx.issues.add(a.pos("form"), codes.THIEU_TRUONG, f"{vocab.FORMS[a.form].label} có hạng Nhất, Nhì, Ba.",
                       "Thêm 'hang: nhat', 'hang: nhi' hoặc 'hang: ba'.")
    if a.year and a.period:
        ctx.issues.add(a.pos("period"), codes.VUA_NAM_VUA_GIAI_DOAN, "Chỉ ghi 'nam' hoặc 'giai_doan', không cả hai.", "")
    if a.status == "thu_hoi" and not a.revoked_by:
        ctx.issues.add(a.pos("status"), codes.THIEU_TRUONG, "Khen thưởng đã thu hồi cần 'van_ban_thu_hoi'.",
                       "Ghi mã văn bản hủy bỏ quyết định khen thưởng.")
    if a.revoked_by and a.status != "thu_hoi":
        ctx.issues.add(a.pos("revoked_by"), codes.MAU_THUAN_TRANG_THAI,
                       "Có văn bản thu hồi nhưng trạng thái không phải 'thu_hoi'.", "Sửa 'trang_thai: thu_hoi'.")


Award.RULES = (_rule_award_shape,)


def _removable_kinds() -> dict:
    """The kinds whose removal is declared (those the published list tracks), from the registry."""
    from .kinds import removable  # kinds.py is declared from these classes, so it is read when asked

    return removable()


@dataclass(kw_only=True)
class Removal(Record):
    """Một mục đã công bố nay được gỡ có chủ ý (khai báo để bộ kiểm tra không coi là mất dữ liệu)."""

    KIND: ClassVar[str] = "da_go"
    LABEL = "mục đã gỡ"
    id: str = fld("id", Id(), "Mã của mục đã gỡ, đúng như trước khi gỡ.", required=True, example="giay-khen-2023-a")
    kind: str = fld("loai", Choice(_removable_kinds), "Loại của mục đã gỡ.", required=True, example="khen_thuong")
    date: PartialDate = fld("ngay", Date(), "Ngày quyết định gỡ.", required=True, example="05/03/2025")
    reason: str = fld("ly_do", Text(500), "Lý do gỡ (không nêu thông tin cá nhân).", required=True,
                      example="Gỡ theo đề nghị của người được nêu tên.")
