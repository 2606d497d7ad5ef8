"""Brat standoff output: offsets that slice back, discontinuous spans, E-lines linking the roles."""

from __future__ import annotations

from knowledge.extract.attribution.relations import Attribution
from knowledge.extract.brat import attribute_dir, to_brat

TEXT = "“We are ready,” the captain told the crew. “Raise the sails.”"


def att(source, cue, content):
    return Attribution(
        cue=cue,
        content=content,
        source=source,
        stance="assert",
        negated=False,
        via=None,
        parent=None,
        kind="direct",
        cue_lemma="tell",
    )


def parse(ann):
    spans, events = {}, []
    for line in ann.splitlines():
        tid, body, *rest = line.split("\t")
        if tid.startswith("T"):
            label, offs = body.split(" ", 1)
            frags = [tuple(map(int, f.split())) for f in offs.split(";")]
            spans[tid] = (label, frags, rest[0])
        else:
            events.append(dict(arg.split(":") for arg in body.split()))
    return spans, events


def find(text, piece):
    s = text.index(piece)
    return (s, s + len(piece))


def test_every_t_line_text_field_equals_its_offsets_joined_by_one_space():
    a = att(
        (find(TEXT, "the captain"),), (find(TEXT, "told"),), (find(TEXT, "We are ready"), find(TEXT, "Raise the sails"))
    )
    spans, _ = parse(to_brat(TEXT, [a]))
    for _label, frags, surface in spans.values():
        assert " ".join(TEXT[s:e] for s, e in frags) == surface


def test_a_split_quote_is_written_as_one_discontinuous_content_span():
    a = att(
        (find(TEXT, "the captain"),), (find(TEXT, "told"),), (find(TEXT, "We are ready"), find(TEXT, "Raise the sails"))
    )
    spans, _ = parse(to_brat(TEXT, [a]))
    content = [v for v in spans.values() if v[0] == "Content"]
    assert content == [
        ("Content", [find(TEXT, "We are ready"), find(TEXT, "Raise the sails")], "We are ready Raise the sails")
    ]
    line = [x for x in to_brat(TEXT, [a]).splitlines() if "\tContent " in x][0]
    assert f"{find(TEXT, 'We are ready')[0]} {find(TEXT, 'We are ready')[1]};" in line


def test_the_e_line_links_trigger_source_cue_and_content():
    a = att((find(TEXT, "the captain"),), (find(TEXT, "told"),), (find(TEXT, "We are ready"),))
    spans, events = parse(to_brat(TEXT, [a]))
    assert len(events) == 1
    ev = events[0]
    assert spans[ev["Attribution"]][0] == "Attribution"
    assert spans[ev["Attribution"]][1] == spans[ev["Cue"]][1]
    assert spans[ev["Source"]][2] == "the captain"
    assert spans[ev["Content"]][2] == "We are ready"


def test_an_attribution_without_source_has_no_source_argument():
    a = att((), (find(TEXT, "told"),), (find(TEXT, "Raise the sails"),))
    spans, events = parse(to_brat(TEXT, [a]))
    assert "Source" not in events[0]
    assert not [v for v in spans.values() if v[0] == "Source"]


def test_no_attributions_give_an_empty_file():
    assert to_brat(TEXT, []) == ""


def test_attribute_dir_writes_one_ann_per_txt(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text("The mayor said that the budget was balanced.\n", encoding="utf-8")
    (src / "b.txt").write_text("Nothing here was attributed to anyone.\n", encoding="utf-8")
    assert attribute_dir(src, out) == (2, [])
    assert sorted(p.name for p in out.iterdir()) == ["a.ann", "b.ann"]
    spans, events = parse((out / "a.ann").read_text(encoding="utf-8"))
    text = (src / "a.txt").read_text(encoding="utf-8")
    assert {v[0] for v in spans.values()} >= {"Source", "Cue", "Content"}
    for _label, frags, surface in spans.values():
        assert " ".join(text[s:e] for s, e in frags) == surface
    assert len(events) == 1


def test_a_file_that_is_not_utf8_is_skipped_with_its_reason_and_the_others_are_written(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text("The mayor said that the budget was balanced.\n", encoding="utf-8")
    (src / "b.txt").write_bytes("The clerk said the café was shut.".encode("cp1252"))
    (src / "c.txt").write_text("", encoding="utf-8")
    written, skipped = attribute_dir(src, out)
    assert written == 2 and sorted(p.name for p in out.iterdir()) == ["a.ann", "c.ann"]
    assert skipped == ["b.txt: not UTF-8 (invalid byte at position 22); no .ann written"]
    assert (out / "c.ann").read_text(encoding="utf-8") == ""


def test_offsets_index_a_file_with_windows_line_endings_as_it_is_on_disk(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_bytes(b"Harbour news.\r\n\r\nThe mayor said that the budget was balanced.\r\n")
    attribute_dir(src, out)
    raw = (src / "a.txt").read_bytes().decode("utf-8")
    spans, events = parse((out / "a.ann").read_text(encoding="utf-8"))
    assert len(events) == 1
    by_role = {label: " ".join(raw[s:e] for s, e in frags) for label, frags, _ in spans.values()}
    assert by_role["Source"] == "The mayor" and by_role["Content"] == "that the budget was balanced"
    for _, frags, surface in spans.values():
        assert " ".join(raw[s:e] for s, e in frags) == surface


def test_a_span_crossing_a_line_break_is_split_so_the_text_field_stays_on_one_line():
    text = "The statement read: first part\n\nsecond part"
    a = att((), (find(text, ":"),), ((text.index("first"), len(text)),))
    ann = to_brat(text, [a])
    spans, _ = parse(ann)
    content = [v for v in spans.values() if v[0] == "Content"][0]
    assert content[1] == [find(text, "first part"), find(text, "second part")]
    assert content[2] == "first part second part"
    assert len(ann.splitlines()) == 4
