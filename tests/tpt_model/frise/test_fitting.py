"""Label fitting: text widths, label lines by priority, a label (or a number) for every bar."""

import random

import pytest

from tpt_model.frise.fitting import (
    GAP_PX,
    Anchor,
    BarSlot,
    LabelRequest,
    bar_labels,
    first_free,
    number_room,
    place_marks,
    place_on_lines,
    shorten,
    text_px,
)


def test_text_width_grows_with_the_text_and_the_type() -> None:
    assert text_px("", 12) == 0
    assert text_px("Mentorat", 12) < text_px("Mentorat en ligne", 12)
    assert text_px("Mentorat", 24) == pytest.approx(2 * text_px("Mentorat", 12))
    assert text_px("Mentorat", 12, bold=True) > text_px("Mentorat", 12)
    assert text_px("WWW", 12) > text_px("iii", 12)
    # A character missing from the table counts as a wide one, never as nothing.
    assert text_px("日", 12) >= text_px("n", 12)


def test_shorten_ends_with_an_ellipsis_within_the_limit() -> None:
    long = "Dossier social étudiant (bourse et logement du Crous)"
    assert shorten("Bac", 100, 12) == "Bac"
    cut = shorten(long, 120, 12)
    assert cut.endswith("…") and long.startswith(cut[:-1].rstrip())
    assert text_px(cut, 12) <= 120 < text_px(long, 12)


def request(key: int, start: float, width: float, priority: int = 1, *, month: bool = True) -> LabelRequest:
    """A label for a mark at `start`: after it, else before it (a month's marker), as the frise asks."""
    anchors = (Anchor(start, "left", 7), Anchor(start, "right", -7)) if month else (Anchor(start, "left", 3),)
    return LabelRequest(key, priority, width, (start - 4, start + 4), anchors)


def boxes(requests: list[LabelRequest], placed: dict) -> list[tuple[int, float, float, int]]:
    out = []
    for r in requests:
        if r.key in placed:
            p = placed[r.key]
            left, right = p.anchor.span(r.width)
            out.append((p.line, min(left, r.mark[0]), max(right, r.mark[1]), r.key))
    return out


def assert_no_two_overlap(requests: list[LabelRequest], placed: dict) -> None:
    kept = boxes(requests, placed)
    for i, (line, left, right, key) in enumerate(kept):
        for other_line, other_left, other_right, other in kept[i + 1 :]:
            if line == other_line:
                assert right + GAP_PX <= other_left or other_right + GAP_PX <= left, (key, other)


def test_labels_that_would_meet_go_on_other_lines() -> None:
    requests = [request(0, 10, 100), request(1, 40, 100), request(2, 300, 50)]
    placed = place_on_lines(requests, lines=3, plot_px=600)
    assert {k: p.line for k, p in placed.items()} == {0: 0, 1: 1, 2: 0}
    assert_no_two_overlap(requests, placed)


def test_a_label_goes_before_its_mark_when_the_line_is_taken_after_it() -> None:
    requests = [request(0, 200, 80, priority=0), request(1, 170, 80)]
    placed = place_on_lines(requests, lines=1, plot_px=600)
    assert placed[0].anchor.align == "left"
    assert (placed[1].line, placed[1].anchor.align) == (0, "right")
    assert_no_two_overlap(requests, placed)


def test_priority_decides_who_keeps_the_line_not_the_order_of_the_calendar() -> None:
    # Three labels at one place, two lines: the risk window (0) and the exam (1) keep their labels.
    requests = [
        request(0, 100, 120, priority=3),
        request(1, 100, 120, priority=0),
        request(2, 100, 120, priority=1),
    ]
    placed = place_on_lines(requests, lines=2, plot_px=300, gap=GAP_PX)
    assert set(placed) == {1, 2}
    assert (placed[1].line, placed[2].line) == (0, 1)


def test_text_never_leaves_the_plot() -> None:
    requests = [request(0, 590, 100), request(1, 5, 100, month=False)]
    placed = place_on_lines(requests, lines=1, plot_px=600)
    assert placed[0].anchor.span(100) == (590 - 7 - 100, 590 - 7)  # before its marker, at the right edge
    assert placed[1].anchor.span(100)[0] >= 0
    too_wide = [LabelRequest(0, 0, 700, (10, 20), (Anchor(10, "left", 3),))]
    assert place_on_lines(too_wide, lines=3, plot_px=600) == {}


@pytest.mark.parametrize("seed", range(8))
def test_no_two_kept_labels_overlap_and_priority_is_respected(seed: int) -> None:
    rng = random.Random(seed)
    requests = [
        request(i, rng.uniform(0, 900), rng.uniform(30, 260), rng.randint(0, 3), month=rng.random() < 0.5)
        for i in range(60)
    ]
    placed = place_on_lines(requests, lines=6, plot_px=900)
    assert 10 < len(placed) < len(requests), "some labels kept, some dropped"
    assert_no_two_overlap(requests, placed)
    assert all(
        p.anchor.span(r.width)[0] >= 0 and p.anchor.span(r.width)[1] <= 900
        for r in requests
        if (p := placed.get(r.key))
    )
    # Priority is respected: a dropped label meets, at each of its places on each line, a label
    # kept before it (higher priority, or the same one further left): one that comes after it
    # never takes its room.
    order = {r.key: (r.priority, r.mark, r.key) for r in requests}
    kept = boxes(requests, placed)
    for dropped in (r for r in requests if r.key not in placed):
        for line in range(6):
            for anchor in dropped.anchors:
                left, right = anchor.span(dropped.width)
                if left < 0 or right > 900:
                    continue
                left, right = min(left, dropped.mark[0]), max(right, dropped.mark[1])
                blockers = [
                    key
                    for kept_line, a, b, key in kept
                    if kept_line == line and not (right + GAP_PX <= a or b + GAP_PX <= left)
                ]
                assert any(order[k] < order[dropped.key] for k in blockers), dropped.key


def test_unlabelled_marks_take_free_lines_or_open_new_ones() -> None:
    taken = [[(0.0, 100.0)], [(50.0, 200.0)]]
    lines = place_marks([(0, (120.0, 130.0)), (1, (60.0, 70.0)), (2, (10.0, 20.0))], taken)
    assert lines == {0: 0, 1: 2, 2: 1}


def test_first_free_box() -> None:
    taken = [(0.0, 0.0, 10.0, 10.0)]
    assert first_free([(5.0, 5.0, 15.0, 15.0), (20.0, 0.0, 30.0, 10.0)], taken) == 1
    assert first_free([(5.0, 5.0, 15.0, 15.0)], taken) is None
    assert first_free([(5.0, 5.0, 15.0, 15.0)], []) == 0


def slot(start: float, stop: float, label: float = 60, number: float = 12) -> BarSlot:
    return BarSlot(start, stop, label, number)


def test_a_bar_s_title_inside_after_or_before_it_else_its_number() -> None:
    row = [slot(0, 100), slot(110, 120), slot(150, 155), slot(290, 296), slot(300, 306), slot(320, 400)]
    spots = bar_labels(row, plot_px=420)
    assert [s.spot for s in spots] == ["inside", "number", "after", "before", "number", "inside"]
    assert spots[0].inside and spots[0].anchor == Anchor(0, "left", 4)
    assert spots[1].anchor == Anchor(120, "left", 2) and not spots[1].inside  # its number, after it
    assert spots[2].anchor == Anchor(155, "left", 4) and not spots[2].inside
    assert spots[3].anchor == Anchor(290, "right", -4)  # the row is free since the title of the third
    assert spots[4].anchor.span(12)[0] >= 306


def test_a_title_cut_inside_a_long_enough_bar() -> None:
    (spot,) = bar_labels([slot(0, 100, label=200)], plot_px=100)
    assert (spot.spot, spot.inside, spot.room) == ("inside", True, 92)


def test_bar_labels_never_meet() -> None:
    rng = random.Random(3)
    starts = sorted(rng.sample(range(0, 2000, 3), 80))
    row, end = [], 0.0
    for s in starts:
        if s < end:
            continue
        stop = s + rng.choice([3, 8, 20, 80])
        row.append(slot(s, stop, label=rng.uniform(30, 150)))
        end = stop + number_room(12)
    spots = bar_labels(row, plot_px=2200)
    spans = []
    for bar, spot in zip(row, spots, strict=True):
        left, right = spot.anchor.span(spot.room)
        if spot.inside:
            assert bar.start <= left and right <= bar.stop
        else:
            spans.append((left, right))
            # Text beside a bar never lies on a bar of the row.
            assert all(right <= b.start or b.stop <= left for b in row)
    spans.sort()
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
