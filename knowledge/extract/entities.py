"""Entities of one document: spaCy's NER, cleaned, merged by in-document coreference of names.

The small model splits one person into several labels ("Keith Kellogg" PERSON, later "Kellogg" ORG); within one
article a surname that matches a full name already seen is the same person, whatever label the model gave it.
Titles in front of a name ("U.S. special envoy", "Belarusian leader") are kept as descriptions, not as the name.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from knowledge.extract.analysis import LocalEntity
from knowledge.extract.dates import WEEKDAYS
from knowledge.extract.headline_names import headline_cut
from knowledge.extract.name_parts import (
    ORG_PARTS,
    PLACE_HEADS,
    after_role,
    ampersand_names,
    conjoined_names,
    cut_short_names,
    first_names,
    given_name_first,
    glued_names,
    is_description,
    one_word_majority,
    person_tail,
    titled_organisations,
)
from knowledge.extract.name_repeats import acronyms, link_repeats
from knowledge.extract.parse.spans import caches, doc_text
from knowledge.names import ROLE_NOUNS, name_key, org_base, org_key, strip_titles

LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "GPE", "FAC": "GPE", "NORP": "NORP"}
_LEADING = re.compile(r"^(the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"(['’]s|['’])$")


def clean_name(text: str) -> str:
    text = _LEADING.sub("", text.strip())
    text = re.sub(r"^[^\s]+['’]s\s+(?=[A-Z])", "", text)  # "Trump's Middle East" -> "Middle East"
    text = _POSSESSIVE.sub("", text).strip(" ,;:\"“”'’")
    if text.endswith(".") and not re.search(r"\.\w+\.$", text):
        text = text[:-1]  # sentence-final period, but keep the one of an abbreviation such as "U.S."
    return strip_titles(text)


class DocEntities:
    """Entities of one document plus lookups from character span to entity index."""

    def __init__(self) -> None:
        self.entities: list[LocalEntity] = []
        self._by_key: dict[tuple[str, str], int] = {}
        self._spans: list[tuple[int, int, int]] = []  # (start, end, entity index)
        self.referents: dict = {}  # anaphor token index -> speakers.Referent, filled by `speakers`
        self.genders: dict[int, str | None] = {}  # entity index -> gender as the text shows it
        self.roles: dict[int, set[str]] = {}  # person entity index -> role words the text gives them ("judge")
        self.aliases: dict[str, str] = {}  # initials -> the organisation's name the text defined them for

    def add(self, name: str, label: str, start: int, end: int) -> int:
        """An organisation's spellings share one entity ("Delta", "Delta Air Lines Inc." — `names.org_key`),
        named by its fullest form without legal designators ("Delta Air Lines")."""
        full = self.aliases.get(name, name) if label == "ORG" else name  # "CNE" is the council the text named
        key = (label, org_key(full) if label == "ORG" else name_key(name))
        idx = self._by_key.get(key)
        if idx is None and label == "ORG":
            idx = self._short_form_of(key[1])
        if idx is None:
            idx = len(self.entities)
            self.entities.append(LocalEntity(name=org_base(full) if label == "ORG" else name, type=label))
            self._by_key[key] = idx
        elif label == "ORG" and len(org_base(full)) > len(self.entities[idx].name):
            self.entities[idx].name = org_base(full)
        self.link(idx, name, start, end)
        return idx

    def _short_form_of(self, key: str) -> int | None:
        """ "Norvik" after "Norvik Data Corp.": the one organisation named before whose name it begins, unless
        the rest names a part of it ("Boeing" after "Boeing Commercial Airplanes" is the parent, not the unit)."""
        found = {
            idx
            for (label, k), idx in self._by_key.items()
            if label == "ORG" and k.startswith(key + " ") and not set(k[len(key) :].split()) & ORG_PARTS
        }
        return found.pop() if len(found) == 1 else None

    def link(self, idx: int, name: str, start: int, end: int, variant: bool = True) -> None:
        """`variant=False` for role phrases ("the envoy"): a mention here, but never an alias of the name."""
        ent = self.entities[idx]
        ent.mentions.append((start, end))
        if variant and name not in ent.variants:
            ent.variants.append(name)
        self._spans.append((start, end, idx))

    def at(self, start: int, end: int) -> int | None:
        """The entity whose mention lies inside [start, end), preferring the longest mention."""
        best, best_len = None, 0
        for s, e, idx in self._spans:
            if s >= start and e <= end and e - s > best_len:
                best, best_len = idx, e - s
        return best

    def within(self, start: int, end: int) -> list[int]:
        seen: list[int] = []
        for s, e, idx in sorted(self._spans):
            if s >= start and e <= end and idx not in seen:
                seen.append(idx)
        return seen

    def people_before(self, offset: int) -> list[int]:
        """Person entities by their latest mention before `offset`, most recent first."""
        last: dict[int, int] = {}
        for s, e, idx in self._spans:
            if e <= offset and self.entities[idx].type == "PERSON":
                last[idx] = max(last.get(idx, -1), s)
        return sorted(last, key=lambda i: -last[i])


_DESC_JOINERS = {"for", "of", "to", "on", "'s", "’s"}


def _description(span: Span) -> str | None:
    """Title words right in front of a person's name ("Belarusian leader"), or an appositive after it.

    A walk over the tokens rather than the parse: the small model often mis-parses long title chains.
    """
    doc = span.doc
    i = span.start - 1
    while i >= 0 and span.start - i <= 8:
        tok = doc[i]
        if tok.ent_type_ == "PERSON" or tok.lower_ in ("’s", "'s") or "\n" in tok.text or "\n" in tok.whitespace_:
            break
        if (
            tok.is_punct
            or tok.ent_type_ in ("DATE", "TIME")
            or tok.pos_ in ("VERB", "AUX", "DET", "PRON", "CCONJ", "SCONJ", "ADP")
            and tok.lower_ not in _DESC_JOINERS
        ):
            break
        i -= 1
    pre = doc[i + 1 : span.start]
    while len(pre) and pre[0].lower_ in _DESC_JOINERS:
        pre = pre[1:]
    while len(pre) and pre[-1].lower_ in _DESC_JOINERS:
        pre = pre[:-1]
    if len(pre) and any(t.lower_ in ROLE_NOUNS for t in pre):
        return pre.text.strip()
    for child in span.root.rights:
        if child.dep_ == "appos":
            sub = doc[child.left_edge.i : child.right_edge.i + 1]
            if any(t.lower_ in ROLE_NOUNS for t in sub) and len(sub) <= 12:
                return _LEADING.sub("", sub.text.strip())
    return None


_VERB_TAGS = frozenset({"VBG", "VBD", "VBN", "VBZ", "VBP"})


def _candidates(doc: Doc) -> list[tuple[str, str, int, int, Span]]:
    out = []
    for span in doc.ents:
        label = LABELS.get(span.label_)
        if not label:
            continue
        # "Describing Donald Trump as …": the sentence's participle, glued to the name by the tagger
        while len(span) > 1 and span[0].tag_ in _VERB_TAGS:
            span = span[1:]
        raw = span.text
        name = clean_name(raw)
        if not _plausible(name, label) or label == "ORG" and is_description(span):
            continue
        offset = raw.find(name)
        start = span.start_char + max(offset, 0)
        # Keep the mention on the name itself, without a leading article, title or trailing possessive.
        out.append((name, label, start, start + len(name), span))
    return out


def _plausible(name: str, label: str) -> bool:
    if not name or name.endswith("-") or not any(c.isalpha() for c in name):
        return False
    if label in ("ORG", "PERSON") and not any(c.isupper() for c in name):
        return False  # "union s" where a page cut "The union s…" short: a name is written with a capital
    if label == "PERSON" and ("-" in name and name.split("-")[0].isupper() or not name[0].isupper()):
        return False  # "U.S.-Ukraine" is not a person
    return len(name) > 1


def _repair_people(doc: Doc, cands: list) -> list:
    """A surname the model tagged as a person anywhere in the article is that person everywhere in it."""
    given = first_names()
    relabelled = []
    for name, label, start, end, span in cut_short_names(doc, cands):
        titled = span
        while len(titled) > 2 and titled[0].lower_ in ROLE_NOUNS:
            titled = titled[1:]  # "Mayor Elena Varga" tagged as an organisation: the title is her description
        if label == "ORG" and titled is span and len(span) > 2 and not given_name_first(span, given):
            # "Secretary of Transportation Pete Buttigieg", tagged "Transportation Pete Buttigieg": the department
            # is the end of his title, the given name and surname after it are the person
            titled = next((span[k:] for k in (1, 2) if person_tail(span, k, given)), span)
        if label == "ORG" and len(titled) < len(span) and given_name_first(titled, given):
            name, label, start, end, span = titled.text, "PERSON", titled.start_char, titled.end_char, titled
        named = after_role(span, ROLE_NOUNS) if label == "ORG" else None
        if named is not None:  # "Port Authority spokesperson Ravi Anand": the organisation is his description
            name, label, start, end, span = named.text, "PERSON", named.start_char, named.end_char, named
        if label in ("ORG", "GPE", "FAC") and given_name_first(span, given) and span[-1].lower_ not in PLACE_HEADS:
            label = "PERSON"  # "Marcus Hale" tagged as an organisation or a place: a given name and a capitalised word
        relabelled.append((name, label, start, end, span))
    # surnames are read after that repair: "Marta Field" relabelled a person makes every later "Field said" hers
    relabelled = one_word_majority(relabelled)
    glued = glued_names(relabelled)
    surnames = {
        name_key(n).split()[-1] for n, label, *_ in relabelled if label == "PERSON" and name_key(n) not in glued
    }
    fixed = []
    for name, label, start, end, span in relabelled:
        if label != "PERSON" and name_key(name) in surnames:
            label = "PERSON"
        fixed.append((name, label, start, end, span))
    covered = {i for *_, span in fixed for i in range(span.start, span.end)}
    for tok in doc:
        if tok.i in covered or not tok.is_title or tok.lower_ not in surnames:
            continue
        first = tok.i
        while (
            first > 0
            and first - 1 not in covered
            and doc[first - 1].is_title
            and doc[first - 1].pos_ == "PROPN"
            and doc[first - 1].lower_ not in ROLE_NOUNS
            and tok.i - first < 3
        ):
            first -= 1
        span = doc[first : tok.i + 1]
        covered.update(range(first, tok.i + 1))
        fixed.append((span.text, "PERSON", span.start_char, span.end_char, span))
    return sorted(fixed, key=lambda c: c[2])


def _missed_people(doc: Doc, cands: list) -> list:
    """Two or three capitalised proper nouns starting with a known given name, which NER left untagged."""
    covered = {i for *_, span in cands for i in range(span.start, span.end)}
    names = first_names()
    found = []
    i = 0
    while i < len(doc) - 1:
        tok = doc[i]
        if i in covered or not tok.is_title or tok.pos_ != "PROPN" or tok.lower_ not in names:
            i += 1
            continue
        end = i + 1
        while (
            end < len(doc)
            and end - i < 3
            and doc[end].is_title
            and doc[end].pos_ == "PROPN"
            and end not in covered
            and doc[end].lower_ not in WEEKDAYS  # "Ana Ruiz Tuesday denied": the day is when, not her name
        ):
            end += 1
        if end - i >= 2:
            span = doc[i:end]
            found.append((span.text, "PERSON", span.start_char, span.end_char, span))
        i = end
    return found + _described_people(doc, covered | {t.i for *_, span in found for t in span})


def _described_people(doc: Doc, covered: set[int]) -> list:
    """ "Ravi Anand, a researcher at ...": two or three capitalised proper nouns that NER left untagged, with an
    apposition headed by a role noun, name a person whatever the given name (the list of given names is short)."""
    found = []
    for tok in doc:
        nxt = tok.i + 1
        if nxt + 1 >= len(doc) or doc[nxt].text != "," or doc[nxt + 1].lower_ not in ("a", "an", "the"):
            continue
        first = tok.i
        while first > tok.i - 3 and first >= 0 and first not in covered and doc[first].is_title:
            if doc[first].pos_ != "PROPN":
                break
            first -= 1
        first += 1
        if tok.i - first < 1 or doc[first].lower_ in ROLE_NOUNS:
            continue
        appos = doc[nxt + 2 : min(len(doc), nxt + 8)]
        head = next((t for t in appos if t.pos_ == "NOUN"), None)
        if head is not None and head.lower_ in ROLE_NOUNS:
            span = doc[first : tok.i + 1]
            found.append((span.text, "PERSON", span.start_char, span.end_char, span))
    return found


def find_entities(doc: Doc) -> DocEntities:
    with caches(doc):  # the passes over names read one text (`doc.text` rebuilds it on every access)
        return _find_entities(doc)


def _find_entities(doc: Doc) -> DocEntities:
    ents = DocEntities()
    base = conjoined_names(doc, ampersand_names(doc, headline_cut(doc, _candidates(doc))))
    base += titled_organisations(doc, base)
    cands = _repair_people(doc, sorted(base + _missed_people(doc, base), key=lambda c: c[2]))
    ents.aliases = acronyms(doc_text(doc), cands)
    persons: dict[str, int] = {}  # surname key -> entity index of a full name
    given: dict[str, set[int]] = {}  # given-name key -> entity indices of the full names that start with it
    named_at: dict[str, list[tuple[int, int]]] = {}  # surname key -> (offset, entity) of each full name
    glued = glued_names(cands)
    # Full person names first, so that surname-only mentions anywhere in the article can join them.
    for name, label, start, end, span in cands:
        if label == "PERSON" and len(name.split()) >= 2:
            idx = ents.add(name, label, start, end)
            if name_key(name) not in glued:
                persons.setdefault(name_key(name).split()[-1], idx)
            given.setdefault(name_key(name).split()[0], set()).add(idx)
            named_at.setdefault(name_key(name).split()[-1], []).append((start, idx))
            _add_description(ents.entities[idx], _description(span))
    for name, label, start, end, span in cands:
        if label == "PERSON" and len(name.split()) >= 2:
            continue
        key = name_key(name)
        if key in persons:
            # two people with one surname (Ana and Ben Holt): a bare "Holt" is the one named last before it
            before = [i for at, i in named_at[key] if at < start]
            idx = before[-1] if before else persons[key]
            ents.link(idx, name, start, end)
        elif label == "PERSON" and len(given.get(key, ())) == 1:
            # "Svetlana" in an article that names one Svetlana Tikhanovskaya is her; two of that name: as written
            # (never an alias: another article's Svetlana is not known to be her)
            ents.link(next(iter(given[key])), name, start, end, variant=False)
        else:
            idx = ents.add(name, label, start, end)
        if label == "PERSON":
            _add_description(ents.entities[idx], _description(span))
    link_repeats(doc, ents)
    for short, full in ents.aliases.items():  # "(CNE)" after the council's name: its short form, for other articles
        defined = ents._by_key.get(("ORG", org_key(full)))
        if defined is not None and short not in ents.entities[defined].acronyms:
            ents.entities[defined].acronyms.append(short)
    return ents  # pronouns and titles ("he", "the envoy") are linked by `speakers.resolve_document`


def _add_description(ent: LocalEntity, desc: str | None) -> None:
    if desc and desc not in ent.descriptions and name_key(desc) != name_key(ent.name):
        ent.descriptions.append(desc)
