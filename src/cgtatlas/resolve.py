"""Entity resolution across documents: the work, as pure functions.

The store's wiring (store/ingest.py) reads what it needs from the database,
calls these functions and writes the outcome. Nothing here touches a database.

A document's mentions are first grouped into the things it names (`Group`:
one type, one in-document name, every surface form). Each group then yields
lookup keys, most specific first; the first key that points at exactly one
known entity of the same type decides, and its rule is recorded:

- override_same      the overrides file says two names are one thing
- same_key           the same normalised name (NFKC, Traditional -> Simplified,
                     brackets, quotes and spaces unified)
- known_body         listed forms of one government body or institution
                     (国家发改委 = 国家发展和改革委员会, FDA = 美国食品药品管理局)
- in_document_alias  another form the document gave this thing (X（简称Y）)
- org_core           a company without its region prefix and legal suffix
                     (上海金桥（集团）有限公司 ~ 金桥集团); regions must not disagree
- person_org         a person: same name AND same organisation
A group that matches nothing becomes a new entity (rule "new"). The type must
agree for any match, so 金桥 the Park never joins 金桥集团 the Company; the
overrides file's "different" pairs block a match.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from cgtatlas.model import Document

QUOTES = "\"'“”‘’「」『』《》〈〉"
SPACES = re.compile(r"\s+")
# Legal forms, stripped repeatedly from the end of a company name (longest first).
LEGAL_SUFFIXES = ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "股份公司", "(集团)", "集团", "公司")
# What is left of a company name when nothing specific remains: never a core key.
GENERIC_CORES = frozenset({
    "医药", "生物", "科技", "生物科技", "生物医药", "生物技术", "制药", "药业", "细胞", "基因",
    "健康", "医疗", "投资", "发展", "控股", "实业", "产业", "国际", "中国", "创新", "集团", "公司",
})


class OverridesError(ValueError):
    pass


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def name_key(text: str) -> str:
    """The normalised form names are compared by."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _t2s().convert(text)
    text = SPACES.sub("", text)
    text = "".join(ch for ch in text if ch not in QUOTES)
    text = text.replace("[", "(").replace("]", ")").replace("【", "(").replace("】", ")")
    return text.lower()


# ------------------------------------------------------------------ overrides

@dataclass(frozen=True)
class Overrides:
    """Corrections: names that are one thing (`same`) or never one (`different`)."""

    same: dict[str, frozenset[str]] = field(default_factory=dict)  # name key -> its class
    different: frozenset[frozenset[str]] = frozenset()

    def same_as(self, key: str) -> frozenset[str]:
        """Every name key the overrides say names the same thing as `key`."""
        return self.same.get(key, frozenset())

    def apart(self, keys_a: Iterable[str], keys_b: Iterable[str]) -> bool:
        keys_b = set(keys_b)
        return any(frozenset((a, b)) in self.different for a in keys_a for b in keys_b if a != b)


def load_overrides(path: Path | str | None) -> Overrides:
    """Read a TSV (`same<TAB>A<TAB>B` / `different<TAB>A<TAB>B`, '#' comments) or a
    JSON file ({"same": [[A, B]], "different": [[A, B]]})."""
    if path is None:
        return Overrides()
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise OverridesError(f"{path}: cannot read overrides: {exc}") from exc
    pairs = _json_pairs(path, text) if path.suffix.lower() == ".json" else _tsv_pairs(path, text)
    return overrides_from_pairs(pairs)


def _json_pairs(path: Path, text: str) -> list[tuple[str, str, str]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise OverridesError(f"{path}: not JSON: {exc}") from exc
    pairs = []
    for kind in ("same", "different"):
        for pair in data.get(kind, []):
            if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)):
                raise OverridesError(f"{path}: {kind} entries must be [name, name] pairs, got {pair!r}")
            pairs.append((kind, pair[0], pair[1]))
    return pairs


def _tsv_pairs(path: Path, text: str) -> list[tuple[str, str, str]]:
    pairs = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) != 3 or parts[0] not in ("same", "different") or not parts[1] or not parts[2]:
            raise OverridesError(f"{path}:{number}: expected 'same|different<TAB>name<TAB>name'")
        pairs.append((parts[0], parts[1], parts[2]))
    return pairs


def overrides_from_pairs(pairs: Iterable[tuple[str, str, str]]) -> Overrides:
    classes: dict[str, frozenset[str]] = {}
    different = set()
    for kind, a, b in pairs:
        ka, kb = name_key(a), name_key(b)
        if kind == "same":
            merged = classes.get(ka, frozenset({ka})) | classes.get(kb, frozenset({kb}))
            classes.update({k: merged for k in merged})
        else:
            different.add(frozenset((ka, kb)))
    return Overrides(classes, frozenset(different))


# ------------------------------------------------------------------ groups and keys

@dataclass
class Group:
    """One thing a document names: its type, in-document name and every form."""

    type: str
    name: str
    forms: list[str]
    quote: str  # the sentence of its first mention (the evidence of any merge)
    orgs: list[str] = field(default_factory=list)  # Person: organisations of affiliated_with

    @property
    def form_keys(self) -> set[str]:
        return {name_key(f) for f in self.forms}


@dataclass(frozen=True)
class LookupKey:
    key: str
    form: str  # the name form that produced the key
    rule: str  # the rule a match through this key records
    qualifier: str = ""  # org_core: the region the name carried


def group_mentions(doc: Document) -> list[Group]:
    """The things `doc` names, in order of first mention."""
    groups: dict[tuple[str, str], Group] = {}
    for m in sorted(doc.mentions, key=lambda m: (m.start, m.end)):
        gid = (m.type, name_key(m.name))
        group = groups.get(gid)
        if group is None:
            group = groups[gid] = Group(m.type, m.name, [m.name], doc.evidence(m.start, m.end).quote)
        if m.surface not in group.forms:
            group.forms.append(m.surface)
    for rel in doc.relations:
        person = groups.get(("Person", name_key(rel.head)))
        if rel.type == "affiliated_with" and person and rel.tail not in person.orgs:
            person.orgs.append(rel.tail)
    return list(groups.values())


def lookup_keys(group: Group, overrides: Overrides, *, org_ids: Iterable[int] = (),
                doc_id: str = "") -> list[LookupKey]:
    """The group's lookup keys, most specific first. `org_ids`: the entities of a
    person's organisations (resolved before people)."""
    keys = [LookupKey("name:" + other, f, "override_same")
            for f in group.forms for other in sorted(overrides.same_as(name_key(f)))]
    if group.type == "Person":
        org_ids = sorted(set(org_ids))
        base = "person:" + name_key(group.name) + "@"
        keys += [LookupKey(f"{base}{oid}", group.name, "person_org") for oid in org_ids]
        # without an organisation a name alone never merges people across documents
        return keys + ([] if org_ids else [LookupKey(f"{base}doc:{doc_id}", group.name, "new")])
    keys.append(LookupKey("name:" + name_key(group.name), group.name, "same_key"))
    keys += [LookupKey("body:" + name_key(body), f, "known_body") for f in group.forms if (body := known_body(f))]
    keys += [LookupKey("name:" + name_key(f), f, "in_document_alias") for f in group.forms[1:]]
    if group.type == "Company":
        keys += [LookupKey("core:" + core[0], f, "org_core", core[1]) for f in group.forms if (core := org_core(f))]
    return _unique(keys)


def _unique(keys: list[LookupKey]) -> list[LookupKey]:
    seen, out = set(), []
    for k in keys:
        if (k.key, k.qualifier) not in seen:
            seen.add((k.key, k.qualifier))
            out.append(k)
    return out


def known_body(name: str) -> str | None:
    """The full name of a listed government body or institution, from the lexicon."""
    return _bodies().get(name_key(name))


@lru_cache(maxsize=1)
def _bodies() -> dict[str, str]:
    from cgtatlas.extract.org_lexicon import known_bodies

    return {name_key(form): full for form, (_type, full) in known_bodies().items()}


def org_core(name: str) -> tuple[str, str] | None:
    """(core, region) of a company name: 上海金桥（集团）有限公司 -> ("金桥", "上海")."""
    core = name_key(name)
    stripped = True
    while stripped:
        stripped = False
        for suffix in LEGAL_SUFFIXES:
            if core.endswith(suffix) and len(core) > len(suffix):
                core, stripped = core[: -len(suffix)], True
                break
    core, region = _strip_bracketed_region(core)
    bare, prefix_region = _strip_region_prefix(core)
    if prefix_region and bare not in GENERIC_CORES:  # 上海医药 keeps its region: it is the name
        core, region = bare, prefix_region
    if len(core) < 2 or core in GENERIC_CORES or _region_of(core):
        return None
    return core, region


def _strip_bracketed_region(core: str) -> tuple[str, str]:
    for match in re.finditer(r"\(([^()]{2,6})\)", core):
        region = _region_of(match.group(1))
        if region:
            return core[: match.start()] + core[match.end():], region
    return core, ""


def _strip_region_prefix(core: str) -> tuple[str, str]:
    for size in range(min(len(core) - 2, 8), 1, -1):
        region = _region_of(core[:size])
        if region:
            return core[size:], region
    return core, ""


def _region_of(word: str) -> str | None:
    from cgtatlas.extract.regions import canonical_region

    return canonical_region(word)


# ------------------------------------------------------------------ decisions

@dataclass(frozen=True)
class KnownKey:
    """A row of the resolution record as the decision sees it."""

    entity_id: int
    key: str
    qualifier: str = ""


@dataclass(frozen=True)
class Choice:
    entity_id: int | None  # None: a new entity
    rule: str
    key: LookupKey | None = None


def choose_entity(keys: list[LookupKey], known: Iterable[KnownKey], *,
                  blocked: set[int] = frozenset()) -> Choice:
    """The first key that points at exactly one entity (not blocked) decides."""
    by_key: dict[str, list[KnownKey]] = {}
    for row in known:
        by_key.setdefault(row.key, []).append(row)
    for lk in keys:
        ids = {row.entity_id for row in by_key.get(lk.key, [])
               if row.entity_id not in blocked and _qualifiers_agree(lk.qualifier, row.qualifier)}
        if len(ids) == 1 or (ids and lk.rule in ("override_same", "same_key")):
            return Choice(min(ids), lk.rule, lk)
    return Choice(None, "new")


def _qualifiers_agree(a: str, b: str) -> bool:
    return not a or not b or a == b


def blocked_entities(group: Group, entity_forms: dict[int, set[str]], overrides: Overrides) -> set[int]:
    """Entities the overrides say this group is not (`different` pairs)."""
    if not overrides.different:
        return set()
    mine = group.form_keys
    return {eid for eid, forms in entity_forms.items() if overrides.apart(mine, forms)}


def new_entity_name(group: Group) -> str:
    """A new entity's name: a listed body's full name, else the document's name."""
    for form in group.forms:
        if body := known_body(form):
            return body
    return group.name
