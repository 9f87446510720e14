"""Every issue code the checker can report, declared once: its meaning, severity, fix and example.

Each code is a module constant (`codes.SAI_KIEU`), passed to `Issues.add`; nothing reports a code
that is not declared here. The officers' guide page /huong-dan/loi/ is generated from `CODES`, and
a test checks that each example really produces its code when put into the valid data folder
`SAMPLE` (ids such as 'tran-thi-lan', 'ubnd-xa', '45-kh-ubnd-2023' exist there).
"""

from __future__ import annotations

from dataclasses import dataclass

from .issues import ERROR, NOTE, WARNING


@dataclass(frozen=True)
class Code:
    id: str                             # stable ASCII word: what tests, CI annotations and the guide refer to
    title: str                          # what went wrong, in a few words (the guide's heading)
    fix: str                            # how to fix it in general (each report adds its own hint)
    example_path: str | None = None     # a file under data/, replaced by the example
    example: str | None = None          # its full content (YAML or Markdown)
    extra: tuple[tuple[str, str], ...] = ()  # other files the example needs (path, content)
    severity: str = ERROR               # ERROR stops the build; WARNING is reported (and fails --strict);
                                       # NOTE is reported and never fails a build, not even --strict

    def __str__(self) -> str:
        return self.id


_PERSON = "- id: tran-thi-lan\n  loai: ca_nhan\n  ho: Trần\n  ten_dem: Thị\n  ten: Lan\n"
_AWARD_HEAD = "- id: giay-khen-lan-2023\n  doi_tuong: tran-thi-lan\n"

# -- reading the file -------------------------------------------------------
KHONG_PHAI_UTF8 = Code("khong-phai-utf8", "Tệp không phải UTF-8",
                       "Mở tệp và lưu lại với bảng mã UTF-8; chữ gõ bằng TCVN3, VNI phải chuyển sang Unicode.")
LOI_BANG_MA = Code("loi-bang-ma", "Chữ bị lỗi bảng mã (ví dụ 'Nguyá»…n')",
                   "Gõ lại đoạn chữ, hoặc sao chép từ bản gốc; đừng mở tệp UTF-8 bằng chương trình đọc sai bảng mã.",
                   "doi-tuong/doi-tuong.yml", "- id: tran-thi-lan\n  loai: ca_nhan\n  ho: Tráº§n\n  ten: Lan\n")
CHU_GIA_DANG = Code("chu-gia-dang", "Chữ trông giống chữ Việt nhưng là ký tự khác",
                    "Gõ lại chữ đó bằng bàn phím tiếng Việt (thường gặp khi sao chép từ tệp PDF); "
                    "chữ lạ làm tìm kiếm và sắp xếp sai.",
                    "doi-tuong/doi-tuong.yml", "- id: tran-thi-lan\n  loai: ca_nhan\n  ho: Ðặng\n  ten_dem: Thị\n  ten: Lan\n")
KY_TU_AN = Code("ky-tu-an", "Có ký tự vô hình, ký tự điều khiển hoặc dấu cách không ngắt",
                "Xoá ký tự đó (thường do sao chép từ Word, trang web) và gõ lại bằng bàn phím.",
                "doi-tuong/doi-tuong.yml", "- id: tran-thi-lan\n  loai: ca_nhan\n  ho: Nguyễn\n  ten: La\u200bn\n")
TEP_QUA_LON = Code("tep-qua-lon", "Tệp quá lớn (trên 2 MB)", "Chia dữ liệu thành nhiều tệp, ví dụ mỗi năm một tệp.")
TEP_RONG = Code("tep-rong", "Tệp không có dữ liệu", "Thêm dữ liệu hoặc xoá tệp.", "khen-thuong/2023.yml", "# chưa có gì\n")
YAML_CU_PHAP = Code("yaml-cu-phap", "Lỗi cú pháp YAML (thụt lề, dấu hai chấm, dấu nháy)",
                    "Thụt lề bằng dấu cách (không dùng tab); giá trị có ': ' hoặc ' #' đặt trong dấu nháy kép.",
                    "doi-tuong/doi-tuong.yml", "- id: thon-3\n  loai: tap_the\n  ten: Thôn 3: xóm Đông\n")
YAML_NHIEU_TAI_LIEU = Code("yaml-nhieu-tai-lieu", "Tệp có nhiều tài liệu YAML (nhiều dòng ---)",
                           "Mỗi tệp một tài liệu: xoá dòng '---' thừa hoặc tách sang tệp khác.",
                           "doi-tuong/doi-tuong.yml", _PERSON + "---\n- id: thon-3\n  loai: tap_the\n  ten: Thôn 3\n")
YAML_ANCHOR = Code("yaml-anchor", "Dùng neo, tham chiếu YAML (& và *)", "Viết đầy đủ giá trị ở mỗi chỗ, không dùng & và *.",
                   "doi-tuong/doi-tuong.yml", "- &mau\n  id: tran-thi-lan\n  loai: ca_nhan\n  ho: Trần\n  ten: Lan\n- *mau\n")
YAML_TAG = Code("yaml-tag", "Dùng thẻ kiểu YAML (bắt đầu bằng !)", "Xoá phần '!!…' trước giá trị.",
                "doi-tuong/doi-tuong.yml", "- id: tran-thi-lan\n  loai: ca_nhan\n  ho: Nguyễn\n  ten: !!str Lan\n")
YAML_QUA_SAU = Code("yaml-qua-sau", "Dữ liệu lồng nhau quá sâu", "Kiểm tra lại thụt lề; dữ liệu bảng vàng chỉ lồng vài cấp.")
YAML_KHOA_KHONG_HOP_LE = Code("yaml-khoa-khong-hop-le", "Tên trường không phải là chữ", "Tên trường là một từ như 'ten', theo sau là dấu hai chấm.",
                              "doi-tuong/doi-tuong.yml", "- id: tran-thi-lan\n  loai: ca_nhan\n  ho: Trần\n  ten: Lan\n  [a, b]: x\n")
TRUNG_TRUONG = Code("trung-truong", "Một trường xuất hiện hai lần trong cùng một mục",
                    "Giữ lại một dòng với giá trị đúng; nếu không, giá trị trước sẽ bị mất.",
                    "doi-tuong/doi-tuong.yml", _PERSON + "  ten: Lân\n")
# -- files and folders --------------------------------------------------------
KHONG_CO_THU_MUC = Code("khong-co-thu-muc", "Không tìm thấy thư mục dữ liệu", "Chạy lệnh từ thư mục gốc của kho, nơi có thư mục data/.")
THIEU_TEP = Code("thieu-tep", "Thiếu tệp don-vi.yml", "Tạo tệp mô tả đơn vị theo từ điển dữ liệu.")
TEP_KHONG_RO_LOAI = Code("tep-khong-ro-loai", "Tệp nằm sai chỗ hoặc sai đuôi", "Đặt tệp vào đúng thư mục; dữ liệu YAML dùng đuôi .yml.",
                         "khen-thuong/2024.yaml", _AWARD_HEAD.replace("2023", "2024") + "  hinh_thuc: giay_khen\n  trang_thai: da_tang\n")
LIEN_KET_TEP = Code("lien-ket-tep", "Tệp là liên kết tượng trưng (symlink)", "Thay bằng tệp thật.")
TEP_DAC_BIET = Code("tep-dac-biet", "Không phải tệp thường (ống FIFO, thiết bị, socket)",
                    "Xoá nó khỏi data/: trong data/ chỉ có tệp thường (YAML, Markdown, ảnh).")
TEN_TEP_KY_TU_LA = Code("ten-tep-ky-tu-la", "Tên tệp có ký tự điều khiển (xuống dòng, tab…)",
                        "Đổi tên tệp, chỉ dùng chữ, số, dấu gạch ngang và dấu chấm.")
TEN_TEP_TRUNG = Code("ten-tep-trung", "Hai tệp cùng tên nếu không phân biệt chữ hoa, chữ thường hoặc cách ghi dấu",
                     "Gộp hai tệp làm một hoặc đổi tên một tệp: trên Windows và macOS, tệp này sẽ đè lên tệp kia.",
                     "doi-tuong/Doi-tuong.yml", "- id: le-van-nam\n  loai: ca_nhan\n  ho: Lê\n  ten: Nam\n")
THIEU_PHAN_DAU = Code("thieu-phan-dau", "Tệp Markdown thiếu phần thông tin giữa hai dòng ---",
                      "Dòng đầu tiên là '---', tiếp theo các trường, rồi một dòng '---', sau đó là nội dung.",
                      "bao-cao/12-bc-ubnd-2024.md", "Báo cáo không có phần thông tin đầu tệp.\n")
THIEU_NOI_DUNG = Code("thieu-noi-dung", "Tệp Markdown chưa có nội dung", "Viết nội dung sau dòng '---' thứ hai.",
                      "bao-cao/12-bc-ubnd-2024.md",
                      "---\nid: 12-bc-ubnd-2024\nloai: bao_cao\nso_ky_hieu: 12/BC-UBND\nngay: 15/02/2024\n"
                      "ky: {che_do: TM, thay_mat: ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: Lê Văn Hùng}\n"
                      "noi_nhan: [\"Lưu: VT.\"]\n---\n")
_REPORT_HEAD = ("---\nid: 12-bc-ubnd-2024\nloai: bao_cao\nso_ky_hieu: 12/BC-UBND\nngay: 15/02/2024\n"
                "ky: {che_do: TM, thay_mat: ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: Lê Văn Hùng}\n"
                "noi_nhan: [\"Lưu: VT.\"]\n---\n")
LONG_QUA_SAU = Code("long-qua-sau", "Danh sách hoặc trích dẫn lồng vào nhau quá nhiều tầng",
                    "Viết gọn lại, không quá 8 tầng danh sách (hoặc dấu '>') lồng vào nhau; thường là thụt lề nhầm.",
                    "bao-cao/12-bc-ubnd-2024.md",
                    _REPORT_HEAD + "".join("    " * depth + "- Mục\n" for depth in range(10)))
DOAN_QUA_DAI = Code("doan-qua-dai", "Một đoạn văn, một mục danh sách hay một dòng bảng quá dài",
                    "Chia thành nhiều đoạn (để một dòng trống giữa hai đoạn); mỗi đoạn không quá 20.000 ký tự.",
                    "bao-cao/12-bc-ubnd-2024.md", _REPORT_HEAD + "Phong trào thi đua được triển khai. " * 600 + "\n")
THIEU_TEP_DINH_KEM = Code("thieu-tep-dinh-kem", "Báo cáo nhắc đến một tệp văn bản thô không có",
                          "Ghi đúng tên tệp .txt nằm cùng thư mục bao-cao/ vào 'ban_trich_xuat'.")
TEP_KHONG_DUOC_DUNG = Code("tep-khong-duoc-dung", "Tệp .txt trong bao-cao/ không được báo cáo nào nhắc đến",
                           "Ghi tên tệp vào 'ban_trich_xuat' của báo cáo, hoặc xoá tệp.",
                           "bao-cao/ban-nhap.txt", "Văn bản thô không thuộc báo cáo nào.\n")
DUONG_DAN_ANH = Code("duong-dan-anh", "Đường dẫn ảnh không hợp lệ (ra ngoài thư mục ảnh, tên có dấu, sai đuôi)",
                     "Đặt ảnh ngay trong data/anh/, tên chữ thường không dấu, đuôi .jpg/.png/.webp.",
                     "doi-tuong/doi-tuong.yml", _PERSON + "  anh:\n    tep: ../../.git/config\n    mo_ta: Ảnh chị Lan\n")
ANH_BEN_NGOAI = Code("anh-ben-ngoai", "Ảnh lấy từ trang web khác", "Lưu ảnh vào data/anh/ qua pull request rồi ghi 'anh/ten-tep.jpg'.",
                     "doi-tuong/doi-tuong.yml", _PERSON + "  anh:\n    tep: https://example.com/lan.jpg\n    mo_ta: Ảnh chị Lan\n")
THIEU_TEP_ANH = Code("thieu-tep-anh", "Không có tệp ảnh được ghi", "Tải ảnh lên data/anh/ và ghi đúng tên, kể cả chữ hoa, chữ thường.",
                     "doi-tuong/doi-tuong.yml", _PERSON + "  anh:\n    tep: anh/tran-thi-lan.jpg\n    mo_ta: Ảnh chị Lan\n"
                     "    dong_y: {ngay: 01/03/2024, hinh_thuc: van_ban}\n")
ANH_QUA_LON = Code("anh-qua-lon", "Ảnh quá lớn (trên 8 MB)", "Giảm kích thước ảnh rồi lưu lại.")
ANH_KHONG_HOP_LE = Code("anh-khong-hop-le", "Tệp không phải ảnh thật, hoặc ảnh hỏng", "Xuất lại ảnh dạng JPEG, đuôi tệp đúng loại ảnh.",
                        "doi-tuong/doi-tuong.yml", _PERSON + "  anh:\n    tep: anh/tran-thi-lan.jpg\n    mo_ta: Ảnh chị Lan\n"
                        "    dong_y: {ngay: 01/03/2024, hinh_thuc: van_ban}\n",
                        (("anh/tran-thi-lan.jpg", "Đây là chữ, không phải ảnh.\n"),))
# No example: it needs a real image file, and an example's files are written as text.
ANH_SAI_KICH_THUOC = Code("anh-sai-kich-thuoc", "Ảnh quá nhỏ, hoặc một cạnh dài gấp hơn 6 lần cạnh kia",
                          "Dùng ảnh có mỗi cạnh ít nhất 32 điểm ảnh và cạnh dài không quá 6 lần cạnh ngắn: "
                          "cắt (crop) ảnh cho gọn hoặc chọn ảnh khác.")
_DECISION = "- id: 78-qd-ubnd-2025\n  loai: quyet_dinh\n  so_ky_hieu: 78/QĐ-UBND\n  ngay: 12/05/2025\n  ban_goc:\n"
DUONG_DAN_BAN_GOC = Code("duong-dan-ban-goc", "Đường dẫn bản gốc không hợp lệ (ra ngoài thư mục, tên có dấu, không phải .pdf)",
                         "Đặt tệp PDF ngay trong data/ban-goc/, tên chữ thường không dấu, đuôi .pdf.",
                         "van-ban/2025.yml", _DECISION + "    tep: Bản gốc QĐ 78.pdf\n    da_soat_du_lieu_ca_nhan: true\n")
BAN_GOC_BEN_NGOAI = Code("ban-goc-ben-ngoai", "Bản gốc lấy từ trang web khác",
                         "Lưu tệp PDF vào data/ban-goc/ qua pull request rồi ghi 'ban-goc/ten-tep.pdf'; "
                         "địa chỉ bản chính thức trên cổng thông tin ghi ở 'lien_ket'.",
                         "van-ban/2025.yml", _DECISION + "    tep: https://example.gov.vn/qd78.pdf\n"
                         "    da_soat_du_lieu_ca_nhan: true\n")
THIEU_TEP_BAN_GOC = Code("thieu-tep-ban-goc", "Không có tệp bản gốc được ghi",
                         "Tải tệp PDF lên data/ban-goc/ và ghi đúng tên, kể cả chữ hoa, chữ thường.",
                         "van-ban/2025.yml", _DECISION + "    tep: ban-goc/qd-78-2025.pdf\n    da_soat_du_lieu_ca_nhan: true\n")
BAN_GOC_CHUA_SOAT = Code("ban-goc-chua-soat", "Bản gốc chưa được soát thông tin cá nhân",
                         "Xem từng trang bản quét, che (bôi đen) số căn cước, ngày sinh, địa chỉ, số điện thoại… rồi mới "
                         "ghi da_soat_du_lieu_ca_nhan: true.",
                         "van-ban/2025.yml", _DECISION + "    tep: ban-goc/qd-78-2025.pdf\n")
# No examples: each needs a real (large, or encrypted) PDF, and an example's files are written as text.
BAN_GOC_QUA_LON = Code("ban-goc-qua-lon", "Bản gốc quá lớn", "Quét lại ở 200 dpi, đen trắng hoặc thang xám, rồi lưu lại.")
BAN_GOC_HONG = Code("ban-goc-hong", "Tệp bản gốc không phải PDF, hoặc PDF hỏng", "Quét hoặc xuất lại tệp PDF từ máy quét.",
                    "van-ban/2025.yml", _DECISION + "    tep: ban-goc/qd-78-2025.pdf\n    da_soat_du_lieu_ca_nhan: true\n",
                    (("ban-goc/qd-78-2025.pdf", "Đây là chữ, không phải tệp PDF.\n"),))
BAN_GOC_MA_HOA = Code("ban-goc-ma-hoa", "Bản gốc có mật khẩu hoặc bị mã hoá",
                      "Lưu lại bản PDF không đặt mật khẩu, không hạn chế (in, sao chép).")
# -- one field ------------------------------------------------------------------
TRUONG_KHONG_RO = Code("truong-khong-ro", "Tên trường không có trong mẫu dữ liệu (thường là gõ nhầm)",
                       "Sửa theo gợi ý 'Có phải ý là …?', hoặc xem từ điển dữ liệu.",
                       "doi-tuong/doi-tuong.yml", "- id: tran-thi-lan\n  loai: ca_nhan\n  ho: Trần\n  tne: Lan\n")
THIEU_TRUONG = Code("thieu-truong", "Thiếu trường bắt buộc", "Thêm trường còn thiếu như gợi ý.",
                    "doi-tuong/doi-tuong.yml", "- id: tran-thi-lan\n  loai: ca_nhan\n  ho: Trần\n")
CHU_BI_CAT = Code("chu-bi-cat", "Phần chữ sau ' #' bị bỏ qua (cảnh báo)",
                  "Đặt cả giá trị trong dấu nháy kép nếu # là nội dung; nếu là ghi chú, đưa lên dòng riêng.",
                  "doi-tuong/doi-tuong.yml", "- id: thon-3\n  loai: tap_the\n  ten: Thôn 3 #1 của xã\n",
                  severity=WARNING)
GIA_TRI_RONG = Code("gia-tri-rong", "Giá trị để trống trong dấu nháy", "Ghi nội dung, hoặc xoá cả dòng nếu chưa có thông tin.",
                    "doi-tuong/doi-tuong.yml", "- id: tran-thi-lan\n  loai: ca_nhan\n  ho: Trần\n  ten: \"\"\n")
SAI_KIEU = Code("sai-kieu", "Giá trị sai dạng (ví dụ cần danh sách mà ghi một dòng)",
                "Ghi đúng dạng: danh sách thì mỗi mục một dòng bắt đầu bằng '- '.",
                "phong-trao/phong-trao.yml", "- id: nong-thon-moi\n  ten: Chung sức xây dựng nông thôn mới\n  ke_hoach: 45-kh-ubnd-2023\n")
THIEU_MUC = Code("thieu-muc", "Danh sách cần ít nhất một mục", "Thêm ít nhất một mục vào danh sách.")
QUA_DAI = Code("qua-dai", "Giá trị quá dài", "Rút gọn; chi tiết dài đưa vào mô tả hoặc câu chuyện.",
               "doi-tuong/doi-tuong.yml", "- id: thon-3\n  loai: tap_the\n  ten: " + "Thôn Tân Thành " * 30 + "\n")
NHIEU_DONG = Code("nhieu-dong", "Trường một dòng lại có nhiều dòng", "Viết liền trên một dòng.",
                  "doi-tuong/doi-tuong.yml", "- id: thon-3\n  loai: tap_the\n  ten: |\n    Thôn\n    số 3\n")
CHUA_HTML = Code("chua-html", "Có mã HTML hoặc liên kết script trong tên", "Chỉ ghi chữ; trang web tự trình bày.",
                 "doi-tuong/doi-tuong.yml", "- id: thon-3\n  loai: tap_the\n  ten: \"<b>Thôn 3</b>\"\n")
MA_KHONG_HOP_LE = Code("ma-khong-hop-le", "Mã định danh sai dạng", "Chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ 'thon-3'.",
                       "doi-tuong/doi-tuong.yml", "- id: Thôn 3\n  loai: tap_the\n  ten: Thôn 3\n")
GIA_TRI_KHONG_CO_TRONG_DANH_MUC = Code("gia-tri-khong-co-trong-danh-muc", "Giá trị không có trong danh mục",
                                       "Chọn một giá trị trong danh mục (xem từ điển dữ liệu).",
                                       "khen-thuong/2023.yml", _AWARD_HEAD + "  hinh_thuc: giay_khen_huyen\n  trang_thai: da_tang\n")
NAM_KHONG_HOP_LE = Code("nam-khong-hop-le", "Năm sai dạng", "Viết năm bằng 4 chữ số, ví dụ 2023.",
                        "khen-thuong/2023.yml", _AWARD_HEAD + "  hinh_thuc: giay_khen\n  nam: 23\n  trang_thai: da_tang\n")
NGAY_SAI_DINH_DANG = Code("ngay-sai-dinh-dang", "Ngày sai định dạng", "Viết ngày/tháng/năm (05/02/2024), tháng/năm hoặc năm; không rõ thì bỏ trống.",
                          "van-ban/2023.yml", "- id: 45-kh-ubnd-2023\n  loai: ke_hoach\n  so_ky_hieu: 45/KH-UBND\n  ngay: 20.03.2023\n")
NGAY_KHONG_TON_TAI = Code("ngay-khong-ton-tai", "Ngày không có thật (ví dụ 30/02)", "Đối chiếu với văn bản gốc.",
                          "van-ban/2023.yml", "- id: 45-kh-ubnd-2023\n  loai: ke_hoach\n  so_ky_hieu: 45/KH-UBND\n  ngay: 31/11/2023\n")
NGAY_TRONG_TUONG_LAI = Code("ngay-trong-tuong-lai", "Ngày hoặc năm ở tương lai", "Chỉ ghi những việc đã xảy ra; kiểm tra lại năm.",
                            "khen-thuong/2023.yml", _AWARD_HEAD + "  hinh_thuc: giay_khen\n  nam: 2099\n  trang_thai: da_tang\n")
SO_KHONG_HOP_LE = Code("so-khong-hop-le", "Số lượng sai dạng", "Viết số nguyên, không có dấu chấm, dấu phẩy hay số 0 ở đầu.",
                       "khen-thuong/2023.yml", "- id: de-nghi-2023\n  tong_hop: {loai_doi_tuong: ca_nhan, so_luong: 1.000}\n  trang_thai: de_nghi\n")
LIEN_KET_KHONG_HOP_LE = Code("lien-ket-khong-hop-le", "Địa chỉ web không an toàn",
                             "Chỉ dùng địa chỉ bắt đầu bằng https:// (hoặc http:// với trang chưa có bản https://).",
                             "van-ban/2023.yml", "- id: 45-kh-ubnd-2023\n  loai: ke_hoach\n  so_ky_hieu: 45/KH-UBND\n  lien_ket: javascript:alert(1)\n")
# A note, not a warning: many government sites serve only http://, and the issue is to accept such
# links; a warning would stop `mkdocs build --strict` (the Pages workflow), i.e. refuse them again.
LIEN_KET_HTTP = Code("lien-ket-http", "Địa chỉ web bắt đầu bằng http:// (lưu ý, vẫn được đăng)",
                     "Nếu trang có bản https://, hãy dùng https:// (an toàn hơn cho người xem); nếu không, giữ http://.",
                     "van-ban/2023.yml", "- id: 45-kh-ubnd-2023\n  loai: ke_hoach\n  so_ky_hieu: 45/KH-UBND\n  ngay: 20/03/2023\n"
                     "  co_quan_ban_hanh: ubnd-xa\n  lien_ket: http://example.gov.vn/van-ban/45\n", severity=NOTE)
SO_KY_HIEU_KHONG_HOP_LE = Code("so-ky-hieu-khong-hop-le", "Số, ký hiệu văn bản sai cách viết",
                               "Viết như 12/BC-UBND, 91/2017/NĐ-CP, 34-CT/TW hoặc 25/PNV, không có dấu cách; cách in sai ghi vào 'so_ky_hieu_in'.",
                               "van-ban/2023.yml", "- id: 45-kh-ubnd-2023\n  loai: ke_hoach\n  so_ky_hieu: 45/KH- UBND\n")
# -- rules inside one record --------------------------------------------------
TRUONG_KHONG_DUNG_CHO_LOAI = Code("truong-khong-dung-cho-loai", "Trường chỉ dùng cho cá nhân được ghi cho tập thể", "Với tập thể, ghi tên đầy đủ vào 'ten'.",
                                  "doi-tuong/doi-tuong.yml", "- id: thon-3\n  loai: tap_the\n  ho: Thôn\n  ten: Thôn 3\n")
DOI_TUONG_KHEN = Code("doi-tuong-khen", "Khen thưởng ghi cả 'doi_tuong' và 'tong_hop' (hoặc không có cái nào)",
                      "Ghi 'doi_tuong' khi biết tên; chỉ dùng 'tong_hop' khi văn bản chỉ nêu số lượng.",
                      "khen-thuong/2023.yml", "- id: giay-khen-lan-2023\n  hinh_thuc: giay_khen\n  trang_thai: da_tang\n")
VUA_DANH_HIEU_VUA_HINH_THUC = Code("vua-danh-hieu-vua-hinh-thuc", "Một khen thưởng ghi cả danh hiệu và hình thức", "Tách thành hai khen thưởng.",
                                   "khen-thuong/2023.yml", _AWARD_HEAD + "  danh_hieu: lao_dong_tien_tien\n  hinh_thuc: giay_khen\n  trang_thai: da_tang\n")
HANG_KHONG_DUNG = Code("hang-khong-dung", "Ghi hạng cho hình thức không chia hạng", "Xoá trường 'hang'.",
                       "khen-thuong/2023.yml", _AWARD_HEAD + "  hinh_thuc: giay_khen\n  hang: nhat\n  trang_thai: da_tang\n")
VUA_NAM_VUA_GIAI_DOAN = Code("vua-nam-vua-giai-doan", "Ghi cả năm và giai đoạn", "Chỉ ghi 'nam' hoặc 'giai_doan'.",
                             "khen-thuong/2023.yml", _AWARD_HEAD + "  hinh_thuc: giay_khen\n  nam: 2023\n  giai_doan: {tu_nam: 2021, den_nam: 2023}\n  trang_thai: da_tang\n")
MAU_THUAN_TRANG_THAI = Code("mau-thuan-trang-thai", "Có văn bản thu hồi nhưng trạng thái không phải 'thu_hoi'", "Sửa 'trang_thai: thu_hoi'.",
                            "khen-thuong/2023.yml", _AWARD_HEAD + "  hinh_thuc: giay_khen\n  trang_thai: da_tang\n  van_ban_thu_hoi: 45-kh-ubnd-2023\n")
THOI_GIAN_NGUOC = Code("thoi-gian-nguoc", "Thời điểm kết thúc trước thời điểm bắt đầu", "Kiểm tra lại hai mốc thời gian.",
                       "phong-trao/phong-trao.yml", "- id: nong-thon-moi\n  ten: Chung sức xây dựng nông thôn mới\n  tu_nam: 2025\n  den_nam: 2021\n")
LOAI_KHONG_KHOP_KY_HIEU = Code("loai-khong-khop-ky-hieu", "Loại văn bản không khớp chữ viết tắt trong ký hiệu",
                               "Sửa 'loai' hoặc 'so_ky_hieu' cho khớp bản gốc (KH là kế hoạch, BC là báo cáo…).",
                               "van-ban/2023.yml", "- id: 45-kh-ubnd-2023\n  loai: quyet_dinh\n  so_ky_hieu: 45/KH-UBND\n")
# -- rules across records -------------------------------------------------------
DAN_BAN_DU_THAO = Code("dan-ban-du-thao", "Nhắc đến một báo cáo còn là dự thảo (chưa ban hành)",
                       "Bản dự thảo (du_thao: true) không được đăng, nên không mục nào dẫn tới nó được: dẫn văn bản "
                       "đã ban hành, hoặc ban hành báo cáo trước (ghi số, ngày, bỏ dòng du_thao).",
                       "khen-thuong/2023.yml", _AWARD_HEAD + "  hinh_thuc: giay_khen\n  trang_thai: da_tang\n"
                       "  nguon:\n    - van_ban: du-thao-bc-2024\n",
                       (("bao-cao/du-thao-bc-2024.md", "---\nid: du-thao-bc-2024\nloai: bao_cao\ndu_thao: true\n"
                                                       "trich_yeu: Tổng kết thi đua năm 2024\n---\nThực hiện …\n"),))
MA_KHONG_TON_TAI = Code("ma-khong-ton-tai", "Nhắc đến một mã chưa được khai báo", "Sửa theo gợi ý, hoặc khai báo mục đó trước.",
                        "khen-thuong/2023.yml", "- id: giay-khen-lan-2023\n  doi_tuong: tran-thi-lam\n  hinh_thuc: giay_khen\n  trang_thai: da_tang\n")
TRUNG_MA = Code("trung-ma", "Hai mục cùng một mã", "Đổi mã của mục mới thêm; mã đã công bố thì giữ nguyên.",
                "doi-tuong/doi-tuong.yml", _PERSON + "- id: tran-thi-lan\n  loai: tap_the\n  ten: Thôn 5\n")
TRUNG_DIA_CHI_TRANG = Code("trung-dia-chi-trang", "Hai mục sẽ có cùng địa chỉ trang", "Đổi mã của một trong hai mục.")
TRUNG_VAN_BAN = Code("trung-van-ban", "Một văn bản được khai báo hai lần", "Dùng lại mã đã có thay vì khai báo lại.",
                     "van-ban/2023.yml", "- id: 45-kh-ubnd-2023\n  loai: ke_hoach\n  so_ky_hieu: 45/KH-UBND\n  ngay: 20/03/2023\n"
                     "  co_quan_ban_hanh: ubnd-xa\n- id: kh-45\n  loai: ke_hoach\n  so_ky_hieu: 45/KH-UBND\n"
                     "  ngay: 20/03/2023\n  co_quan_ban_hanh: ubnd-xa\n")
DANH_HIEU_KHONG_HOP_DOI_TUONG = Code("danh-hieu-khong-hop-doi-tuong", "Danh hiệu không dành cho loại đối tượng này",
                                     "Kiểm tra danh hiệu (ví dụ 'Lao động tiên tiến' chỉ cho cá nhân).",
                                     "khen-thuong/2023.yml", "- id: ldtt-thon-3\n  doi_tuong: thon-3\n  danh_hieu: lao_dong_tien_tien\n  trang_thai: da_tang\n")
DU_LIEU_CA_NHAN = Code("du-lieu-ca-nhan", "Có dữ liệu cá nhân không được đăng (số CCCD/CMND, điện thoại, thư điện tử, ngày sinh)",
                       "Xoá thông tin đó; bảng vàng chỉ đăng họ tên, chức vụ, đơn vị và thông tin khen thưởng.",
                       "doi-tuong/doi-tuong.yml", _PERSON + "  ghi_chu: Liên hệ 0912 345 678 khi cần.\n")
TEN_NGUOI_DA_RUT = Code("ten-nguoi-da-rut", "Tên người đã rút thông tin vẫn còn trong dữ liệu",
                        "Trang web che tên người đã rút thông tin (hien_thi: an) ở mọi nơi, nhưng kho dữ liệu là "
                        "công khai: xoá tên ở mục khác, ghi chú và tên tệp, hoặc thay bằng cách gọi chung.",
                        "doi-tuong/doi-tuong.yml", _PERSON + "  hien_thi: an\n- id: thon-3\n  loai: tap_the\n"
                        "  ten: Thôn 3\n  mo_ta: Chị Trần Thị Lan cùng bà con làm đường.\n", severity=WARNING)
MAT_DU_LIEU = Code("mat-du-lieu", "Một mục đã công bố không còn trong dữ liệu",
                   "data/da-cong-bo.yml là danh sách các mục đã công bố, do lệnh python -m bangvang.manifest viết. "
                   "Nếu vô tình xoá một mục, khôi phục mục đó; nếu cố ý gỡ, khai báo trong data/da-go.yml (id, loai, "
                   "ngay, ly_do). Nếu cả danh sách là của một đơn vị khác (đã thay data/ bằng đơn vị mới): chạy "
                   "python -m bangvang.init, hoặc xoá tệp đó rồi chạy python -m bangvang.manifest.",
                   "da-cong-bo.yml", "van_ban:\n  - 12-bc-ubnd-2024\n  - 45-kh-ubnd-2023\n  - 7-tb-ubnd-2023\n")
MAU_THUAN = Code("mau-thuan", "Chi tiết mâu thuẫn (ví dụ văn bản ghi ngày trước khi cơ quan có tên đó)",
                 "Đối chiếu bản gốc. Nếu bản gốc đúng là như vậy, giữ nguyên và thêm 'giu_nguyen_ban_in' kèm một câu giải thích.",
                 "van-ban/2023.yml", "- id: 45-kh-ubnd-2023\n  loai: ke_hoach\n  so_ky_hieu: 45/KH-UBND\n  ngay: 11/11/2019\n"
                 "  co_quan_ban_hanh: ubnd-xa\n  trich_yeu: Phòng, chống dịch Covid-19\n")


# Every code, in the order the guide lists them.
CODES: dict[str, Code] = {value.id: value for value in list(globals().values()) if isinstance(value, Code)}


# A minimal valid data folder of an invented commune: the base the examples above change.
SAMPLE: dict[str, str] = {
    "don-vi.yml": "ten: xã Tân Thành\nten_trang: Bảng vàng xã Tân Thành\nco_quan: ubnd-xa\ndia_danh: Tân Thành\n"
                  "thoi_ky:\n  - ten: xã Tân Thành\n    loai: xa\n",
    "co-quan.yml": "- id: ubnd-xa\n  ten: Ủy ban nhân dân xã Tân Thành\n  ten_viet_tat: UBND xã Tân Thành\n  cap: xa\n"
                   "  tu_ngay: 01/01/2000\n",
    "van-ban/2023.yml": "- id: 45-kh-ubnd-2023\n  loai: ke_hoach\n  so_ky_hieu: 45/KH-UBND\n  ngay: 20/03/2023\n"
                        "  co_quan_ban_hanh: ubnd-xa\n  trich_yeu: Phát động phong trào thi đua năm 2023\n",
    "phong-trao/phong-trao.yml": "- id: nong-thon-moi\n  ten: Chung sức xây dựng nông thôn mới\n  ke_hoach: [45-kh-ubnd-2023]\n",
    "doi-tuong/doi-tuong.yml": "- id: tran-thi-lan\n  loai: ca_nhan\n  ho: Trần\n  ten_dem: Thị\n  ten: Lan\n"
                               "- id: thon-3\n  loai: tap_the\n  ten: Thôn 3\n",
    "khen-thuong/2023.yml": "- id: giay-khen-lan-2023\n  doi_tuong: tran-thi-lan\n  hinh_thuc: giay_khen\n"
                            "  co_quan_khen: ubnd-xa\n  nam: 2023\n  trang_thai: da_tang\n  phong_trao: [nong-thon-moi]\n",
    "bao-cao/12-bc-ubnd-2024.md": "---\nid: 12-bc-ubnd-2024\nloai: bao_cao\nso_ky_hieu: 12/BC-UBND\nngay: 15/01/2024\n"
                                  "co_quan_ban_hanh: ubnd-xa\ntrich_yeu: Tổng kết thi đua năm 2023\n"
                                  "ky: {che_do: TM, thay_mat: ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: Lê Văn Hùng}\n"
                                  "noi_nhan: [\"Lưu: VT.\"]\n---\nNăm 2023, phong trào thi đua được triển khai rộng khắp.\n",
}

