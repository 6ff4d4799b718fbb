"""Error pages in Vietnamese: bad request and refused form (CSRF), forbidden, not found, failure."""

from __future__ import annotations

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

PAGES: dict[int, tuple[str, str]] = {
    400: (
        "Yêu cầu không hợp lệ",
        "Máy chủ không hiểu yêu cầu này. Vui lòng kiểm tra lại thông tin đã nhập.",
    ),
    403: (
        "Không có quyền truy cập",
        "Tài khoản của bạn không được phép xem hoặc thay đổi nội dung này.",
    ),
    404: ("Không tìm thấy", "Trang hoặc tài liệu bạn tìm không có hoặc đã bị xóa."),
    405: ("Thao tác không được phép", "Trang này không nhận thao tác vừa gửi."),
    500: (
        "Lỗi hệ thống",
        "Đã xảy ra lỗi khi xử lý yêu cầu. Vui lòng thử lại sau hoặc báo cho quản trị viên.",
    ),
}
CSRF_PAGE = (
    "Biểu mẫu không hợp lệ",
    "Biểu mẫu đã hết hạn hoặc thiếu mã bảo vệ. Vui lòng tải lại trang rồi gửi lại.",
)


def _page(code: int, title: str, message: str) -> tuple[str, int]:
    return render_template("error.html", code=code, title=title, message=message), code


def handle_http(exc: HTTPException) -> tuple[str, int]:
    code = exc.code or 500
    title, message = PAGES.get(code, PAGES[500])
    return _page(code, title, message)


def handle_csrf(_exc: CSRFError) -> tuple[str, int]:
    return _page(400, *CSRF_PAGE)


def handle_failure(_exc: InternalServerError) -> tuple[str, int]:
    return _page(500, *PAGES[500])


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, handle_csrf)
    for code in (400, 403, 404, 405):
        app.register_error_handler(code, handle_http)
    app.register_error_handler(InternalServerError, handle_failure)
