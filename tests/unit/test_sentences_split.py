from cgtatlas.ingest.sentences import split_sentences


def spans(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_sentences_split_on_end_marks_and_lines():
    text = "标题一行\n园区新增企业20家。平台已启用！是否扩建？ 他说：“明年再建。”\n表格\t行"
    assert spans(text) == ["标题一行", "园区新增企业20家。", "平台已启用！", "是否扩建？", "他说：“明年再建。”", "表格\t行"]


def test_sentences_keep_semicolon_lists_and_decimals_together():
    text = "到2026年，新增批件20个以上；上市企业3家以上，增长12.5%。"
    assert spans(text) == [text]


def test_sentences_offsets_are_exact():
    text = "  第一句。\n\n第二句没有句号"
    for s in split_sentences(text):
        assert text[s.start:s.end].strip() == text[s.start:s.end]
    assert spans(text) == ["第一句。", "第二句没有句号"]
