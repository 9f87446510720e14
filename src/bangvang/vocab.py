"""Closed vocabularies of the domain, from national law (not from any one unit).

Keys are what officers write in data (snake_case, no diacritics); labels are
what residents read. Sources: Law 06/2022/QH15 (titles Đ.19–20, forms Đ.9,
kinds Đ.8, authorities Đ.77–80), Decree 30/2020/NĐ-CP (document types, signing).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Term:
    label: str
    description: str = ""
    abbr: str | None = None                 # document type abbreviation (Phụ lục III ND30)
    recipients: tuple[str, ...] = ()        # recipient types a title applies to
    has_class: bool = False                 # hạng Nhất/Nhì/Ba
    aliases: tuple[str, ...] = field(default=())

    def __str__(self) -> str:
        return self.label


RECIPIENT_TYPES = {
    "ca_nhan": Term("Cá nhân", "Một người."),
    "tap_the": Term("Tập thể", "Cơ quan, đơn vị, tổ chức, tổ dân phố hoặc một tập thể như “Nhân dân và cán bộ phường …”."),
    "ho_gia_dinh": Term("Hộ gia đình", "Chủ thể khen thưởng từ Luật Thi đua, khen thưởng 2022."),
}

# A count that a document gives without splitting it ("25 tập thể, cá nhân"): the kinds of recipients
# it may stand for. Named recipients are always one of RECIPIENT_TYPES.
GROUP_TYPES = {
    **RECIPIENT_TYPES,
    "tap_the_ca_nhan": Term("Tập thể, cá nhân", "Văn bản chỉ nêu tổng số tập thể và cá nhân, không tách riêng.",
                            recipients=("tap_the", "ca_nhan")),
}

LEVELS = {
    "trung_uong": Term("Trung ương", "Chủ tịch nước, Chính phủ, Thủ tướng, Bộ Chính trị, bộ, ban, ngành trung ương."),
    "tinh": Term("Cấp tỉnh", "Tỉnh, thành phố trực thuộc trung ương."),
    "huyen": Term("Cấp huyện", "Huyện, quận, thị xã, thành phố thuộc tỉnh (bãi bỏ từ 01/07/2025)."),
    "xa": Term("Cấp xã", "Xã, phường, thị trấn, đặc khu."),
    "co_quan": Term("Cơ quan, đơn vị", "Phòng, ban, cơ quan chuyên môn, tổ chức, doanh nghiệp."),
}

UNIT_TYPES = {
    "xa": Term("xã"), "phuong": Term("phường"), "thi_tran": Term("thị trấn"), "dac_khu": Term("đặc khu"),
}

DOC_TYPES = {
    "bao_cao": Term("Báo cáo", abbr="BC"),
    "ke_hoach": Term("Kế hoạch", abbr="KH"),
    "chi_thi": Term("Chỉ thị", abbr="CT"),
    "quyet_dinh": Term("Quyết định", abbr="QĐ"),
    "nghi_quyet": Term("Nghị quyết", abbr="NQ"),
    "nghi_dinh": Term("Nghị định", abbr="NĐ"),
    "thong_tu": Term("Thông tư", abbr="TT"),
    "luat": Term("Luật", "Số hiệu có dạng 06/2022/QH15."),
    "cong_van": Term("Công văn", "Không có chữ viết tắt tên loại: 25/PNV, 2975/UBND-KSTT."),
    "huong_dan": Term("Hướng dẫn", abbr="HD"),
    "thong_bao": Term("Thông báo", abbr="TB"),
    "to_trinh": Term("Tờ trình", abbr="TTr"),
    "chuong_trinh": Term("Chương trình", abbr="CTr"),
    "ket_luan": Term("Kết luận", abbr="KL"),
    "quy_che": Term("Quy chế", abbr="QC"),
    "quy_dinh": Term("Quy định", abbr="QyĐ"),
    "de_an": Term("Đề án", abbr="ĐA"),
    "phuong_an": Term("Phương án", abbr="PA"),
    "bien_ban": Term("Biên bản", abbr="BB"),
    "cong_dien": Term("Công điện", abbr="CĐ"),
    "van_ban_khac": Term("Văn bản khác", "Văn bản được nhắc đến chung, không rõ loại."),
}

TITLES = {  # danh hiệu thi đua (Law 2022 Đ.19–20)
    "chien_si_thi_dua_toan_quoc": Term("Chiến sĩ thi đua toàn quốc", recipients=("ca_nhan",)),
    "chien_si_thi_dua_tinh": Term("Chiến sĩ thi đua cấp bộ, ngành, tỉnh", recipients=("ca_nhan",)),
    "chien_si_thi_dua_co_so": Term("Chiến sĩ thi đua cơ sở", recipients=("ca_nhan",)),
    "lao_dong_tien_tien": Term("Lao động tiên tiến", recipients=("ca_nhan",)),
    "chien_si_tien_tien": Term("Chiến sĩ tiên tiến", recipients=("ca_nhan",)),
    "co_thi_dua_chinh_phu": Term("Cờ thi đua của Chính phủ", recipients=("tap_the",)),
    "co_thi_dua_tinh": Term("Cờ thi đua cấp bộ, ngành, tỉnh", recipients=("tap_the",)),
    "tap_the_lao_dong_xuat_sac": Term("Tập thể lao động xuất sắc", recipients=("tap_the",)),
    "don_vi_quyet_thang": Term("Đơn vị quyết thắng", recipients=("tap_the",)),
    "tap_the_lao_dong_tien_tien": Term("Tập thể lao động tiên tiến", recipients=("tap_the",)),
    "don_vi_tien_tien": Term("Đơn vị tiên tiến", recipients=("tap_the",)),
    "xa_phuong_tieu_bieu": Term("Xã, phường, thị trấn tiêu biểu", recipients=("tap_the",)),
    "thon_to_dan_pho_van_hoa": Term("Thôn, tổ dân phố văn hóa", recipients=("tap_the",)),
    "gia_dinh_van_hoa": Term("Gia đình văn hóa", recipients=("ho_gia_dinh",)),
}

FORMS = {  # hình thức khen thưởng (Law 2022 Đ.9)
    "huan_chuong_sao_vang": Term("Huân chương Sao vàng"),
    "huan_chuong_ho_chi_minh": Term("Huân chương Hồ Chí Minh"),
    "huan_chuong_doc_lap": Term("Huân chương Độc lập", has_class=True),
    "huan_chuong_quan_cong": Term("Huân chương Quân công", has_class=True),
    "huan_chuong_lao_dong": Term("Huân chương Lao động", has_class=True),
    "huan_chuong_bao_ve_to_quoc": Term("Huân chương Bảo vệ Tổ quốc", has_class=True),
    "huan_chuong_chien_cong": Term("Huân chương Chiến công", has_class=True),
    "huan_chuong_dai_doan_ket_dan_toc": Term("Huân chương Đại đoàn kết dân tộc"),
    "huan_chuong_dung_cam": Term("Huân chương Dũng cảm"),
    "huan_chuong_huu_nghi": Term("Huân chương Hữu nghị"),
    "huy_chuong_quan_ky_quyet_thang": Term("Huy chương Quân kỳ quyết thắng"),
    "huy_chuong_vi_an_ninh_to_quoc": Term("Huy chương Vì an ninh Tổ quốc"),
    "huy_chuong_chien_si_ve_vang": Term("Huy chương Chiến sĩ vẻ vang", has_class=True),
    "huy_chuong_huu_nghi": Term("Huy chương Hữu nghị"),
    "danh_hieu_vinh_du_nha_nuoc": Term("Danh hiệu vinh dự nhà nước"),
    "giai_thuong_ho_chi_minh": Term("Giải thưởng Hồ Chí Minh"),
    "giai_thuong_nha_nuoc": Term("Giải thưởng Nhà nước"),
    "ky_niem_chuong": Term("Kỷ niệm chương"),
    "bang_khen": Term("Bằng khen", "Của Thủ tướng Chính phủ, hoặc của bộ, ban, ngành, tỉnh."),
    "giay_khen": Term("Giấy khen", "Của thủ trưởng cơ quan, đơn vị, Chủ tịch UBND cấp huyện, cấp xã."),
}

CLASSES = {"nhat": Term("hạng Nhất"), "nhi": Term("hạng Nhì"), "ba": Term("hạng Ba")}

AWARD_KINDS = {  # loại hình khen thưởng (Law 2022 Đ.8)
    "thuong_xuyen": Term("Thường xuyên", "Cuối năm, cuối nhiệm kỳ.",
                         aliases=("theo công trạng và thành tích đạt được",)),
    "chuyen_de": Term("Theo chuyên đề", "Khi sơ kết, tổng kết một phong trào thi đua theo chuyên đề.",
                      aliases=("theo đợt",)),
    "dot_xuat": Term("Đột xuất", "Thành tích đột xuất."),
    "cong_hien": Term("Quá trình cống hiến"),
    "nien_han": Term("Theo niên hạn"),
    "doi_ngoai": Term("Đối ngoại"),
}

AWARD_STATUS = {
    "de_nghi": Term("Đã đề nghị", "Đã đề nghị cấp trên xét, chưa có quyết định."),
    "da_tang": Term("Đã khen thưởng", "Đã có quyết định khen thưởng."),
    "thu_hoi": Term("Đã hủy bỏ, thu hồi", "Quyết định khen thưởng đã bị hủy bỏ (Luật 2022, Chương VII)."),
}

MOVEMENT_FORMS = {
    "thuong_xuyen": Term("Thi đua thường xuyên"),
    "chuyen_de": Term("Thi đua theo chuyên đề"),
}

MOVEMENT_STATUS = {
    "dang_trien_khai": Term("Đang triển khai"),
    "da_tong_ket": Term("Đã tổng kết"),
    "da_ket_thuc": Term("Đã kết thúc"),
}

SIGNING_MODES = {
    "TM": Term("TM.", "Thay mặt tập thể (ví dụ TM. ỦY BAN NHÂN DÂN)."),
    "KT": Term("KT.", "Ký thay người đứng đầu."),
    "Q": Term("Q.", "Quyền người đứng đầu."),
    "TL": Term("TL.", "Thừa lệnh."),
    "TUQ": Term("TUQ.", "Thừa ủy quyền."),
    "khong": Term("", "Người đứng đầu ký trực tiếp."),
}

REPORT_PARTS = {
    "quoc_hieu": Term("Quốc hiệu và tiêu ngữ"),
    "co_quan_chu_quan": Term("Tên cơ quan chủ quản"),
    "co_quan_ban_hanh": Term("Tên cơ quan ban hành"),
    "so_ky_hieu": Term("Số, ký hiệu"),
    "dia_danh_ngay": Term("Địa danh và ngày tháng"),
    "ten_loai_trich_yeu": Term("Tên loại và trích yếu"),
    "chu_ky": Term("Chức vụ, họ tên người ký"),
    "noi_nhan": Term("Nơi nhận"),
}

VISIBILITY = {
    "cong_khai": Term("Công khai", "Hiện đầy đủ họ tên (mặc định)."),
    "viet_tat": Term("Viết tắt", "Chỉ hiện họ và chữ cái đầu của tên đệm, tên: Nguyễn T. M. H."),
    "an": Term("Đã rút lại", "Người được nêu đã đề nghị gỡ: không hiện ở trang nào, trong tìm kiếm và dữ liệu mở; "
                             "khen thưởng vẫn được đếm trong số liệu."),
}

CONSENT_FORMS = {
    "van_ban": Term("Bằng văn bản", "Giấy đồng ý có chữ ký."),
    "dien_tu": Term("Điện tử", "Thư điện tử, tin nhắn hoặc biểu mẫu trực tuyến có thể lưu lại."),
    "truc_tiep": Term("Trực tiếp", "Đồng ý trực tiếp, có biên bản hoặc người làm chứng."),
}

EVENT_KINDS = {  # where honor is given in public (hội nghị, đại hội, lễ)
    "dai_hoi_thi_dua": Term("Đại hội thi đua yêu nước", "Tổ chức 5 năm một lần ở mỗi cấp; tổng kết giai đoạn."),
    "hoi_nghi_dien_hinh": Term("Hội nghị biểu dương, tôn vinh điển hình tiên tiến"),
    "bieu_duong_nguoi_tot": Term("Lễ biểu dương người tốt, việc tốt"),
    "tong_ket_phong_trao": Term("Hội nghị tổng kết phong trào thi đua",
                                "Thường kèm phát động phong trào của năm sau."),
    "hoi_nghi_can_bo": Term("Hội nghị cán bộ, công chức", "Hội nghị đầu năm, nơi có thể phát động phong trào."),
    "trao_khen_thuong": Term("Lễ trao khen thưởng", "Trao bằng khen, giấy khen, danh hiệu đã có quyết định."),
    "khac": Term("Sự kiện khác"),
}

SOURCE_KINDS = {  # sources that are not official documents
    "bao": Term("Bài báo", "Bài trên báo in, báo điện tử, đài phát thanh, truyền hình."),
    "trang_tin": Term("Trang thông tin", "Bài trên cổng, trang thông tin điện tử của cơ quan, đơn vị."),
    "mang_xa_hoi": Term("Trang mạng xã hội", "Bài trên trang chính thức của cơ quan, đơn vị trên mạng xã hội."),
    "khac": Term("Nguồn khác"),
}

UNIT_CHANGES = {  # what changed an administrative unit (Nghị quyết của UBTVQH, Nghị định…)
    "sap_nhap": Term("Sáp nhập", "Các đơn vị hợp thành một; từ 01/07/2025 hầu hết xã, phường được lập như vậy."),
    "chia_tach": Term("Chia tách", "Một đơn vị tách thành nhiều đơn vị."),
    "thanh_lap": Term("Thành lập"),
    "doi_ten": Term("Đổi tên"),
    "nang_cap": Term("Chuyển đổi loại đơn vị", "Ví dụ xã lên thị trấn, thị trấn lên phường."),
    "dieu_chinh": Term("Điều chỉnh địa giới"),
    "khac": Term("Thay đổi khác"),
}
