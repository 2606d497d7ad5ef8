"""spaCy components registered by name, added to the pipeline in `nlp.PIPELINE`.

`briefbot_entity_fixes` is an EntityRuler placed before the statistical NER: the small English model tags surnames
such as "Kellogg" as organisations and some capitals as people, and a ruler before `ner` fixes those tokens while
leaving the rest of the sentence to the model. Its patterns are data (`gazetteer.jsonl`), not code.
"""

from __future__ import annotations

import json
from importlib import resources

from spacy.language import Language
from spacy.pipeline import EntityRuler


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

    Runs before the parser, which keeps sentence starts that are already set.
    """
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
            # The parser, handed a paragraph start after a headline, sometimes makes its first word a sentence
            # of its own ("Arvand" | "and Kessia exchanged ..."), and a claim then loses its subject. A word
            # cannot end a sentence by itself: the token after it continues the sentence.
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and tok.is_alpha and not nxt.is_space and "\n" not in tok.whitespace_:
                nxt.is_sent_start = False
    return doc
