from lineofsight.core import fragments


def test_a_part_is_built_once_while_what_it_depends_on_is_unchanged():
    built = []

    def build():
        built.append(1)
        return f"part {len(built)}"

    assert fragments.kept("test-part", ("org", 1), build) == "part 1"
    assert fragments.kept("test-part", ("org", 1), build) == "part 1"
    assert fragments.kept("test-part", ("org", 2), build) == "part 2"
    assert len(built) == 2


def test_parts_of_different_names_never_share_a_key():
    assert fragments.key_for("dashboard", (1,)) != fragments.key_for("indicator", (1,))


def test_a_changed_template_gives_every_part_a_new_key(tmp_path, monkeypatch):
    import lineofsight

    package = tmp_path / "lineofsight"
    (package / "jinja2").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    template = package / "jinja2" / "page.jinja"
    template.write_text("<p>{{ value }}</p>")
    monkeypatch.setattr(lineofsight, "__file__", str(package / "__init__.py"))
    fragments.build_digest.cache_clear()
    before = fragments.key_for("dashboard", (1,))
    template.write_text("<p class='new'>{{ value }}</p>")
    fragments.build_digest.cache_clear()
    try:
        assert fragments.key_for("dashboard", (1,)) != before
    finally:
        fragments.build_digest.cache_clear()
