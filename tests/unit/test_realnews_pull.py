"""Re-pulling the real-news set's texts from saved search answers: written only when the sha256 matches."""

from __future__ import annotations

import json
import pathlib
import shutil
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "benchmarks"))

from realnews_pull import pull  # noqa: E402

SET = pathlib.Path(__file__).resolve().parents[1] / "data" / "realnews"


def test_texts_are_written_when_they_hash_to_the_annotation_and_every_other_case_is_named(tmp_path):
    folder = tmp_path / "set"
    folder.mkdir()
    shutil.copy(SET / "set-T.json", folder)
    articles = json.loads((SET / "set-T.json").read_text())["articles"]
    results = []
    for a in articles:
        text = (SET / "texts" / f"{a['id']}.txt").read_text()
        url = a["url"].replace("https://", "http://www.") + "/"  # the same page, written another way
        if a["id"] == "ferry-01":
            results.append({"address": url, "excerpt": text.split("\n\n", 1)[1]})  # saved without the headline
        elif a["id"] == "ferry-02":
            results.append({"url": url, "text": text.replace("Thursday", "Friday")})
        elif a["id"] != "harbour-03":
            results.append({"url": url, "text": text})
    saved = tmp_path / "saved.json"
    saved.write_text(json.dumps({"query": "ferry", "results": results}))
    written, problems = pull(folder, [saved])
    assert sorted(written) == ["ferry-01", "harbour-01", "harbour-02"]
    for aid in written:
        assert (folder / "texts" / f"{aid}.txt").read_bytes() == (SET / "texts" / f"{aid}.txt").read_bytes()
    assert sorted(problems) == [
        "ferry-02: the saved text does not hash to the annotated sha256",
        "harbour-03: https://dailyquay.example/harbour-03 not in the saved results (search: 'made up for the tests')",
    ]
    assert not (folder / "texts" / "ferry-02.txt").exists()
