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
