"""Declared and sniffed charsets, over HTTP: a page that lies about its encoding reads right."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer
from tests.fetch.conftest import FAST

from treatytui.fetch.charset import decode_page, page_charset
from treatytui.fetch.http import HttpClient

FRENCH = "<p>Les délégués ont signé la convention à Genève, déjà en décembre.</p>"
RUSSIAN = "<p>Делегаты подписали конвенцию о киберпреступности в Ханое в октябре.</p>"


def fetched_text(server: HTTPServer, body: bytes, content_type: str) -> str:
    server.expect_request("/page").respond_with_data(body, content_type=content_type)
    with HttpClient(FAST) as web:
        response = web.get(server.url_for("/page"))
    return decode_page(response.body, response.charset)[0]


def test_the_declared_charset_is_used(server: HTTPServer) -> None:
    body = RUSSIAN.encode("windows-1251")
    assert RUSSIAN in fetched_text(server, body, "text/html; charset=windows-1251")


def test_a_charset_declared_only_in_the_page(server: HTTPServer) -> None:
    page = f'<html><head><meta charset="koi8-r"></head><body>{RUSSIAN}</body></html>'
    assert RUSSIAN in fetched_text(server, page.encode("koi8-r"), "text/html")


def test_utf8_declared_as_latin1_still_reads_right(server: HTTPServer) -> None:
    assert FRENCH in fetched_text(server, FRENCH.encode("utf-8"), "text/html; charset=iso-8859-1")


def test_cp1252_declared_as_utf8_still_reads_right(server: HTTPServer) -> None:
    text = FRENCH.replace("déjà", "déjà “quoted”")
    assert text in fetched_text(server, text.encode("cp1252"), "text/html; charset=utf-8")


def test_no_declaration_at_all_is_sniffed(server: HTTPServer) -> None:
    body = (RUSSIAN * 5).encode("windows-1251")
    assert RUSSIAN in fetched_text(server, body, "text/html")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<meta charset="ISO-8859-2">', "iso-8859-2"),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">',
            "windows-1250",
        ),
        (b'<?xml version="1.0" encoding="koi8-r"?>', "koi8-r"),
        (b"<p>none</p>", None),
    ],
)
def test_page_charset(head: bytes, expected: str | None) -> None:
    assert page_charset(head) == expected
