"""Every labelled set gets its own results file, so the lead's new held-out sets (any folder, any
file name) never overwrite the dev or held-out figures, nor each other."""

from __future__ import annotations

from pathlib import Path

from benchmarks.understanding import HERE, out_path


def test_the_shipped_sets_keep_their_names() -> None:
    assert out_path(HERE / "data" / "understanding_set.yaml").name == "understanding.json"
    assert out_path(HERE / "data" / "understanding_heldout2.yaml").name == "understanding_heldout2.json"


def test_sets_elsewhere_with_the_same_file_name_do_not_collide(tmp_path: Path) -> None:
    first, second = tmp_path / "c" / "heldout.yaml", tmp_path / "d" / "heldout.yaml"
    names = {out_path(first).name, out_path(second).name, out_path(HERE / "data" / "understanding_heldout.yaml").name}
    assert len(names) == 3
    assert all(out_path(p).parent == HERE / "results" for p in (first, second))
