"""Short company names (青禾生物, 某某药业) found from context and shape.

Contexts: the name follows 园区企业/企业/公司, or comes right before
自主研发/的在研/获得/签约, or stands on either side of X与Y签约. Shape: a coined
word (one the tagger does not know, or tags as a proper noun) followed by an
industry word (生物, 药业, 检测 ...). Candidates that overlap a mention
another stage found (product codes, places, full organisation names) are left
to that stage.
"""
from __future__ import annotations

import re
from functools import lru_cache

from cgtatlas.extract import org_lexicon as lex
from cgtatlas.extract.literals import leftmost_longest, occurrences
from cgtatlas.extract.org_names import STOP_TAGS
from cgtatlas.extract.segment import Tokens, is_known, token_index_at, tokens
from cgtatlas.lexicon import load_words
from cgtatlas.model import Document, Mention

COINED_TAGS = {"nr", "nrt", "nz", "nrfg"}
FIELD_WORDS = {"细胞", "基因", "免疫", "生物", "医药", "合成", "干细胞", "国内", "国外", "全球", "中国",
               "国际", "创新", "产业", "企业", "公司", "园区", "该", "本", "这家", "多家", "新药", "药物"}
PARTNER = re.compile(r"与([^，。,；;、\s]{2,12}?)(?:正式|成功|达成|共同)?(?:签约|签署|战略合作)")
MAX_LEN = 8
INVESTOR_HEADS = ("资本", "创投", "基金")
WEAK_CONTEXTS = {"企业", "公司"}
LIST_SEPARATORS = {"、", "和", "及", "以及"}
# X、Y等(N家)(创新)企业; not 等方面给予企业 (the words between must describe the firms).
LISTED_AS_COMPANIES = re.compile(
    r"等(?:[\d一二三四五六七八九十百几数多余]+家)?(?:生物医药|医药|生物|创新|龙头|头部|知名|科技|本地|园区)?(?:企业|公司|药企)")


@lru_cache(maxsize=1)
def _vocab() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {"suffix": [], "before": [], "after": []}
    for line in load_words("company_short"):
        kind, word = line.split()
        out[kind].append(word)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def find_short_names(doc: Document) -> Document:
    toks = tokens(doc)
    if not toks:
        return doc
    taken = bytearray(len(doc.text))
    for m in doc.mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    added = []  # (the mentions of this stage: their list mates are companies too)
    for start, end in _candidates(doc.text, toks):
        if end - start >= 2 and not any(taken[start:end]):
            added.append(Mention(type="Company", surface=doc.text[start:end], start=start,
                                 end=end, source="short_names"))
            taken[start:end] = b"\x01" * (end - start)
    doc.mentions.extend(added)
    for m in added:
        for start, end in _list_mates(toks, m):
            if not any(taken[start:end]):
                doc.mentions.append(Mention(type="Company", surface=doc.text[start:end], start=start,
                                            end=end, source="short_names"))
                taken[start:end] = b"\x01" * (end - start)
    return doc


# A run of tokens is a range of token indexes, ascending (runs found walking
# left are turned round): no per-token objects (see segment.Tokens).


def _run(first: int, i: int, step: int) -> range:
    """The tokens from `first` up to, not including, `i`, walked in direction `step`."""
    return range(first, i) if step > 0 else range(i + 1, first + 1)


def _text_of(toks: Tokens, run: range) -> str:
    return "".join(toks.words[run.start:run.stop])


def _list_mates(toks: Tokens, m: Mention):
    """X、Y、Z等: items listed with a short company name, shaped like one
    (a coined word of 2-6 characters), are companies too."""
    words, starts = toks.words, toks.starts
    first, last = token_index_at(toks, m.start), token_index_at(toks, m.end - 1)
    for step, edge in ((-1, first), (+1, last)):
        i = edge + step
        while 0 <= i < len(words) and words[i] in LIST_SEPARATORS:
            item = _list_item(toks, i + step, step)
            if not item:
                break
            yield starts[item[0]], toks.ends[item[-1]]
            i = token_index_at(toks, starts[item[0]] if step < 0 else starts[item[-1]]) + step


def _list_item(toks: Tokens, i: int, step: int) -> range:
    words, tags = toks.words, toks.tags
    first = i
    while 0 <= i < len(words) and words[i].isalnum() and abs(i - first) < 3:
        if words[i] in lex.word_set("org_stop_words") or tags[i] in STOP_TAGS:
            break
        i += step
    run = _run(first, i, step)
    name = _text_of(toks, run)
    if not 2 <= len(name) <= 6 or not _coined(toks, run) or any(ch.isdigit() for ch in name):
        return range(0)
    return run


BEFORE, AFTER, SUFFIX = 1, 2, 4  # (bits: 旗下 is both a "before" and an "after" word)


@lru_cache(maxsize=1)
def _vocab_matcher():
    """One automaton over the context words (those a name follows, "before",
    or precedes, "after") and the industry words ("suffix"), and per word its
    kinds. A scan of Chinese text costs ~90 instructions a character whatever
    the number of words, so one overlapping scan serves all three lists."""
    import ahocorasick_rs

    vocab = _vocab()
    words = sorted(set().union(*vocab.values()))
    kinds = [(BEFORE if w in vocab["before"] else 0) | (AFTER if w in vocab["after"] else 0)
             | (SUFFIX if w in vocab["suffix"] else 0) for w in words]
    return ahocorasick_rs.AhoCorasick(words), words, kinds


def _vocab_words(text: str, toks: Tokens) -> tuple[list, list, list[int]]:
    """From one scan: the context words "before" and "after", (start, end,
    word) as a leftmost-longest scan finds them (园区企业 wins over 企业); and
    the indexes of the tokens that are industry words, in order (a few
    hundred occurrences, far fewer than the tokens a loop would visit)."""
    matcher, words, kinds = _vocab_matcher()
    starts, ends = toks.starts, toks.ends
    before, after, suffix = [], [], []
    for idx, start, end in matcher.find_matches_as_indexes(text, overlapping=True):
        kind = kinds[idx]
        if kind & SUFFIX:  # (most matches)
            i = token_index_at(toks, start)
            if starts[i] == start and ends[i] == end:
                suffix.append(i)
        if kind & BEFORE:
            before.append((start, end, words[idx]))
        if kind & AFTER:
            after.append((start, end, words[idx]))
    return leftmost_longest(before), leftmost_longest(after), sorted(suffix)


def _candidates(text: str, toks: Tokens):
    before, after, suffix_tokens = _vocab_words(text, toks)
    for start, end, word in before:
        if toks.starts[token_index_at(toks, start)] != start:
            continue  # 有限公司首席…: the context word is the end of a longer word
        run = _walk(toks, end, +1)
        if word in WEAK_CONTEXTS and all(map(is_known, toks.words[run.start:run.stop])):
            continue  # 经企业申报: after a bare 企业 only an unknown word is a name
        yield from _span(run, toks, context=True)
    for start, _, _ in after:
        yield from _span(_walk(toks, start, -1), toks, context=True)
    for match in _partner_matches(text):
        yield from _span(_walk(toks, match.start(), -1), toks, context=True)
        yield from _span(_walk(toks, match.start(1), +1), toks, context=True)
    for match in LISTED_AS_COMPANIES.finditer(text):
        yield from _listed(toks, match.start())
    yield from _shaped(suffix_tokens, toks)


PARTNER_ENDS = ("签约", "签署", "战略合作")


def _partner_matches(text: str):
    """PARTNER.finditer(text), trying PARTNER only at a 与 standing 3-15
    characters before a 签约/签署/战略合作 (every match ends in one): there
    are a few of those a document, and 与 is everywhere."""
    tries = set()
    for at, _ in occurrences(text, PARTNER_ENDS):
        pos = text.find("与", max(0, at - 15), at - 2)
        while pos >= 0:
            tries.add(pos)
            pos = text.find("与", pos + 1, at - 2)
    end = 0
    for pos in sorted(tries):
        if pos >= end and (match := PARTNER.match(text, pos)):
            end = match.end()
            yield match


def _listed(toks: Tokens, offset: int):
    """X、Y和Z等企业: every item of a list closed by 等企业 is a company when it is
    shaped like a name (coined, or a trade word after a name of 4+ characters)."""
    words, tags, starts, ends = toks.words, toks.tags, toks.starts, toks.ends
    i = token_index_at(toks, offset - 1) if offset > 0 else -1
    if i < 0 or ends[i] != offset:
        return
    suffixes = _vocab()["suffix"]
    while i >= 0:
        if _glued_joiner(words[i]):  # 和|蔻岚湾 read as one word: the joiner separates
            if _plausible(toks, range(i, i + 1), words[i][1:], suffixes, context=True):
                yield starts[i] + 1, ends[i]
            i -= 1
            continue
        last = i
        while i >= 0 and _name_like(words[i], tags[i], True) and last - i < 4 and not _glued_joiner(words[i]):
            i -= 1
        run = _run(last, i, -1)
        name = _text_of(toks, run)
        if 2 <= len(name) <= MAX_LEN and _plausible(toks, run, name, suffixes, context=True):
            yield starts[run[0]], ends[run[-1]]
        if i >= 0 and _glued_joiner(words[i]):
            continue
        if i < 0 or words[i] not in LIST_SEPARATORS:
            return
        i -= 1


def _glued_joiner(word: str) -> bool:
    return len(word) > 2 and word[0] in "和及" and not is_known(word)


def _walk(toks: Tokens, offset: int, step: int) -> range:
    """Name-like tokens next to `offset`, walking left (-1) or right (+1)."""
    words, tags = toks.words, toks.tags
    if offset <= 0 or offset >= toks.ends[-1]:
        return range(0)
    i = token_index_at(toks, offset if step > 0 else offset - 1)
    if (step > 0 and toks.starts[i] != offset) or (step < 0 and toks.ends[i] != offset):
        return range(0)  # the context word does not end on a word boundary
    first = i
    length = 0
    while 0 <= i < len(words) and _name_like(words[i], tags[i], False) and length < MAX_LEN:
        length += len(words[i])
        i += step
    return _run(first, i, step)


@lru_cache(maxsize=100_000)
def _name_like(word: str, tag: str, allow_place: bool) -> bool:
    """Whether a token may be part of a short name: a pure function of the
    word (whether it is known too), so memoised."""
    known = is_known(word)
    if not all(ch.isalnum() for ch in word) or word in lex.word_set("org_stop_words"):
        return False
    if word in lex.word_set("org_titles") or word in lex.known_bodies():
        return False
    if known and (tag in STOP_TAGS or tag in ("v", "m", "q", "i", "l")):
        return False
    if known and tag == "a" and len(word) > 1:
        return False  # (one-letter ones, 渝|新|生物, occur inside coined names)
    if _glued_joiner(word):
        return False
    if known and tag == "ns" and not allow_place:
        return False
    return not word.isdigit()


def _span(run: range, toks: Tokens, context: bool):
    """Trim a run to a plausible short name: a coined part plus an optional
    industry word; yield its (start, end)."""
    suffixes = _vocab()["suffix"]
    for cut in range(len(run), 0, -1):
        part = run[:cut]
        name = _text_of(toks, part)
        if len(name) > MAX_LEN or len(name) < 2:
            continue
        if _plausible(toks, part, name, suffixes, context):
            yield toks.starts[part[0]], toks.ends[part[-1]]
            return


def _plausible(toks: Tokens, part: range, name: str, suffixes: tuple[str, ...], context: bool) -> bool:
    """Whether the tokens `part` (never empty), reading `name`, are a short name."""
    if name in FIELD_WORDS or _has_head(name) or name in lex.word_set("org_generic"):
        return False
    if not any("\u4e00" <= ch <= "\u9fff" for ch in name):
        return False  # Latin-and-digit codes are products (the products stage)
    first, last = toks.words[part[0]], toks.words[part[-1]]
    if any(ch.isdigit() for ch in last) or any(ch.isdigit() for ch in first):
        return False
    if first in FIELD_WORDS:
        return False
    coined = _coined(toks, part)
    ends_in_trade = name.endswith(suffixes) and len(name) > 2
    if context:
        return coined or (ends_in_trade and len(name) >= 4)
    return coined and ends_in_trade


def _has_head(name: str) -> bool:
    """Names with a head word are the organisation stage's, except investors
    and the like (某某资本, 某某创投) whose trade name alone looks generic to it."""
    head = lex.type_of(name)
    return head is not None and not (head.word in INVESTOR_HEADS and len(name) >= len(head.word) + 2)


def _coined(toks: Tokens, run: range) -> bool:
    """A word the tagger does not know, tags as a proper noun, or breaks into
    single characters (蓉|创|生物): the mark of a coined company name."""
    words, tags = toks.words, toks.tags
    if any(not is_known(words[k]) or tags[k] in COINED_TAGS for k in run):
        return True
    return any(len(words[k]) == 1 and len(words[k + 1]) == 1 for k in run[:-1])


def _shaped(suffix_tokens: list[int], toks: Tokens):
    """A coined word directly followed by an industry word (the tokens
    `suffix_tokens`): 某某生物, 某某检测."""
    words = toks.words
    for i in suffix_tokens:
        if i == 0 or len(words[i - 1]) < 2:
            continue
        if is_known(words[i - 1]):
            continue  # only a word the tagger has never seen is a coined name
        if i + 1 < len(words) and lex.type_of(words[i + 1]) is not None:
            continue  # part of a longer name the head rule finds
        yield from _span(range(i - 1, i + 1), toks, context=False)
