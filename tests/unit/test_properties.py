"""Property tests: reading, cleaning and extraction never crash; cleaning twice changes nothing."""

from pathlib import Path

from briefings.ingest import build_briefing, load_vocabulary
from briefings.ingest.cleaning.clean import clean
from briefings.ingest.reading import decode
from briefings.model import ArchiveError, Source, blocks_to_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ARCHIVE = Path(__file__).resolve().parents[2] / "archive"
SEED_LINES = [line for path in sorted(ARCHIVE.glob("*.txt"))
              for line in path.read_text(encoding="utf-8").splitlines()]
VOCABULARY = load_vocabulary(ARCHIVE)

chinese = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF) | st.sampled_from(
    list("，。：:、“”()（）【】一二三0123456789 \n市直机关党建x*»>-")), max_size=400)
texts = st.one_of(
    st.text(max_size=600),
    chinese,
    st.lists(st.one_of(st.sampled_from(SEED_LINES), chinese), max_size=30).map("\n".join),
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts)
def test_cleaning_never_crashes_and_is_idempotent(text):
    once = clean(text)
    assert clean(blocks_to_text(once.blocks)).blocks == once.blocks


@SETTINGS
@given(texts)
def test_extraction_never_crashes(text):
    try:
        briefing = build_briefing(Source(path="x.txt", text=text), {}, VOCABULARY)
    except ArchiveError as error:
        assert "x.txt" in str(error)
        return
    assert briefing.title
    assert briefing.year is None or 1949 <= briefing.year <= 2100


@SETTINGS
@given(st.binary(max_size=2000))
def test_decoding_arbitrary_bytes_gives_text_or_a_clear_error(data):
    try:
        text, encoding = decode(data, "x.txt")
    except ArchiveError as error:
        assert str(error).startswith("x.txt: ")
        return
    assert isinstance(text, str) and "\r" not in text and "\x00" not in text
