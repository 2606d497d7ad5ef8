"""spaCy components registered by name, added to the pipeline in `nlp.PIPELINE`.

`briefbot_entity_fixes` is an EntityRuler placed before the statistical NER: the small English model tags surnames
such as "Kellogg" as organisations and some capitals as people, and a ruler before `ner` fixes those tokens while
leaving the rest of the sentence to the model. Its patterns are data (`gazetteer.jsonl`), not code.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from importlib import resources

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.pipeline import EntityRuler

_NEWLINE = re.compile("\n")


def gazetteer_patterns() -> list[dict]:
    text = resources.files("knowledge.extract").joinpath("gazetteer.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip() and not line.startswith("#")]


@Language.factory("briefbot_entity_fixes", default_config={"overwrite_ents": True})
def make_entity_fixes(nlp: Language, name: str, overwrite_ents: bool) -> EntityRuler:
    ruler = EntityRuler(nlp, name=name, overwrite_ents=overwrite_ents, phrase_matcher_attr="ORTH")
    ruler.add_patterns(gazetteer_patterns())
    return ruler


@Language.component("briefbot_line_breaks")
def line_breaks(doc):
    """A line break in an article ends a sentence: headlines and paragraphs never run into each other.

    Runs before the parser, which keeps sentence starts that are already set. Only the tokens at a line break
    are visited (found from the text's newlines), and the starts are written in one array: spaCy's
    `Token.is_sent_start` setter scans the whole document on every assignment.
    """
    if len(doc) < 2:
        return doc
    offsets = doc.to_array("IDX").tolist()
    at_break = sorted({bisect_right(offsets, m.start()) - 1 for m in _NEWLINE.finditer(doc.text)})
    starts = doc.to_array([SENT_START]).astype(numpy.int64)  # 1 starts a sentence, -1 does not, 0 unknown
    for k in at_break:
        prev = doc[k]
        if k + 1 >= len(doc) or not ("\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)):
            continue
        tok = doc[k + 1]
        starts[k + 1] = 1
        # The parser, handed a paragraph start after a headline, sometimes makes its first word a sentence
        # of its own ("Arvand" | "and Kessia exchanged ..."), and a claim then loses its subject. A word
        # cannot end a sentence by itself: the token after it continues the sentence.
        if k + 2 < len(doc) and tok.is_alpha and not doc[k + 2].is_space and "\n" not in tok.whitespace_:
            starts[k + 2] = -1
    doc.from_array([SENT_START], starts.astype(numpy.uint64))
    return doc
