"""`cgtatlas bench extract` prints figures and ends with the two ratio lines."""
import re

from typer.testing import CliRunner

from cgtatlas.cli import app


def test_bench_prints_both_ratio_lines(tmp_path):
    sample = tmp_path / "tiny.txt"
    sample.write_text("杭州新增细胞治疗企业12家。\n园区拥有3个公共服务平台。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["bench", "extract", str(sample), "--min-seconds", "0"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    first = re.fullmatch(r"throughput_ratio_vs_jieba_posseg=([0-9.]+)", lines[-2])
    second = re.fullmatch(r"throughput_ratio_vs_rjieba_tag=([0-9.]+)", lines[-1])
    assert first and float(first.group(1)) > 0
    assert second and float(second.group(1)) > 0
    assert any(line.startswith("rjieba.tag: chars_per_s=") for line in lines)


def test_bench_without_readable_documents_fails_clearly(tmp_path):
    result = CliRunner().invoke(app, ["bench", "extract", str(tmp_path)])
    assert result.exit_code == 1
    assert "no readable documents" in result.output
