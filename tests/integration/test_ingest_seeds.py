"""The five seeds through `cgtatlas ingest --dry-run --show` (issue 2's "Must show")."""
import re
import shutil

import pytest
from typer.testing import CliRunner

from cgtatlas.cli import app
from cgtatlas.ingest.read import read_document

pytestmark = pytest.mark.seeds


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    return {p.name[:3]: read_document(p) for p in sorted(seeds_dir.glob("*.txt"))}


def test_ingest_seeds_titles_and_dates(seeds):
    assert len(seeds) == 5
    assert all(doc.title for doc in seeds.values())
    assert seeds["000"].date == "2023-05-27"  # "5月27日" with the year the text states
    assert seeds["001"].date == "2024-10-23"
    assert seeds["002"].date == "2022-11-18"  # "11月18日" with the year the text states


def test_ingest_seeds_cleaning(seeds):
    assert "细胞与基因治疗产业联盟" in seeds["002"].text
    assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)", seeds["002"].text)
    assert "细胞与基因治疗已成为医疗领域最具潜力的创新方向之一" in seeds["004"].text
    assert "本站广告" not in seeds["001"].text and "上一篇" not in seeds["001"].text
    for doc in seeds.values():
        assert not re.search(r"[\u4e00-\u9fff][ \t\u3000\u00a0]+[\u4e00-\u9fff]", doc.text), doc.file_name
    assert "Peter Marks" in seeds["000"].text


def test_ingest_seeds_offset_map(seeds):
    import opencc

    t2s = opencc.OpenCC("t2s")
    for doc in seeds.values():
        for i, ch in enumerate(doc.text):
            src = doc.original[doc.offset_map[i]]
            by_t2s = doc.meta.get("converted_from_traditional") and "\u4e00" <= src <= "\u9fff"
            assert src == ch or t2s.convert(src) == ch or by_t2s or ch.isspace(), (doc.file_name, i)


def test_ingest_cli_dry_run_show_on_seeds(seeds_dir):
    result = CliRunner().invoke(app, ["ingest", str(seeds_dir), "--dry-run", "--show"])
    assert result.exit_code == 0, result.output
    assert result.output.count("read ") == 5
    assert "细胞与基因治疗产业联盟" in result.output
    assert "2023-05-27" in result.output and "2022-11-18" in result.output


def test_ingest_cli_mixed_folder_reports_bad_files_and_fails(seeds_dir, tmp_path):
    for seed in seeds_dir.glob("*.txt"):
        shutil.copy(seed, tmp_path / seed.name)
    (tmp_path / "junk.bin").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04this is not a docx")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--dry-run"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    failed = [line for line in lines if line.startswith("failed")]
    assert len(failed) == 3
    assert any("junk.bin: binary data" in line for line in failed)
    assert any("empty.txt: empty file" in line for line in failed)
    assert any("broken.docx: corrupt .docx" in line for line in failed)
    assert sum(1 for line in lines if line.startswith("read ")) == 5
