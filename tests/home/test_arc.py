"""The ARC: importing a year's sheet (all or nothing, bad rows by line), the .ics feed, the page."""

import datetime

import icalendar
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from freezegun import freeze_time

from home.arc import import_arc, parse_arc, preview_arc
from phenomena.models import Indicator, ReleaseDate, Theme
from phenomena.reference_data import REFERENCE_DIR

HEADER = "indicator,source,jan,feb,mar,apr,may,jun,jul,aug,sep,oct,nov,dec\n"


def year_dates(year):
    return set(ReleaseDate.objects.filter(date__year=year).values_list("indicator__name", "date"))


@pytest.mark.django_db
def test_import_reference_sheet_for_another_year():
    result = import_arc((REFERENCE_DIR / "arc_2024.csv").read_bytes(), 2025)
    assert result.ok, result.errors
    dates = year_dates(2025)
    # 3 monthly indicators × 12 + growth 4 + poverty 1 + IPM 1 + labour 2 + rice 2
    assert len(dates) == 3 * 12 + 4 + 1 + 1 + 2 + 2 == result.added
    assert ("Profil Kemiskinan", datetime.date(2025, 7, 1)) in dates
    assert ("Pertumbuhan Ekonomi", datetime.date(2025, 2, 5)) in dates
    assert result.indicators_created == []
    # 2024 (loaded by migration) is untouched; importing again changes nothing
    assert len(year_dates(2024)) == len(dates)
    again = import_arc((REFERENCE_DIR / "arc_2024.csv").read_bytes(), 2025)
    assert again.ok and again.added == 0 and again.removed == 0


@pytest.mark.django_db
def test_reimport_moves_a_release_and_links_themes():
    import_arc(HEADER + "Pertumbuhan Ekonomi,BPS,,5,,,6,,,5,,,5,\n", 2027)
    sheet = (
        "indicator,source,themes,jan,feb,mar,apr,mei,jun,jul,agu,sep,okt,nov,des\n"
        "Pertumbuhan Ekonomi,BPS,Statistik Makroekonomi,,6,,,6,,,5,,,5,\n"
        'Indeks Harga Rumah,BI,"Pemukiman dan Perumahan; Pertambangan, Manufaktur, Konstruksi"'
        ",,,,,,,,,,,,15\n"
    )
    result = import_arc(sheet, 2027)
    assert result.ok, result.errors
    assert result.added == 2 and result.removed == 1
    growth = {d for name, d in year_dates(2027) if name == "Pertumbuhan Ekonomi"}
    assert datetime.date(2027, 2, 6) in growth and datetime.date(2027, 2, 5) not in growth
    new = Indicator.objects.get(name="Indeks Harga Rumah")
    assert result.indicators_created == ["Indeks Harga Rumah"]
    assert new.producer == "BI" and new.slug == "indeks-harga-rumah"
    assert set(new.themes.values_list("name", flat=True)) == {
        "Pemukiman dan Perumahan",
        "Pertambangan, Manufaktur, Konstruksi",
    }
    growth_themes = Indicator.objects.get(name="Pertumbuhan Ekonomi").themes
    assert list(growth_themes.values_list("name", flat=True)) == ["Statistik Makroekonomi"]


@pytest.mark.django_db
def test_bad_rows_reported_by_line_and_nothing_imported():
    sheet = (
        HEADER
        + "Perkembangan IHK (Inflasi),BPS,2,1,1,1,2,3,1,1,2,1,1,2\n"  # line 2: fine
        + "Pertumbuhan Ekonomi,BPS,,31,,,6,,,5,,,5,\n"  # line 3: 31 February
        + "Keadaan Ketenagakerjaan,BPS,,,,,enam,,,,,,5,\n"  # line 4: not a number
        + ",BPS,1,,,,,,,,,,,\n"  # line 5: no indicator
        + "\n"  # line 6: blank, skipped
        + "Indikator Baru,BPS,,,,,,,,,,,,\n"  # line 7: fine (no release this year)
        + "Perkembangan IHK (Inflasi),BPS,3,,,,,,,,,,,\n"  # line 8: duplicate of line 2
    )
    before = ReleaseDate.objects.count(), Indicator.objects.count()
    result = import_arc(sheet, 2026)
    assert not result.ok and not result.imported
    assert len(result.errors) == 4
    first = result.errors[0]
    assert first.startswith("Baris 3:") and "31 Februari 2026 tidak ada" in first
    assert result.errors[1].startswith("Baris 4:") and "“enam” bukan tanggal" in result.errors[1]
    assert result.errors[2].startswith("Baris 5:") and "nama indikator kosong" in result.errors[2]
    assert result.errors[3].startswith("Baris 8:") and "baris 2" in result.errors[3]
    assert (ReleaseDate.objects.count(), Indicator.objects.count()) == before


@pytest.mark.django_db
def test_leap_day_and_header_problems():
    assert parse_arc(HEADER + "X,BPS,,29,,,,,,,,,,\n", 2028).ok
    assert not parse_arc(HEADER + "X,BPS,,29,,,,,,,,,,\n", 2026).ok
    missing = parse_arc("indicator,source,jan,feb\nX,BPS,1,1\n", 2026)
    assert missing.errors[0].startswith("Baris 1:") and "Maret" in missing.errors[0]
    assert parse_arc("", 2026).errors == ["Baris 1: berkas kosong atau tanpa judul kolom."]
    unknown = parse_arc(
        "indicator,themes,jan,feb,mar,apr,may,jun,jul,aug,sep,oct,nov,dec\nX,Antariksa,1,,,,,,,,,,,\n",
        2026,
    )
    assert unknown.errors == ["Baris 2: tema “Antariksa” tidak dikenal."]
    assert not parse_arc(b"\xff\xfe\x00bad", 2026).ok


@pytest.mark.django_db
def test_management_command(tmp_path, capsys):
    good = tmp_path / "arc.csv"
    good.write_text(HEADER + "Profil Kemiskinan,BPS,,,,,,,1,,,,,\n", encoding="utf-8")
    call_command("import_arc", str(good), "--year", "2030")
    assert year_dates(2030) == {("Profil Kemiskinan", datetime.date(2030, 7, 1))}

    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "Profil Kemiskinan,BPS,,,,,,,32,,,,,\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_arc", str(bad), "--year", "2031")
    assert "Baris 2" in capsys.readouterr().err
    assert year_dates(2031) == set()


def test_admin_upload(client, admin_user, viewer):
    url = reverse("home_arc_import")
    client.force_login(viewer)
    assert client.get(url).status_code in (302, 403)  # Wagtail sends them back to the admin home
    row = "Profil Kemiskinan,BPS,1,,,,,,,,,,,\n"
    sheet = SimpleUploadedFile("arc.csv", (HEADER + row).encode())
    client.post(url, {"year": "2029", "file": sheet})
    assert year_dates(2029) == set()

    client.force_login(admin_user)
    assert client.get(url).status_code == 200
    bad = SimpleUploadedFile("arc.csv", (HEADER + "Profil Kemiskinan,BPS,,30,,,,,,,,,,\n").encode())
    response = client.post(url, {"year": "2029", "file": bad})
    html = response.content.decode()
    assert "Baris 2" in html and "30 Februari 2029 tidak ada" in html
    assert 'value="2029"' in html  # the year typed is kept
    assert year_dates(2029) == set()

    good = SimpleUploadedFile("arc.csv", (HEADER + "Profil Kemiskinan,BPS,,,,,,,1,,,,,\n").encode())
    response = client.post(url, {"year": "2029", "file": good})
    assert "Pratinjau ARC 2029" in response.content.decode()
    assert year_dates(2029) == set()  # a preview first
    sheet = response.context["confirm_form"].initial["sheet"]
    response = client.post(url, {"year": "2029", "sheet": sheet, "confirm": "1"})
    assert "ARC 2029 diimpor" in response.content.decode()
    assert year_dates(2029) == {("Profil Kemiskinan", datetime.date(2029, 7, 1))}


@freeze_time("2026-04-15T03:00:00Z")
def test_ics_feed(client, db):
    import_arc((REFERENCE_DIR / "arc_2024.csv").read_bytes(), 2026)
    ReleaseDate.objects.create(
        indicator=Indicator.objects.get(name="Profil Kemiskinan"), date=datetime.date(2029, 7, 1)
    )  # outside the feed's window (last year to next year)
    response = client.get("/kalender-rilis.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    expected = ReleaseDate.objects.filter(date__year__in=[2025, 2026, 2027]).count()
    assert len(events) == expected > 0
    assert calendar["X-WR-TIMEZONE"] == "Asia/Jakarta"
    poverty = [e for e in events if "Profil Kemiskinan" in str(e["SUMMARY"])]
    assert [e.decoded("DTSTART") for e in poverty] == [datetime.date(2026, 7, 1)]
    event = poverty[0]
    assert event.decoded("DTEND") == datetime.date(2026, 7, 2)
    assert type(event.decoded("DTSTART")) is datetime.date  # all-day
    assert "/cari/?indicator=profil-kemiskinan" in str(event["URL"])
    uids = {str(e["UID"]) for e in events}
    assert len(uids) == len(events)
    again = icalendar.Calendar.from_ical(client.get("/kalender-rilis.ics").content)
    assert {str(e["UID"]) for e in again.walk("VEVENT")} == uids


@freeze_time("2026-04-15T03:00:00Z")
def test_calendar_page(client, db):
    import_arc((REFERENCE_DIR / "arc_2024.csv").read_bytes(), 2026)
    response = client.get(reverse("arc_calendar"), {"year": "2026"})
    assert response.status_code == 200
    months = response.context["months"]
    assert [m["month"] for m in months] == list(range(1, 13))
    assert [r["date"] for r in months[6]["releases"]] == [datetime.date(2026, 7, 1)]
    july = [i.name for i in months[6]["releases"][0]["indicators"]]
    assert "Profil Kemiskinan" in july
    assert months[3]["is_current"] and not months[4]["is_current"]
    html = response.content.decode()
    assert "Desember 2026" in html and 'href="/cari/?indicator=profil-kemiskinan"' in html
    assert "/kalender-rilis.ics" in html
    # default year is this year; nonsense falls back to it
    assert client.get(reverse("arc_calendar")).context["year"] == 2026
    assert client.get(reverse("arc_calendar"), {"year": "abc"}).context["year"] == 2026
    assert client.get(reverse("arc_calendar"), {"year": "2024"}).context["release_count"] > 0


def test_indicator_themes_exist_for_arc(db):
    # every indicator of the reference ARC is linked to at least one theme
    for indicator in Indicator.objects.filter(releases__isnull=False).distinct():
        assert indicator.themes.exists(), indicator
    assert Theme.objects.filter(indicators__isnull=False).exists()


@pytest.mark.django_db
def test_superscript_day_is_a_clear_error_not_a_crash():
    result = parse_arc(HEADER + "Profil Kemiskinan,BPS,\u00b2,,,,,,,,,,,\n", 2030)
    assert not result.ok
    assert "Baris 2" in result.errors[0] and "bukan tanggal" in result.errors[0]
    # Arabic-Indic digits and full-width digits are refused the same way
    for cell in ["\u0663", "\uff11", "1.5", "+1"]:
        assert not parse_arc(HEADER + f"Profil Kemiskinan,BPS,{cell},,,,,,,,,,,\n", 2030).ok


def test_upload_with_a_superscript_day_answers_a_message(client, admin_user):
    client.force_login(admin_user)
    sheet = SimpleUploadedFile(
        "arc.csv", (HEADER + "Profil Kemiskinan,BPS,\u00b2,,,,,,,,,,,\n").encode()
    )
    response = client.post(reverse("home_arc_import"), {"year": "2030", "file": sheet})
    assert response.status_code == 200
    assert "bukan tanggal" in response.content.decode()


@pytest.mark.django_db
def test_indicator_name_longer_than_the_column_is_refused():
    name = "Indikator " + "x" * 490
    result = import_arc(HEADER + f"{name},BPS,1,,,,,,,,,,,\n", 2030)
    assert not result.ok
    assert "Baris 2: nama indikator 500 karakter; paling banyak 160." in result.errors
    assert not Indicator.objects.filter(name__startswith="Indikator xxx").exists()
    long_source = import_arc(HEADER + f"Profil Kemiskinan,{'B' * 61},1,,,,,,,,,,,\n", 2030)
    assert "Baris 2: sumber 61 karakter; paling banyak 60." in long_source.errors


@pytest.mark.django_db
def test_a_failure_part_way_leaves_the_database_untouched(monkeypatch):
    before = year_dates(2031), Indicator.objects.count()
    sheet = (
        HEADER + "Indikator Baru Satu,BPS,1,,,,,,,,,,,\n" + "Profil Kemiskinan,BPS,2,,,,,,,,,,,\n"
    )
    calls = []
    real = ReleaseDate.objects.bulk_create

    def fail_on_second_row(objs, *args, **kwargs):
        calls.append(objs)
        if len(calls) == 2:
            raise RuntimeError("database gone")
        return real(objs, *args, **kwargs)

    monkeypatch.setattr(ReleaseDate.objects, "bulk_create", fail_on_second_row)
    with pytest.raises(RuntimeError):
        import_arc(sheet, 2031)
    assert len(calls) == 2  # the first row had been written
    assert (year_dates(2031), Indicator.objects.count()) == before
    assert not Indicator.objects.filter(name="Indikator Baru Satu").exists()


@pytest.mark.django_db
def test_preview_lists_what_would_be_added_removed_and_kept_without_writing():
    import_arc(HEADER + "Pertumbuhan Ekonomi,BPS,,5,,,6,,,5,,,5,\n", 2032)
    sheet = (
        HEADER
        + "Pertumbuhan Ekonomi,BPS,,6,,,6,,,5,,,5,\n"
        + "Indeks Harga Rumah,BI,,,,,,,,,,,,15\n"
    )
    before = year_dates(2032)
    result = preview_arc(sheet, 2032)
    assert result.ok and not result.imported
    growth, house = result.changes
    assert growth.added == [datetime.date(2032, 2, 6)]
    assert growth.removed == [datetime.date(2032, 2, 5)]
    assert growth.kept == 3 and not growth.new_indicator
    assert house.new_indicator and house.added == [datetime.date(2032, 12, 15)]
    assert (result.added, result.removed, result.indicators_created) == (
        2,
        1,
        ["Indeks Harga Rumah"],
    )
    assert "Belum ada yang diubah" in result.summary()
    assert year_dates(2032) == before
    assert not Indicator.objects.filter(name="Indeks Harga Rumah").exists()


def test_admin_preview_page_shows_the_changes(client, admin_user):
    import_arc(HEADER + "Pertumbuhan Ekonomi,BPS,,5,,,6,,,5,,,5,\n", 2032)
    client.force_login(admin_user)
    sheet = SimpleUploadedFile(
        "arc.csv", (HEADER + "Pertumbuhan Ekonomi,BPS,,6,,,6,,,5,,,5,\n").encode()
    )
    html = client.post(reverse("home_arc_import"), {"year": "2032", "file": sheet}).content.decode()
    assert "Pratinjau ARC 2032" in html and "Impor sekarang" in html
    assert "6 Feb 2032" in html and "5 Feb 2032" in html  # added and removed
    assert datetime.date(2032, 2, 5) in {d for _n, d in year_dates(2032)}


def test_admin_release_dates_newest_first_with_a_year_filter(client, admin_user):
    import_arc(HEADER + "Profil Kemiskinan,BPS,,,,,,,1,,,,,\n", 2027)
    client.force_login(admin_user)
    url = reverse("wagtailsnippets_phenomena_releasedate:list")
    response = client.get(url)
    html = response.content.decode()
    dates = [release.date for release in response.context["object_list"]]
    assert dates[0] == datetime.date(2027, 7, 1) and dates == sorted(dates, reverse=True)
    assert "1 Jul 2027" in html and any(d.year == 2024 for d in dates)
    assert 'name="year"' in html and ">2027<" in html and ">2024<" in html
    html = client.get(url, {"year": "2024"}).content.decode()
    assert "1 Jul 2027" not in html and "2024" in html
    html = client.get(url, {"year": "2027"}).content.decode()
    assert "1 Jul 2027" in html and " 2024<" not in html
