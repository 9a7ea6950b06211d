"""Text normalisation keeps what distinguishes phenomena and drops function words."""

from simfoni_text.facts import extract_facts, normalise_text, strip_boilerplate


def test_casefold_accents_and_punctuation():
    assert normalise_text("KAFÉ “Kopi” di Jakarta!!") == ["kafe", "kopi", "jakarta"]


def test_function_words_are_removed():
    tokens = normalise_text("Harga yang naik di pasar dan juga telah terjadi pada bulan ini")
    for word in ("yang", "di", "dan", "juga", "telah", "pada", "ini"):
        assert word not in tokens
    assert tokens[:2] == ["harga", "naik"]


def test_direction_magnitude_and_period_words_are_kept():
    text = (
        "naik turun meningkat menurun bulan tahun lebih kurang jumlah tinggi rendah baru besar "
        "kecil awal akhir"
    )
    assert normalise_text(text) == text.split()


def test_numbers_are_kept_and_written_one_way():
    assert normalise_text("Inflasi naik 2,5 persen") == ["inflasi", "naik", "2,5", "persen"]
    assert normalise_text("naik 2.5%") == ["naik", "2,5", "persen"]
    assert normalise_text("Rp1.500.000") == normalise_text("Rp 1500000")


def test_month_names_and_places_are_kept():
    tokens = normalise_text("Inflasi Desember dan Okt. di Jakarta Selatan")
    assert {"desember", "okt", "jakarta", "selatan"} <= set(tokens)


def test_empty_text_gives_no_tokens():
    assert normalise_text("") == []
    assert normalise_text(None) == []


def test_boilerplate_is_removed():
    text = (
        "Jakarta, CNBC Indonesia - BPS mencatat inflasi 1,5 persen.\n\n"
        "Baca juga: Harga Cabai Rawit Tembus Rp100.000\n\nADVERTISEMENT\n"
        "SCROLL TO CONTINUE WITH CONTENT\nEditor: Fadli"
    )
    tokens = normalise_text(strip_boilerplate(text))
    assert tokens == ["bps", "mencatat", "inflasi", "1,5", "persen"]


def test_facts_capture_figure_period_and_place():
    facts = extract_facts("Ekonomi Jakarta Timur triwulan III 2024 tumbuh 4,9% dibanding September")
    assert facts.numbers == ("4,9",)
    assert facts.years == ("2024",)
    assert facts.periods == ("q3", "m9")
    assert facts.places == ("3172",)
