"""Where an organisation name starts: the walk left from its head word.

From the token holding the head, words are taken into the name until a stop
context: punctuation, a function word (的/在/由), a verb of action, a title,
a time word, a person named after another organisation. Brackets holding a
short place or word (（苏州）) and joiners between common words (科技和经济
委员会) stay inside.
"""
from __future__ import annotations

from functools import lru_cache

from cgtatlas.extract import org_lexicon as lex
from cgtatlas.extract.segment import Tokens, is_known

MAX_NAME = 40
# Tags of words that never sit inside a name (jieba tag set).
STOP_TAGS = {"p", "uj", "ul", "uz", "ud", "ug", "uv", "u", "r", "t", "d", "c", "q", "y", "e", "o", "f"}
PROPER_TAGS = {"ns", "nr", "nrt", "nrfg", "nz", "nt", "eng", "j"}
OPEN, CLOSE = "(（", ")）"
JOINERS = {"和", "与"}
NUMERALS = set("一二三四五六七八九十百千万亿两几半多")
TIME_UNITS = set("年月日号")
# Prepositions a glued unknown token may carry in front of a name (由某某|制药).
LEADING_PREPOSITIONS = set("由与和向在被从把将对")
# Directional words that open names (南方/东方…科技大学) rather than stop them.
DIRECTION_STARTS = set("东南西北")
# One-character verbs that occur inside names (抗癌协会, 市立医院).
NAME_VERB_CHARS = {"抗", "立"}


def name_start(toks: Tokens, i: int, head: lex.Head) -> int:
    """Walk left from the token holding the head to the name's first token."""
    words, tags, starts = toks.words, toks.tags, toks.starts  # (columns: see Tokens)
    start = starts[i]
    first = toks.ends[i] - MAX_NAME  # the earliest start of a word inside the name
    j = i - 1
    while j >= 0 and starts[j] >= first:
        kind = _kind(words[j], tags[j])
        if kind is CLOSING:
            k = _bracket_open(toks, j)
            if k is None:
                break
            start, j = starts[k], k - 1
            continue
        if kind is JOINER:
            if j > 0 and not _is_wordlike(words[j - 1]):
                if _joiner_opens_name(toks, j):
                    start = starts[j]  # 、和某生物…: after punctuation 和 may open a name
                break
            if not _joins_name(toks, j):
                break
        elif kind is GLUED:  # (every token left of the head starts before it)
            start = starts[j] + 1  # 由某某|制药: the name starts after the preposition
            break
        elif kind is STOP and not _inside_foreign_name(toks, j) and not _trade_name_word(toks, j, head):
            break
        elif kind is PERSON and j > 0 and lex.type_of(words[j - 1]) is not None:
            break  # 卫生健康局|王某|局长: a person named right after an organisation
        start = starts[j]
        j -= 1
    return start


# What a word is to the walk left (_kind): one memoised look per token
# instead of several checks, since the walk visits ~1,000 tokens a pass.
# Whether a word is known is a function of the word, so it is asked inside.
CLOSING, JOINER, GLUED, STOP, PERSON, PLAIN = "close", "joiner", "glued", "stop", "person", "plain"


@lru_cache(maxsize=100_000)
def _kind(word: str, tag: str) -> str:
    if word and word[-1] in CLOSE:
        return CLOSING
    if word in JOINERS:
        return JOINER
    if len(word) >= 2 and word[0] in LEADING_PREPOSITIONS and not is_known(word):
        return GLUED
    if _stops_word(word, tag):
        return STOP
    return PERSON if tag in ("nr", "nrfg") else PLAIN


def _joiner_opens_name(toks: Tokens, j: int) -> bool:
    """和 right after punctuation opens a name only when a single character
    follows it (和|某|生物); 与/和 before a whole word is a preposition."""
    words = toks.words
    return words[j] == "和" and j + 1 < len(words) and len(words[j + 1]) == 1 and toks.tags[j + 1] != "ns"


@lru_cache(maxsize=100_000)
def _stops_word(word: str, tag: str) -> bool:
    """Whether a token stops the walk left: a pure function of a short word,
    asked for the same few thousand words again and again, so memoised."""
    if not word.strip() or not _is_wordlike(word):
        return True
    if word in lex.word_set("org_stop_words") or word in lex.word_set("org_titles"):
        return True
    if tag == "m":
        return not word.startswith("第") and any(ch.isdigit() or ch in NUMERALS or ch in TIME_UNITS
                                                  for ch in word)
    if tag == "f" and len(word) == 2 and word[0] in DIRECTION_STARTS:
        return False  # 南方|科技|大学
    if tag in STOP_TAGS and is_known(word):
        return True
    if word in NAME_VERB_CHARS:
        return False
    if tag == "v" and (len(word) == 1 or word not in lex.word_set("org_name_verbs")):
        return True  # (a one-letter verb inside a foreign name is let through by name_start)
    return _ends_in_title(word)


def _inside_foreign_name(toks: Tokens, j: int) -> bool:
    """阿特|蒙|医院: one character the tagger read as a verb, right after a
    transliterated name part, belongs to that name."""
    tags = toks.tags
    return len(toks.words[j]) == 1 and tags[j] == "v" and j > 0 and tags[j - 1] in ("nrt", "nz")


def _trade_name_word(toks: Tokens, j: int, head: lex.Head) -> bool:
    """南京|某某|医药科技有限公司: in a registered company name the word after
    the place is the trade name, whatever the tagger calls it."""
    if not head.word.endswith("公司"):
        return False
    words, tags = toks.words, toks.tags
    run = 0
    for k in range(j, max(j - 3, 0), -1):  # 深圳|某|某|基因…: up to 3 words, 4 characters
        word = words[k]
        run += len(word)
        if run > 4 or not word.isalnum() or word in lex.word_set("org_stop_words"):
            return False
        if tags[k - 1] == "ns" and is_known(words[k - 1]):
            return tags[k] in ("v", "vg", "a", "ag", "d", "ng") or len(word) == 1
    return False


TITLE_ENDS = {"主任", "院长", "所长", "局长", "教授", "院士"}


def _ends_in_title(word: str) -> bool:
    return len(word) > 2 and word[-2:] in TITLE_ENDS


def _is_wordlike(word: str) -> bool:
    return word.isalnum() or all(ch.isalnum() or ch in "-·." for ch in word)


def _joins_name(toks: Tokens, j: int) -> bool:
    """和/与 inside a name joins two common words (科技和经济委员会,
    干细胞与再生医学产业联盟); between names it separates them."""
    words, tags = toks.words, toks.tags
    if j == 0 or j + 1 >= len(words):
        return False
    for k in (j - 1, j + 1):  # the words either side
        if tags[k] in PROPER_TAGS - {"nt"} or not is_known(words[k]):
            return False
    if lex.type_of(words[j - 1]) is not None:
        return False
    return not _stops_word(words[j - 1], tags[j - 1])


def _bracket_open(toks: Tokens, j: int) -> int | None:
    """Index of the matching '(' when the bracket holds a short Chinese place
    or word (（苏州）, (集团)); otherwise None (the bracket ends the name)."""
    words = toks.words
    inside = ""
    k = j - 1
    while k >= 0 and j - k <= 4:
        word = words[k]
        if word and word[0] in OPEN:
            ok = 1 <= len(inside) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in inside)
            return k if ok and k > 0 and not _stops_word(words[k - 1], toks.tags[k - 1]) else None
        inside = word + inside
        k -= 1
    return None
