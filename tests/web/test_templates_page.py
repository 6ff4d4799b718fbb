"""The template page: every document kind with its template to download and its variables."""

from __future__ import annotations

import html as htmllib
import io
import re

import docx
import pytest

from service.documents.kinds import KINDS


@pytest.fixture
def page(client, login) -> str:
    login("xem")  # any signed-in user, a viewer too
    return htmllib.unescape(client.get("/templates/").get_data(as_text=True))


def test_the_page_needs_a_signed_in_user(client) -> None:
    assert client.get("/templates/").headers["Location"].startswith("/login")
    assert client.get("/templates/directive.docx").headers["Location"].startswith("/login")


def test_every_kind_is_listed_with_its_template(page) -> None:
    assert "<h1>Mẫu văn bản</h1>" in page
    assert ">Mẫu văn bản</a>" in page  # in the menu
    for kind in KINDS.values():
        assert f"<h2>{kind.title_vi}</h2>" in page
        assert f'href="/templates/{kind.template}"' in page
    assert "Chỉ thị phát động phong trào thi đua" in page


def test_a_variable_is_shown_with_its_description(page) -> None:
    directive = page[page.index('<section id="directive">') :]
    directive = directive[: directive.index("</section>")]
    row = re.search(r"<tr>\s*<td[^>]*><code>signer_name</code></td>\s*<td>([^<]*)</td>", directive)
    assert row and row[1] == "Họ và tên người ký"


def test_examples_show_lists_as_lists_and_lines_line_by_line(page) -> None:
    directive = page[page.index('<section id="directive">') :]
    assert "ỦY BAN NHÂN DÂN<br>TỈNH SƠN LA" in directive
    recipients = re.search(r"<code>recipient_lines</code>.*?<ul[^>]*>(.*?)</ul>", directive, re.S)
    assert recipients and re.findall(r"<li>\s*(.*?)\s*</li>", recipients[1]) == [
        "- Ban TĐKT Trung ương (b/c);",
        "- Lưu: VT, NC.",
    ]
    assert re.search(r"<code>has_annex</code>.*?<td>\s*đúng\s*</td>", directive, re.S)


def test_a_template_downloads_as_a_word_file(client, login) -> None:
    login("vanthu.snv")
    response = client.get("/templates/directive.docx")
    data = response.get_data()
    response.close()  # the file it sent
    assert response.status_code == 200
    assert response.mimetype.endswith("wordprocessingml.document")
    assert "filename=directive.docx" in response.headers["Content-Disposition"]
    assert data == KINDS["directive"].template_path().read_bytes()
    assert docx.Document(io.BytesIO(data)).paragraphs


@pytest.mark.parametrize("name", ["nothing.docx", "..%2Fpyproject.toml", "directive.txt"])
def test_only_a_kind_s_template_downloads(client, login, name) -> None:
    login("admin")
    assert client.get(f"/templates/{name}").status_code == 404
