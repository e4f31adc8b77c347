"""Format and encoding by content; bad input gives IngestError with a clear reason."""
import io
import zipfile

import pytest

from cgtatlas.ingest.read import IngestError, read_document
from cgtatlas.settings import Settings

TEXT = "细胞与基因治疗产业园新增企业二十家。\n園區將建設公共服務平台。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "big5", "utf-16"])
def test_read_encodings(tmp_path, encoding):
    text = {"gb18030": TEXT.replace("園區將建設公共服務平台", "园区将建设公共服务平台"),
            "big5": TEXT.replace("细胞与基因治疗产业园新增企业", "細胞與基因治療產業園新增企業")}.get(encoding, TEXT)
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_document(path)
    assert "细胞与基因治疗产业园新增企业二十家。" in doc.text
    assert "园区将建设公共服务平台" in doc.text
    assert doc.meta["encoding"].replace("_", "-").startswith(encoding.split("-sig")[0][:5])


def test_read_html_by_content_despite_txt_extension(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("<!DOCTYPE html><html><head><title>标题页_某网</title><script>var a='上一篇';</script>"
                    "</head><body><h1>园区新增平台</h1><p>3月27日，平台启用&nbsp;仪式举行。</p></body></html>")
    doc = read_document(path)
    assert doc.meta["format"] == "html"
    assert doc.title == "园区新增平台"
    assert "var a" not in doc.text and "上一篇" not in doc.text
    assert "平台启用" in doc.text
    start = doc.text.index("平台启用")
    assert doc.original[doc.offset_map[start]:doc.offset_map[start] + 4] == "平台启用"


def test_read_hostile_html_does_not_crash(tmp_path):
    path = tmp_path / "bad.html"
    path.write_text("<html><body>" + "<div>" * 5000 + "正文内容在这里。<script>while(1){}" + "</p>" * 100)
    doc = read_document(path)
    assert doc.text == "正文内容在这里。"


def _docx_bytes(paragraphs, table):
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    t = document.add_table(rows=0, cols=len(table[0]))
    for row in table:
        for cell, value in zip(t.add_row().cells, row):
            cell.text = value
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_read_docx_with_table_by_content(tmp_path):
    path = tmp_path / "notice.bin"  # the extension says nothing; the bytes do
    path.write_bytes(_docx_bytes(["拟支持项目公示", "名单如下："], [["序号", "单位"], ["1", "某某生物科技有限公司"]]))
    doc = read_document(path)
    assert doc.meta["format"] == "docx"
    assert "1\t某某生物科技有限公司" in doc.text
    assert doc.title == "拟支持项目公示"


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file (0 bytes)"),
    ("blank.txt", b"   \n\n  \n", "no text left"),
    ("junk.bin", bytes(range(256)) * 20, "binary data"),
    ("broken.docx", b"PK\x03\x04not really a zip", "corrupt .docx"),
    ("fake.docx", b"just text", "corrupt .docx: not a ZIP container"),
    ("other.zip", None, "not a .docx"),
    ("fake.pdf", b"hello", "not a PDF"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "legacy Word"),
])
def test_read_bad_input(tmp_path, name, data, reason):
    path = tmp_path / name
    if data is None:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("a.txt", "hello")
        data = buf.getvalue()
    path.write_bytes(data)
    with pytest.raises(IngestError) as err:
        read_document(path)
    assert reason in err.value.reason
    assert err.value.path == str(path)


def test_read_pdf_without_text_layer(tmp_path):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    pdf.new_page(200, 200)
    path = tmp_path / "scan.pdf"
    pdf.save(str(path))
    with pytest.raises(IngestError, match="no text layer"):
        read_document(path)


def test_read_size_cap(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("细胞治疗。" * 100_000)
    with pytest.raises(IngestError, match="over the 1 MB limit"):
        read_document(path, Settings(max_file_mb=1))


def test_read_permission_denied(tmp_path, monkeypatch):
    from pathlib import Path

    path = tmp_path / "secret.txt"
    path.write_text("细胞治疗。")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)  # root ignores chmod, so simulate it
    with pytest.raises(IngestError, match="permission denied"):
        read_document(path)


def test_read_directory_and_missing_file(tmp_path):
    with pytest.raises(IngestError, match="not a regular file"):
        read_document(tmp_path)
    with pytest.raises(IngestError, match="no such file"):
        read_document(tmp_path / "missing.txt")


def test_read_id_is_hash_of_cleaned_text(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("细胞与基因治疗 产业园。\n", encoding="utf-8")
    b.write_bytes("细胞与基因治疗 产业园。\r\n".encode("gb18030"))
    assert read_document(a).id == read_document(b).id


def test_read_html_logo_h1_loses_to_page_title(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>某园区新增两个细胞治疗平台 - 某某网</title></head><body>"
                    "<h1>某某网</h1><div><p>正文第一句。</p></div></body></html>")
    doc = read_document(path)
    assert doc.title == "某园区新增两个细胞治疗平台"
    assert doc.source == "某某网"


def test_read_html_unclosed_head_and_comment(tmp_path):
    path = tmp_path / "page.htm"
    path.write_text("<html><head><title>标题</title><meta charset=utf-8>"
                    "<p>园区新闻正文。</p><!-- 上一篇 --><p>第二段&amp;结尾。</p>")
    doc = read_document(path)
    assert doc.text == "园区新闻正文。\n\n第二段&结尾。"


def test_read_utf8_with_a_damaged_byte_stays_utf8(tmp_path):
    path = tmp_path / "damaged.txt"
    path.write_bytes(("细胞与基因治疗产业园新增企业二十家。" * 20).encode("utf-8") + b"\xff" + "结尾。".encode("utf-8"))
    doc = read_document(path)
    assert doc.meta["encoding"] == "utf-8"
    assert doc.text.endswith("结尾。")
