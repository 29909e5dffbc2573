"""SSDA903 CSVs: tables recognised by their columns, UK dates, upper-cased codes."""

from datetime import date

from lineofsight.formats import ssda903_csv

EPISODES = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"


def test_files_are_recognised_by_columns_not_names(tmp_path):
    (tmp_path / "a.csv").write_text(f"{EPISODES}\nC1,02/05/2024,s,c1,N1,u4,PR1,,,,,,\n")
    (tmp_path / "b.csv").write_text("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/06/2015,WBRI,,,\n")
    (tmp_path / "c.csv").write_text("CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,01/06/2015,W1,02/05/2024,,\n")
    tables, problems = ssda903_csv.parse(tmp_path)
    assert problems == []
    assert set(tables) == {"Episodes", "Header", "SWEpisodes"}
    episode = tables["Episodes"].row(0)
    assert (episode["DECOM"], episode["RNE"], episode["LS"], episode["PLACE"]) == (date(2024, 5, 2), "S", "C1", "U4")


def test_impossible_date_names_file_row_and_column(tmp_path):
    (tmp_path / "episodes.csv").write_text(f"{EPISODES}\nC1,31/02/2018,S,C1,N1,U4,PR1,,,,,,\n")
    _, problems = ssda903_csv.parse(tmp_path)
    assert [(p.file, p.row, p.field, p.code) for p in problems] == [("episodes.csv", 2, "DECOM", "date.invalid")]


def test_file_missing_a_column_says_which_table_it_resembles(tmp_path):
    (tmp_path / "episodes.csv").write_text(EPISODES.replace(",URN", "") + "\nC1,02/05/2024,S,C1,N1,U4,PR1,,,,,\n")
    _, problems = ssda903_csv.parse(tmp_path)
    assert [(p.code, p.field) for p in problems] == [("csv.missing_column", "URN")]
    assert "Episodes" in problems[0].message


def test_folder_with_no_903_tables_is_an_error(tmp_path):
    (tmp_path / "x.csv").write_text("CHILD,DOB,REVIEW,REVIEW_CODE\n")
    _, problems = ssda903_csv.parse(tmp_path)
    assert "903.no_tables" in [p.code for p in problems]
