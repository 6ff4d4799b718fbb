"""The command line `thidua`: a thin shell over the jobs; errors become Vietnamese messages."""

from __future__ import annotations

import signal
import sys
import zipfile
from pathlib import Path

import click
from docx.opc.exceptions import PackageNotFoundError

from .domain.errors import RecordError
from .jobs import records as records_job
from .store import db

DEMO_PASSWORD = "thidua-demo-2024"


class Refused(click.ClickException):
    """A refusal the user can act on, printed in Vietnamese (click's own says `Error:`)."""

    def show(self, file=None) -> None:  # type: ignore[no-untyped-def]
        click.echo(f"Lỗi: {self.format_message()}", err=True)


class Shell(click.Group):
    """Turns the errors users cause into a message and exit status 1, never a traceback."""

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except RecordError as exc:
            click.echo("Lỗi dữ liệu:", err=True)
            for problem in exc.problems:
                click.echo(f"  - {problem}", err=True)
            sys.exit(1)
        except OSError as exc:  # a path the user gave that cannot be read or written
            where = f" “{exc.filename}”" if exc.filename else ""
            click.echo(f"Lỗi tệp{where}: {exc.strerror or exc}", err=True)
            sys.exit(1)


@click.group(cls=Shell)
def main() -> None:
    """thidua: văn bản thi đua, khen thưởng theo Nghị định 30/2020/NĐ-CP.

    Mọi lệnh làm việc trên cơ sở dữ liệu DATABASE_URL (mặc định: instance/thidua.db).
    """


@main.command()
def migrate() -> None:
    """Tạo hoặc nâng cấp lược đồ cơ sở dữ liệu."""
    db.migrate()
    click.echo("Đã cập nhật lược đồ cơ sở dữ liệu.")


@main.command("import")
@click.argument("directory", type=click.Path(path_type=Path))
def import_cmd(directory: Path) -> None:
    """Nhập dữ liệu YAML từ DIRECTORY (tất cả hoặc không gì cả)."""
    db.migrate()
    summary = records_job.import_dir(directory)
    for line in summary.lines():
        click.echo(line)
    click.echo("Không có gì thay đổi." if summary.changed == 0 else f"Đã lưu {summary.changed} bản ghi.")


@main.command("export")
@click.argument("directory", type=click.Path(path_type=Path))
def export_cmd(directory: Path) -> None:
    """Xuất toàn bộ dữ liệu ra các tệp YAML trong DIRECTORY."""
    db.migrate()
    for path in records_job.export_dir(directory):
        click.echo(str(path))


@main.group()
def user() -> None:
    """Quản lý tài khoản."""


@user.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(["admin", "clerk", "viewer"]), required=True,
              help="admin: quản trị cấp tỉnh; clerk: văn thư đơn vị; viewer: chỉ xem")
@click.option("--unit", "unit_code", default=None, help="Mã đơn vị (bắt buộc với văn thư)")
@click.option("--name", "full_name", default="", help="Họ và tên")
@click.password_option("--password", help="Mật khẩu (ít nhất 8 ký tự)")
def user_add(username: str, role: str, unit_code: str | None, full_name: str, password: str) -> None:
    """Tạo tài khoản USERNAME."""
    from .store.users import add_user

    db.migrate()
    with db.transaction() as session:
        created = add_user(session, username, password, role, unit_code, full_name)
    click.echo(f"Đã tạo tài khoản “{created.username}” ({created.role}).")


EXAMPLE_RECORDS = Path(__file__).resolve().parents[1] / "records" / "son-la-2024"
DEMO_ACCOUNTS = (
    ("admin", "admin", None, "Quản trị Sở Nội vụ", "quản trị cấp tỉnh"),
    ("vanthu.snv", "clerk", "SNV", "Văn thư Sở Nội vụ", "văn thư Sở Nội vụ"),
)


@main.command("demo-setup")
@click.option("--records", "records_dir", type=click.Path(path_type=Path),
              default=EXAMPLE_RECORDS, show_default=True)
def demo_setup(records_dir: Path) -> None:
    """Chuẩn bị bản chạy thử: lược đồ, dữ liệu mẫu (khi CSDL trống), tài khoản mẫu."""
    from .store.users import add_user, find_user

    db.migrate()
    if db.is_empty():
        summary = records_job.import_dir(records_dir)
        click.echo(f"Đã nhập dữ liệu mẫu từ {records_dir} ({summary.changed} bản ghi).")
    click.echo("Tài khoản dùng thử (demo login):")
    with db.transaction() as session:
        for username, role, unit, name, label in DEMO_ACCOUNTS:
            if find_user(session, username) is None:
                add_user(session, username, DEMO_PASSWORD, role, unit, full_name=name)
                click.echo(f"  {label}: {username} / {DEMO_PASSWORD}")
            else:  # its password may have been changed since: don't print a stale one
                click.echo(f"  {label}: {username} (đã có, mật khẩu giữ nguyên)")


@main.command()
@click.argument("kind")
@click.option("--year", type=int, required=True, help="Năm của văn bản")
@click.option("--unit", "unit_code", default=None,
              help="Mã đơn vị (văn bản của một đơn vị: submission, minutes, registration…); "
                   "mã quyết định với decision (QD2024-BKT); mã đề nghị với achievement_report "
                   "(DN2024-001)")
@click.option("--pdf", is_flag=True, help="Tạo thêm bản PDF")
@click.option("--output", type=click.Path(path_type=Path), default=None,
              help="Tệp .docx kết quả (mặc định: outputs/<năm>/<loại>/…)")
@click.option("--force", is_flag=True, help="Tạo lại kể cả khi dữ liệu không đổi")
def render(kind: str, year: int, unit_code: str | None, pdf: bool, output: Path | None,
           force: bool) -> None:
    """Tạo một văn bản loại KIND từ cơ sở dữ liệu.

    Mỗi lần tạo một văn bản: năm có nhiều quyết định khen thưởng thì chọn một bằng --unit
    <mã quyết định> (lệnh báo các mã có)."""
    from .documents.pdf import PdfError
    from .documents.render import TemplateError
    from .jobs.render import render_one

    db.migrate()
    try:
        made = render_one(kind, year, unit_code, output=output, pdf=pdf, force=force)
    except TemplateError as exc:
        raise Refused(f"Lỗi mẫu văn bản: {exc}") from exc
    except PdfError as exc:
        raise Refused(str(exc)) from exc
    state = "không đổi, giữ tệp cũ" if made.skipped else "đã tạo"
    click.echo(f"Số {made.symbol}: {made.path} ({state})")
    if made.pdf_path:
        click.echo(f"PDF: {made.pdf_path}")
    if made.format_problems:
        click.echo(f"Cảnh báo: văn bản có {len(made.format_problems)} lỗi thể thức (mẫu cần sửa):")
        for problem in made.format_problems:
            click.echo(f"  - {problem}")
    if kind == "decision":
        from .jobs.nominations import decision_warnings

        for warning in decision_warnings(year, unit_code):
            click.echo(f"Cảnh báo: {warning}")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def lint(files: tuple[Path, ...]) -> None:
    """Kiểm tra thể thức văn bản theo Nghị định 30/2020/NĐ-CP; thoát mã 1 nếu có lỗi."""
    from .documents.lint import format_report, lint_docx

    failed = 0
    for path in files:
        try:
            violations = lint_docx(path.read_bytes())
        except Exception as exc:  # noqa: BLE001 - a file that is not a .docx is a finding too
            click.echo(f"{path}: không đọc được tệp Word ({exc})")
            failed += 1
            continue
        if violations:
            failed += 1
            click.echo(f"{path}: {len(violations)} lỗi thể thức")
            click.echo(format_report(violations))
        else:
            click.echo(f"{path}: đúng thể thức")
    sys.exit(1 if failed else 0)


@main.group()
def templates() -> None:
    """Mẫu văn bản: kiểm tra mẫu, xem các biến."""


@templates.command("check")
@click.argument("file", type=click.Path(exists=True, path_type=Path))
@click.option("--kind", required=True, help="Loại văn bản của mẫu (xem: thidua templates vars)")
def templates_check(file: Path, kind: str) -> None:
    """Kiểm tra mẫu FILE: lỗi cú pháp, biến không có, thẻ bị định dạng Word cắt rời."""
    from .documents.kinds import KINDS
    from .documents.template_check import check_template, format_problems

    if kind not in KINDS:
        raise Refused(f"Không có loại văn bản “{kind}”; có: {', '.join(sorted(KINDS))}")
    try:
        problems = check_template(file, KINDS[kind])
    except (ValueError, KeyError, zipfile.BadZipFile, PackageNotFoundError) as exc:  # not Word
        raise Refused(f"{file}: không phải tệp Word .docx đọc được ({exc})") from exc
    if problems:
        click.echo(format_problems(problems))
        sys.exit(1)
    click.echo(f"{file}: mẫu hợp lệ cho loại “{kind}”.")


@templates.command("vars")
@click.argument("kind")
def templates_vars(kind: str) -> None:
    """In các biến mà loại văn bản KIND cung cấp cho mẫu."""
    from .documents.kinds import KINDS

    if kind not in KINDS:
        raise Refused(f"Không có loại văn bản “{kind}”; có: {', '.join(sorted(KINDS))}")
    doc_kind = KINDS[kind]
    click.echo(f"{doc_kind.title_vi} (mẫu {doc_kind.template}):")
    for var in doc_kind.variables:
        click.echo(f"  {var.name}: {var.description_vi}")
        click.echo(f"      ví dụ: {var.example}")


@main.command()
@click.argument("kind")
@click.option("--year", type=int, required=True)
@click.option("--pdf", is_flag=True, help="Tạo thêm bản PDF")
@click.option("--output", "output_dir", type=click.Path(path_type=Path), default=None,
              help="Thư mục kết quả (mặc định: outputs/<năm>/<loại>/)")
@click.option("--force", is_flag=True, help="Tạo lại kể cả văn bản không đổi")
@click.option("--workers", type=int, default=None, help="Số tiến trình (mặc định: số nhân CPU)")
def batch(kind: str, year: int, pdf: bool, output_dir: Path | None, force: bool,
          workers: int | None) -> None:
    """Tạo hàng loạt văn bản loại KIND cho mọi đơn vị (registrations, summary)."""
    from .jobs import batches

    db.migrate()
    tasks = batches.tasks_for(kind, year, pdf=pdf, output_dir=output_dir, force=force)
    with click.progressbar(length=len(tasks), label=f"Đang tạo {len(tasks)} văn bản",
                           show_pos=True) as bar:
        summary = batches.run(kind, tasks, workers=workers,
                              progress=lambda _o, _d, _t: bar.update(1), year=year,
                              output_dir=output_dir)
    for line in summary.lines():
        click.echo(line)
    if summary.count("failed"):
        sys.exit(1)


@main.command()
@click.argument("unit_code", metavar="UNIT")
@click.option("--year", type=int, required=True, help="Năm đề nghị khen thưởng")
@click.option("--pdf", is_flag=True, help="Chuyển từng văn bản sang PDF và gộp thành một tệp")
@click.option("--output", "output_dir", type=click.Path(path_type=Path), default=None,
              help="Thư mục hồ sơ (mặc định: outputs/<năm>/dossier/<đơn vị>/)")
def dossier(unit_code: str, year: int, pdf: bool, output_dir: Path | None) -> None:
    """Lập hồ sơ đề nghị khen thưởng của đơn vị UNIT gửi cấp trên: tờ trình, danh sách, biên
    bản, báo cáo thành tích; kèm bản PDF gộp (--pdf) và tệp nén .zip. Chỉ gồm đề nghị đạt số
    phiếu, không bị xác định là không đủ điều kiện, do Chủ tịch UBND tỉnh khen thưởng; đề nghị
    chưa đủ dữ liệu để xét điều kiện được đưa vào kèm cảnh báo."""
    from .documents.pdf import PdfError
    from .documents.render import TemplateError
    from .jobs.dossier import build_dossier

    db.migrate()
    try:
        made = build_dossier(unit_code, year, output_dir=output_dir, pdf=pdf)
    except (TemplateError, PdfError) as exc:
        raise Refused(str(exc)) from exc
    for part in made.parts:
        pages = f" ({part.pages} trang)" if part.pages else ""
        click.echo(f"{part.title_vi}: {part.docx_path}{pages}")
    for left in made.left_out:
        click.echo(f"Không đưa vào hồ sơ: {left.code} {left.nominee} — {left.reason}")
    for warning in made.warnings:
        click.echo(f"Cảnh báo: {warning}")
    if made.merged_pdf:
        click.echo(f"PDF gộp: {made.merged_pdf}")
    click.echo(f"Tệp nén: {made.zip_path}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
def serve(host: str, port: int) -> None:
    """Chạy giao diện web."""
    from waitress import serve as waitress_serve

    from .web import create_app

    app = create_app()
    # a service manager stops us with SIGTERM: exit normally so the warm PDF converters stop too
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    click.echo(f"Giao diện web: http://{host}:{port}  (dừng: Ctrl+C)")
    waitress_serve(app, host=host, port=port, threads=8, ident="thidua")


if __name__ == "__main__":
    main()
