"""The command line `thidua`: a thin shell over the jobs; errors become Vietnamese messages."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .domain.errors import RecordError
from .jobs import records as records_job
from .store import db

DEMO_PASSWORD = "thidua-demo-2024"


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


@main.command("demo-setup")
@click.option("--records", "records_dir", type=click.Path(path_type=Path),
              default=Path("records/son-la-2024"), show_default=True)
def demo_setup(records_dir: Path) -> None:
    """Chuẩn bị bản chạy thử: lược đồ, dữ liệu mẫu (khi CSDL trống), tài khoản mẫu."""
    from .store.users import add_user, find_user

    db.migrate()
    if db.is_empty():
        summary = records_job.import_dir(records_dir)
        click.echo(f"Đã nhập dữ liệu mẫu từ {records_dir} ({summary.changed} bản ghi).")
    with db.transaction() as session:
        if find_user(session, "admin") is None:
            add_user(session, "admin", DEMO_PASSWORD, "admin", full_name="Quản trị Sở Nội vụ")
        if find_user(session, "vanthu.snv") is None:
            add_user(session, "vanthu.snv", DEMO_PASSWORD, "clerk", "SNV",
                     full_name="Văn thư Sở Nội vụ")
    click.echo("Tài khoản dùng thử (demo login):")
    click.echo(f"  quản trị: admin / {DEMO_PASSWORD}")
    click.echo(f"  văn thư Sở Nội vụ: vanthu.snv / {DEMO_PASSWORD}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
def serve(host: str, port: int) -> None:
    """Chạy giao diện web."""
    from .web import create_app

    app = create_app()
    click.echo(f"Giao diện web: http://{host}:{port}")
    app.run(host=host, port=port, debug=False, threaded=True)


if __name__ == "__main__":
    main()
