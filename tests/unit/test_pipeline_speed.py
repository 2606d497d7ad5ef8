"""Pipeline components swapped or rewritten for speed give exactly what spaCy's own (or the plain loop) gave."""

import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.pipeline import AttributeRuler
from thinc.api import NumpyOps

from knowledge.extract.attribute_index import IndexedAttributeRuler, equality_keys, token_tests
from knowledge.extract.blas import openblas_threads, use_ops
from knowledge.extract.components import line_breaks
from knowledge.extract.lemma_cache import RememberingLemmatizer
from knowledge.extract.nlp import load_nlp
from knowledge.extract.parse.spans import (
    QUOTE_TOKENS,
    QUOTED_KEY,
    caches,
    first_token_from,
    quoted_sentence,
    tokens_with_lemma,
)
from knowledge.text import dedup

# Written for the shapes the model's attribute patterns test: pronouns by case, auxiliaries, "there is", slang
# contractions spread over two tokens, a regex-tested word, quantifiers that are pronouns, line breaks.
SENTENCES = [
    "She told them she would not sign it, but I said you could have done it yourselves.",
    "There is nothing in the bill that anyone can't read; there were gonna be hearings anyway.",
    "Y'all ain't seen nothin' yet, the senator said. Let's go, c'mon, we gotta vote.",
    "Those who had been waiting said this was theirs; that is why he has left and hers is gone.",
    "The minister, whose office did not respond, was being questioned.\n\nHe denied it.  Nobody else spoke.",
    "If the deal holds, these firms will ship more; those that don't will close, though once they 'd tried.",
]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _parsed_without_ruler(nlp, text):
    return nlp(text, disable=["attribute_ruler", "lemmatizer", "briefbot_entity_fixes", "ner"])


def test_the_loaded_pipeline_runs_the_indexed_attribute_ruler_with_every_model_pattern(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, IndexedAttributeRuler)
    assert len(ruler.patterns) > 100


def test_the_indexed_attribute_ruler_matches_and_sets_exactly_what_spacys_does(nlp):
    ours = nlp.get_pipe("attribute_ruler")
    stock = AttributeRuler(nlp.vocab)
    stock.add_patterns(ours.patterns)
    attrs = [TAG, POS, MORPH, LEMMA, DEP]
    for text in SENTENCES:
        doc = _parsed_without_ruler(nlp, text)
        assert ours.match(doc) == stock.match(doc)
        a, b = stock(doc.copy()), ours(doc.copy())
        assert (a.to_array(attrs) == b.to_array(attrs)).all(), text


def test_a_later_pattern_still_overrides_an_earlier_one_on_the_same_token(nlp):
    ruler = IndexedAttributeRuler(nlp.vocab)
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    ruler.add([[{"LOWER": "nothing", "TAG": "NN"}]], {"POS": "PRON"})
    ruler.add([[{"TAG": "NN", "IS_ALPHA": True}]], {"MORPH": "Number=Sing"})
    doc = ruler(_parsed_without_ruler(nlp, "Nothing happened."))
    assert [(t.pos_, str(t.morph)) for t in doc][:1] == [("PRON", "Number=Sing")]


def test_only_plain_equality_on_one_token_is_looked_up_and_the_rest_left_to_the_matcher():
    assert equality_keys([[{"TAG": "NN"}]], 0) is not None
    assert len(equality_keys([[{"TAG": {"IN": ["VBP", "VBZ"]}, "LOWER": {"IN": ["is", "'s", "are"]}}]], 0)) == 6
    assert equality_keys([[{"TAG": {"NOT_IN": ["TO"]}, "DEP": "aux"}]], 0) is None
    assert equality_keys([[{"LOWER": {"REGEX": "^y'?$"}}]], 0) is None
    assert equality_keys([[{"LOWER": "gon"}, {"LOWER": "na"}]], 0) is None
    assert equality_keys([[{"TAG": ""}]], 0) is None
    assert equality_keys([[{"IS_SPACE": True}]], 0) is None


def test_one_token_patterns_with_exclusions_alternatives_or_spaces_are_tested_as_arrays():
    assert token_tests([[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]], 0) is not None
    assert token_tests([[{"TAG": "VBZ", "LOWER": "gets"}], [{"TAG": "VBD", "LOWER": "got"}]], 0) is not None
    assert token_tests([[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], 0) is not None
    assert token_tests([[{"LOWER": {"REGEX": "^y'?$"}}]], 0) is None
    assert token_tests([[{"DEP": "expl"}, {"LOWER": "is"}]], 1) is None
    assert token_tests([[{"TAG": "NN", "OP": "?"}]], 0) is None
    assert token_tests([[{"IS_ALPHA": True}]], 0) is None
    assert token_tests([[{"IS_SPACE": "yes"}]], 0) is None


def test_patterns_tested_as_arrays_and_written_as_arrays_give_what_spacys_ruler_gives(nlp):
    # every attribute a pattern can set, a later pattern overriding an earlier one, a token index of -1 on a
    # two-token match, exclusions, alternatives and spaces
    rules = [
        ([[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]], {"POS": "AUX"}, 0),
        ([[{"TAG": "VBD", "LOWER": "said"}], [{"TAG": "VBZ", "LOWER": "is"}]], {"LEMMA": "x", "TAG": "VB"}, 0),
        ([[{"LOWER": "said"}]], {"LEMMA": "y", "MORPH": "Tense=Past"}, 0),
        ([[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], {"DEP": "dep"}, 0),
        ([[{"IS_SPACE": True}]], {"TAG": "_SP", "POS": "SPACE", "MORPH": "_"}, 0),
        ([[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "were"]}}]], {"POS": "VERB", "LEMMA": "be"}, -1),
    ]
    ours, stock = IndexedAttributeRuler(nlp.vocab), AttributeRuler(nlp.vocab)
    for patterns, attrs, index in rules:
        ours.add(patterns, attrs, index)
        stock.add(patterns, attrs, index)
    attrs = [TAG, POS, MORPH, LEMMA, DEP]
    texts = SENTENCES + ["She said it is fine.\n\nThere were   two votes, he said, and there is one."]
    for text in texts:
        doc = _parsed_without_ruler(nlp, text)
        assert ours.match(doc) == stock.match(doc), text
        a, b = stock(doc.copy()), ours(doc.copy())
        assert (a.to_array(attrs) == b.to_array(attrs)).all(), text
        assert [str(t.morph) for t in a] == [str(t.morph) for t in b], text
    said = ours(_parsed_without_ruler(nlp, texts[-1]))[1]
    assert (said.lemma_, str(said.morph), said.tag_) == ("y", "Tense=Past", "VB")


def _line_breaks_token_by_token(doc):
    """The rule as first written, one token at a time: the reference the array version must equal."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and tok.is_alpha and not nxt.is_space and "\n" not in tok.whitespace_:
                nxt.is_sent_start = False
    return doc


def test_line_breaks_set_the_same_sentence_starts_as_the_token_by_token_rule(nlp):
    texts = [
        "Port reopens\nThe harbour opened on Monday, officials said.\n\nArvand and Kessia welcomed it.",
        "Tariffs\nrise again\n \nBy Lena Ortiz\nMonday\n",
        "\nA line\r\nafter a carriage return\n\n\nand one \n after spaces",
        "One",
        "",
    ]
    for text in texts:
        doc = nlp.make_doc(text)
        ours, reference = line_breaks(doc.copy()), _line_breaks_token_by_token(doc.copy())
        assert [t.is_sent_start for t in ours] == [t.is_sent_start for t in reference], text
    doc = line_breaks(nlp.make_doc(texts[0]))
    assert [t.text for t in doc if t.is_sent_start] == ["Port", "The", "Arvand"]


def _stock_lemmatizer():
    import spacy

    from knowledge.config import get_settings

    return spacy.load(get_settings().spacy_model, exclude=["tok2vec", "tagger", "parser", "ner"]).get_pipe("lemmatizer")


def test_the_remembering_lemmatizer_gives_exactly_spacys_lemmas_and_remembers_each_form(nlp):
    ours = nlp.get_pipe("lemmatizer")
    assert isinstance(ours, RememberingLemmatizer)
    stock = _stock_lemmatizer()
    # nouns, verbs and adjectives in their base and inflected forms, irregular forms, numbers, names, spaces
    texts = SENTENCES + ["The mice were running faster; geese flew over 3 better-known cities.\n\nMs. Arvand sang."]
    for text in texts:
        doc = nlp(text, disable=["lemmatizer"])
        a, b = stock(doc.copy()), ours(doc.copy())
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b], text
    seen = ours(nlp("The mice were running.", disable=["lemmatizer"]))
    assert [t.lemma_ for t in seen] == ["the", "mouse", "be", "run", "."]
    assert (seen[1].orth, seen[1].pos, seen[1].morph.key) in ours.lemmas


def test_the_vectorised_minhash_signature_equals_the_per_shingle_definition():
    values = [0, 1, 2**61 - 1, 2**61, 2**63 + 12345, 2**64 - 1] + [(7919 * i) ** 3 % 2**64 for i in range(200)]
    for shingle_set in (set(values), {2**64 - 1}, {0}, set(values[6:50])):
        expected = [min((a * s + b) & dedup._MASK for s in shingle_set) for a, b in dedup._SALTS]
        assert dedup.signature(shingle_set) == expected


def test_the_quoted_sentence_cache_answers_as_a_scan_of_each_sentence_does(nlp):
    text = "She said: \"We will sign.\" Nobody else spoke.\n\nThe mayor called it ''a mess''. It rained."
    doc = nlp(text)
    with caches(doc):
        answers = [quoted_sentence(t) for t in doc]
        assert QUOTED_KEY in doc.user_data
    assert answers == [any(u.text in QUOTE_TOKENS for u in t.sent) for t in doc]
    assert True in answers and False in answers
    assert QUOTED_KEY not in doc.user_data  # dropped with the other per-Doc caches


def _layers(nlp):
    return [
        layer
        for _, pipe in nlp.pipeline
        if hasattr(getattr(pipe, "model", None), "walk")
        for layer in pipe.model.walk()
    ]


def test_the_loaded_pipeline_multiplies_through_numpy_openblas_held_to_one_thread(nlp):
    layers = _layers(nlp)
    assert layers
    assert all(isinstance(layer.ops, NumpyOps) and not layer.ops.use_blis for layer in layers)
    assert openblas_threads() == 1


def test_the_parse_through_openblas_is_the_parse_through_blis(nlp):
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
    ours = _layers(nlp)[0].ops
    try:
        use_ops(nlp, NumpyOps(use_blis=True))
        blis = [nlp(text).to_array(attrs) for text in SENTENCES]
    finally:
        use_ops(nlp, ours)
    openblas = [nlp(text).to_array(attrs) for text in SENTENCES]
    assert len(blis) == len(SENTENCES)
    for a, b, text in zip(blis, openblas, SENTENCES):
        assert (a == b).all(), text


def test_tokens_with_a_lemma_are_the_tokens_a_loop_over_the_doc_finds(nlp):
    words = {"claim", "say", "report", "be"}
    for text in SENTENCES + ["Claims were made. The report said the Claim was false, and she claimed more."]:
        doc = nlp(text)
        looped = [t.i for t in doc if t.lemma_.lower() in words]
        assert [t.i for t in tokens_with_lemma(doc, words)] == looped, text
    assert [t.i for t in tokens_with_lemma(doc, words)]


def test_the_first_token_from_an_offset_is_the_first_a_scan_finds(nlp):
    doc = nlp(SENTENCES[4])
    assert len(doc) > 5
    for pos in range(len(doc.text) + 2):
        assert first_token_from(doc, pos) == next((t.i for t in doc if t.idx >= pos), len(doc)), pos


def test_extraction_on_several_processes_loads_the_cue_model_before_forking_its_workers(nlp):
    from knowledge.extract.model import learned
    from knowledge.extract.pipeline import analyze_texts

    learned.reset_scorer()
    items = [("Mara Lind said the port would reopen on Monday.", None)] * 16
    found = list(analyze_texts(items, n_process=2))
    assert len(found) == 16
    assert all(a.claims for a in found)
    assert learned._scorer is not None  # loaded once in this process, so both workers start with it
