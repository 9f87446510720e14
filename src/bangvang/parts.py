"""Groups of fields nested inside records: sources, periods, photos and consent, signatures…

Declared like records (records.py), with `fld()`, so that parsing, the data dictionary and
the editors' JSON Schema derive from them too.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import codes, vocab
from .dates import PartialDate
from .fields import Bool, Choice, Date, Int, ListOf, Object, OriginalPath, PhotoPath, Ref, Text, Year
from .schema import Context, Record, RefValue, fld


def former_unit():
    """The field naming the former unit (xã X (cũ)) a record belongs to: the same in every kind."""
    return fld("don_vi_cu", Ref("don_vi_cu"), "Đơn vị cũ (trước sáp nhập) mà mục này thuộc về, mã trong don-vi-cu.yml.")


PLANNED_YEARS = 10  # a period's end may be planned: "giai đoạn 2025 - 2030"


@dataclass(kw_only=True)
class Source(Record):
    """Nguồn: văn bản (hoặc bài báo, bài trên trang tin) và mục nơi thông tin được nêu."""

    LABEL = "nguồn"
    document: RefValue | None = fld("van_ban", Ref("van_ban"), "Mã văn bản nêu thông tin này.",
                                    example="12-bc-ubnd-2024")
    article: RefValue | None = fld("bai_viet", Ref("bai_viet"),
                                   "Mã bài báo, bài trên trang tin nêu thông tin này (thay cho 'van_ban').",
                                   example="bao-quang-ngai-2025-05-20")
    section: str | None = fld("muc", Text(60), "Mục trong văn bản, ví dụ 'II.3'.", example="II.3")
    quote: str | None = fld("trich_dan", Text(3000, multiline=True),
                            "Câu trích nguyên văn từ văn bản, giữ đúng như bản in.")


def _rule_one_source(s: Source, ctx: Context) -> None:
    if bool(s.document) == bool(s.article):
        ctx.issues.add(s.pos(), codes.THIEU_TRUONG,
                       "Một nguồn cần đúng một trong hai: 'van_ban' (văn bản) hoặc 'bai_viet' (bài báo, trang tin).",
                       "Ví dụ: van_ban: 12-bc-ubnd-2024, hoặc bai_viet: <mã bài trong bai-viet/>.")


Source.RULES = (_rule_one_source,)


@dataclass(kw_only=True)
class UnitPeriod(Record):
    """Một thời kỳ của đơn vị hành chính: tên, loại và cấp trên trong thời kỳ đó."""

    LABEL = "thời kỳ"
    name: str = fld("ten", Text(120), "Tên đơn vị trong thời kỳ này, viết như văn bản.", required=True,
                    example="phường Tân Thành")
    unit_type: str | None = fld("loai", Choice(vocab.UNIT_TYPES), "Loại đơn vị: xã, phường, thị trấn, đặc khu.")
    start: PartialDate | None = fld("tu_ngay", Date(), "Ngày bắt đầu thời kỳ; bỏ trống nếu không rõ.",
                                    example="01/02/2020")
    end: PartialDate | None = fld("den_ngay", Date(), "Ngày cuối cùng của thời kỳ; bỏ trống nếu còn hiệu lực.",
                                  example="30/06/2025")
    parents: list[str] = fld("cap_tren", ListOf(Text(120)),
                             "Các đơn vị cấp trên trong thời kỳ này, tên như lúc đó, từ gần đến xa.")
    basis: RefValue | None = fld("can_cu", Ref("van_ban"), "Văn bản thành lập hoặc đổi tên.")
    ending: str | None = fld("ket_thuc", Text(300), "Điều gì xảy ra khi thời kỳ kết thúc (đổi tên, sáp nhập…).")
    ending_basis: RefValue | None = fld("can_cu_ket_thuc", Ref("van_ban"), "Văn bản quy định việc kết thúc.")
    note: str | None = fld("ghi_chu", Text(1000, multiline=True), "Ghi chú.")


@dataclass(kw_only=True)
class UnitChange(Record):
    """Một lần sáp nhập, chia tách, đổi tên… làm thay đổi đơn vị, với ngày và căn cứ pháp lý."""

    LABEL = "thay đổi đơn vị hành chính"
    date: PartialDate = fld("ngay", Date(), "Ngày có hiệu lực.", required=True, example="01/07/2025")
    kind: str = fld("loai", Choice(vocab.UNIT_CHANGES), "Sáp nhập, chia tách, đổi tên…", required=True,
                    example="sap_nhap")
    description: str = fld("mo_ta", Text(1000, multiline=True), "Điều gì thay đổi, như văn bản ghi.", required=True,
                           example="Sáp nhập xã An Phú và xã An Hòa vào xã An Bình.")
    former: list[RefValue] = fld("don_vi_cu", ListOf(Ref("don_vi_cu")), "Các đơn vị cũ liên quan (mã trong don-vi-cu.yml).")
    basis: RefValue | None = fld("can_cu", Ref("van_ban"), "Văn bản quy định thay đổi (mã trong van-ban/).")
    basis_printed: str | None = fld("can_cu_in", Text(300), "Văn bản quy định thay đổi, ghi như bản in, khi chưa khai "
                                    "báo trong van-ban/.", example="Nghị quyết số …/NQ-UBTVQH15")


@dataclass(kw_only=True)
class BodyName(Record):
    """Tên của một cơ quan trong một khoảng thời gian."""

    LABEL = "tên theo thời kỳ"
    name: str = fld("ten", Text(200), "Tên đầy đủ trong thời kỳ.", required=True,
                    example="Ủy ban nhân dân xã Tân Thành")
    short: str | None = fld("ten_viet_tat", Text(120), "Tên viết tắt thường dùng.", example="UBND xã Tân Thành")
    start: PartialDate | None = fld("tu_ngay", Date(), "Từ ngày; bỏ trống nếu không rõ.")
    end: PartialDate | None = fld("den_ngay", Date(), "Đến ngày; bỏ trống nếu còn dùng.")


@dataclass(kw_only=True)
class Consent(Record):
    """Sự đồng ý của người được nêu (để đăng ảnh, câu chuyện). Không hiển thị trên trang."""

    LABEL = "sự đồng ý"
    date: PartialDate = fld("ngay", Date(), "Ngày người đó (hoặc người đại diện) đồng ý.", required=True,
                            example="05/03/2024", publish=False)
    form: str = fld("hinh_thuc", Choice(vocab.CONSENT_FORMS), "Đồng ý bằng văn bản, trực tiếp hay qua phương tiện điện tử.",
                    required=True, example="van_ban", publish=False)
    kept_at: str | None = fld("noi_luu", Text(200), "Nơi lưu giấy tờ đồng ý (không đăng lên trang).",
                              example="Văn phòng UBND xã", publish=False)
    guardian: bool | None = fld("nguoi_dai_dien", Bool(),
                                "true nếu người được nêu là trẻ em và cha mẹ hoặc người giám hộ cũng đã đồng ý.",
                                publish=False)


@dataclass(kw_only=True)
class Photo(Record):
    """Ảnh của một đối tượng hoặc một câu chuyện (không bắt buộc)."""

    LABEL = "ảnh"
    file: str = fld("tep", PhotoPath(), "Tệp ảnh trong thư mục data/anh/ (JPEG, PNG hoặc WebP, tối đa 8 MB).",
                    required=True, example="anh/tran-thi-lan.jpg")
    alt: str = fld("mo_ta", Text(300), "Mô tả ảnh bằng lời cho người không xem được ảnh.", required=True,
                   example="Chị Lan (giữa) cùng bà con làm đường thôn")
    credit: str | None = fld("nguon", Text(200), "Người chụp hoặc nguồn ảnh.")
    consent: Consent = fld("dong_y", Object(Consent), "Sự đồng ý của người trong ảnh (bắt buộc khi đăng ảnh).",
                           required=True, publish=False)


@dataclass(kw_only=True)
class Original(Record):
    """Bản gốc đã ký của văn bản, quét thành tệp PDF (không bắt buộc)."""

    LABEL = "bản gốc"
    file: str = fld("tep", OriginalPath(), "Tệp PDF trong thư mục data/ban-goc/ (tối đa 20 MB, không đặt mật khẩu). "
                    "Bản đăng lên trang được xoá thông tin kèm theo (tác giả, phần mềm), mã lệnh và tệp đính kèm.",
                    required=True, example="ban-goc/qd-125-2025.pdf")
    reviewed: bool | None = fld("da_soat_du_lieu_ca_nhan", Bool(),
                                "Ghi true sau khi đã xem từng trang bản quét và che (bôi đen) mọi thông tin cá nhân "
                                "không được công bố: số căn cước, ngày sinh, địa chỉ, số điện thoại… Phần mềm không "
                                "đọc được chữ trong ảnh quét, nên không tự kiểm tra thay được.", example="true")
    reviewer: str | None = fld("nguoi_soat", Text(120), "Người đã soát bản quét (không đăng lên trang).", publish=False)
    reviewed_on: PartialDate | None = fld("ngay_soat", Date(), "Ngày soát (không đăng lên trang).", publish=False)


def _rule_original_reviewed(o: Original, ctx: Context) -> None:
    if o.reviewed is not True:
        ctx.issues.add(o.pos("reviewed") if o.reviewed is not None else o.pos(), codes.BAN_GOC_CHUA_SOAT,
                       f"Bản gốc '{o.file}' chưa được xác nhận là đã soát thông tin cá nhân; chưa thể đăng.",
                       "Xem từng trang bản quét, che (bôi đen) số căn cước, ngày sinh, địa chỉ, số điện thoại… "
                       "rồi ghi: da_soat_du_lieu_ca_nhan: true.")


Original.RULES = (_rule_original_reviewed,)


@dataclass(kw_only=True)
class Period(Record):
    """Giai đoạn tính theo năm."""

    LABEL = "giai đoạn"
    start: int = fld("tu_nam", Year(), "Năm bắt đầu.", required=True, example="2014")
    end: int | None = fld("den_nam", Year(ahead=PLANNED_YEARS), "Năm kết thúc (có thể là năm sắp tới của một giai đoạn "
                          "đã định); bỏ trống nếu không rõ.",
                          example="2023")


@dataclass(kw_only=True)
class Signature(Record):
    """Khối chữ ký của văn bản (Nghị định 30/2020)."""

    LABEL = "khối chữ ký"
    collective: str | None = fld("tap_the", Text(120),
                                 "Dòng 'TM.' phía trên khi cấp phó ký thay người đứng đầu của một tập thể "
                                 "(TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH): tên tập thể, viết hoa.",
                                 example="ỦY BAN NHÂN DÂN")
    mode: str = fld("che_do", Choice(vocab.SIGNING_MODES),
                    "Thẩm quyền ký: TM (thay mặt tập thể), KT (ký thay), Q (quyền), TL, TUQ hoặc khong.", required=True,
                    example="TM")
    on_behalf_of: str | None = fld("thay_mat", Text(120),
                                   "Sau TM.: tên tập thể; sau KT., TL., TUQ.: chức vụ người đứng đầu; viết hoa như bản in.",
                                   example="ỦY BAN NHÂN DÂN")
    title: str = fld("chuc_vu", Text(120), "Chức vụ người ký, viết hoa như bản in.", required=True,
                     example="CHỦ TỊCH")
    name: str = fld("ho_ten", Text(120), "Họ và tên người ký (không ghi học hàm, học vị).", required=True)


@dataclass(kw_only=True)
class AggregateRecipients(Record):
    """Nhóm đối tượng chỉ biết số lượng, không có danh sách tên."""

    LABEL = "nhóm đối tượng"
    recipient_type: str = fld("loai_doi_tuong", Choice(vocab.GROUP_TYPES),
                              "Cá nhân, tập thể, hộ gia đình, hoặc tap_the_ca_nhan khi văn bản chỉ nêu "
                              "tổng số tập thể và cá nhân.", required=True, example="ca_nhan")
    count: int | None = fld("so_luong", Int(1), "Số lượng; bỏ trống nếu văn bản không nêu.", example="108")
    description: str | None = fld("mo_ta", Text(300), "Mô tả nhóm như văn bản ghi.",
                                  example="cán bộ, công chức phường")

    @property
    def label(self) -> str:
        """'25 tập thể, cá nhân (…)', as residents read it; the count left out when not known."""
        return self.short_label + (f" ({self.description})" if self.description else "")

    @property
    def short_label(self) -> str:
        """'25 tập thể, cá nhân', without the group's description."""
        count = f"{self.count} " if self.count else ""
        return count + vocab.GROUP_TYPES[self.recipient_type].label.lower()


def periods_ordered(record, ctx: Context) -> None:
    """A period, a name in use, a body's life: its end is not before its start."""
    start, end = getattr(record, "start", None), getattr(record, "end", None)
    if start is None or end is None:
        return
    ends_before = end < start if isinstance(end, int) else end.last_day < start.first_day
    if ends_before:
        ctx.issues.add(record.pos("end"), codes.THOI_GIAN_NGUOC, "Thời điểm kết thúc trước thời điểm bắt đầu.",
                       "Kiểm tra lại hai mốc thời gian.")


Period.RULES = (periods_ordered,)
UnitPeriod.RULES = (periods_ordered,)
BodyName.RULES = (periods_ordered,)
