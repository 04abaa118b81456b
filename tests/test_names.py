"""Name keys, person-name comparison and clustering, organization identity, overrides."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from kg.names.clusters import PersonNames, explain
from kg.names.keys import differ_by_reduced_vowel, loose_key, word_key
from kg.names.organizations import OrgNames, org_identity
from kg.names.overrides import OverrideError, Overrides
from kg.names.persons import Reason, compare, parse_person


@pytest.mark.parametrize(
    "spellings",
    [
        ("Әлихан", "Алихан", "Alikhan", "Álıhan", "A'lihan", "Alihan"),
        ("Тоқаев", "Токаев", "Tokayev", "Toqaev"),
        ("Евгений", "Yevgeny", "Evgeniy", "Evgeny"),
        ("Жұмабеков", "Жумабеков", "Zhumabekov", "Jumabekov"),
        ("Шерзод", "Sherzod", "S'erzod", "Şerzod"),
        ("Бауыржан", "Baýyrjan"),
        ("Кесслер", "Кеслер"),
    ],
)
def test_word_key_joins_scripts_and_transliterations(spellings: tuple[str, ...]) -> None:
    assert len({word_key(s) for s in spellings}) == 1


@pytest.mark.parametrize(("a", "b"), [("Омаров", "Умаров"), ("Назарбаев", "Назарбаева")])
def test_word_key_keeps_different_surnames_apart(a: str, b: str) -> None:
    assert word_key(a) != word_key(b)


def test_loose_key_and_reduced_vowels() -> None:
    assert loose_key("ЧонХо") == loose_key("Jongho")
    assert loose_key("СынХун") == loose_key("Seunghoon")
    assert differ_by_reduced_vowel(word_key("Тілеуберді"), word_key("Тлеуберди"))
    assert not differ_by_reduced_vowel(word_key("Омаров"), word_key("Умаров"))


SAME = [
    ("Алихан Байменов", "Alikhan Baimenov", Reason.SCRIPT),
    ("Ә.Байменов", "Alikhan Baimenov", Reason.INITIALS),
    ("Mr. Baimenov", "Alikhan Baimenov", Reason.SURNAME),
    ("Байменов мырза", "Алихан Байменов", Reason.SURNAME),
    ("Kim Pan Suk", "Pan Suk Kim", Reason.ORDER),
    ("BAIMENOV Alikhan", "Alikhan Baimenov", Reason.ORDER),
    ("Nursultan Abishevich Nazarbayev", "Nursultan Nazarbayev", Reason.PATRONYMIC),
    ("N. A. Nazarbayev", "Нұрсұлтан Әбішұлы Назарбаев", Reason.INITIALS),
    ("Ли Чон Хо", "Lee Jong-ho", Reason.ROMANIZATION),
    ("Aleksandr Ivanov", "Alexander Ivanov", Reason.VARIANT),
    ("Қасым-Жомарт Кемелұлы Тоқаев", "Токаев Касым-Жомарт Кемелевич", Reason.ORDER),
]
DIFFERENT = [
    ("Ерлан Байменов", "Алихан Байменов"),
    ("Е. Байменов", "Алихан Байменов"),
    ("Назарбаев", "Назарбаева"),
    ("Marat Omarov", "Murat Omarov"),
    ("Kim Min-su", "Kim Pan Suk"),
    ("Lee Jong-ho", "Lee Jeong-ho"),
    ("Alikhan", "Alikhan Baimenov"),  # a given name alone is not the surname
    ("Aleksandr Ivanov", "Aleksandra Ivanova"),
    ("Ерлан Серикович Абенов", "Ерлан Маратович Абенов"),
    ("Ван И", "Ван Ян"),
]


@pytest.mark.parametrize(("a", "b", "reason"), SAME)
def test_compare_same_person(a: str, b: str, reason: Reason) -> None:
    assert compare(parse_person(a), parse_person(b)) is reason
    assert compare(parse_person(b), parse_person(a)) is not None


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_compare_different_people(a: str, b: str) -> None:
    assert compare(parse_person(a), parse_person(b)) is None


def test_parse_strips_honorifics_and_finds_initials_and_patronymic() -> None:
    name = parse_person("H.E. Mr. N. A. Nazarbayev")
    assert name.honorific and name.words == ("nazarbaev",) and name.initials == ("n", "a")
    assert parse_person("Қасым-Жомарт Кемелұлы Тоқаев").patronymic == "kemel"


def _clusters(names: list[str], overrides: Overrides | None = None) -> dict[str, str]:
    index = PersonNames(overrides)
    for name in names:
        index.add(name)
    return {name: index.slug(name) for name in names}


def test_clusters_join_variants_under_one_slug_whatever_the_order() -> None:
    names = ["Alikhan Baimenov", "Алихан Байменов", "Ә.Байменов", "Mr. Baimenov", "Álıhan Báımenov"]
    slugs = {frozenset(_clusters(list(p)).items()) for p in itertools.permutations(names)}
    assert len(slugs) == 1
    assert set(_clusters(names).values()) == {"alikhan-baimenov"}


def test_ambiguous_initials_and_bare_surnames_stay_apart() -> None:
    slugs = _clusters(["Alikhan Baimenov", "Askar Baimenov", "A. Baimenov", "Mr. Baimenov"])
    assert slugs["Alikhan Baimenov"] != slugs["Askar Baimenov"]
    assert slugs["A. Baimenov"] not in (slugs["Alikhan Baimenov"], slugs["Askar Baimenov"])
    assert slugs["Mr. Baimenov"] not in (slugs["Alikhan Baimenov"], slugs["Askar Baimenov"])


def test_common_surnames_alone_never_merge() -> None:
    slugs = _clusters(["Pan Suk Kim", "Mr. Kim"])
    assert slugs["Pan Suk Kim"] != slugs["Mr. Kim"]


def test_overrides_forbid_and_force_merges(tmp_path: Path) -> None:
    path = tmp_path / "o.toml"
    path.write_text(
        '[[distinct]]\nnames = ["Alikhan Baimenov", "A. Baimenov"]\n'
        '[[same]]\nnames = ["Mr. Kim", "Pan Suk Kim"]\n',
        encoding="utf-8",
    )
    overrides = Overrides.load(path)
    slugs = _clusters(["Alikhan Baimenov", "A. Baimenov", "Pan Suk Kim", "Mr. Kim"], overrides)
    assert slugs["Alikhan Baimenov"] != slugs["A. Baimenov"]
    assert slugs["Mr. Kim"] == slugs["Pan Suk Kim"]


def test_pinned_names_keep_their_node_and_attract_variants() -> None:
    index = PersonNames()
    index.pin("Алихан Байменов", "baimenov-a")
    index.add("Alikhan Baimenov")
    assert index.slug("Alikhan Baimenov") == "baimenov-a"


def test_explain_names_the_rule() -> None:
    assert explain("Ә.Байменов", ["Alikhan Baimenov"]) == Reason.INITIALS.value


@pytest.mark.parametrize(
    ("name", "lang", "path"),
    [
        ("ЭЫДҰ", "kk", "org/oecd"),
        ("Organisation for Economic Co-operation and Development", "en", "org/oecd"),
        ("МИД РК", "ru", "org/kz-mfa"),
        ("Қазақстан Республикасының Сыртқы істер министрлігі", "kk", "org/kz-mfa"),
        ("the Kazakh Foreign Ministry", "en", "org/kz-mfa"),
        ("МИД Кыргызстана", "ru", "org/kg/mfa"),
        ("Ministry of Foreign Affairs of the Kyrgyz Republic", "en", "org/kg/mfa"),
        ("Исполком СНГ", "ru", "org/cis-ec"),
        ("УВКБ ООН", "ru", "org/unhcr"),
        ("Birikken Ulttar Uıymy", "kk", "org/un"),
        ("UNDP in Kazakhstan", "en", "org/undp-in-kazakhstan"),
        ("the Hub", "en", "org/acsh"),
    ],
)
def test_org_identity(name: str, lang: str, path: str) -> None:
    assert org_identity(name, lang) == path


def test_org_identity_of_a_unit_differs_from_its_parent() -> None:
    names = OrgNames.default()
    assert names.identify("OECD Public Governance Directorate", "en").path == "org/oecd-gov"
    assert org_identity("OECD", "en") == "org/oecd"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[alias]]\nname = 'x'\n", "missing entity"),
        ("[[same]]\nentities = ['person/a']\n", "two or more"),
        ("[[distinct]]\nnames = ['a', 'b']\ncolour = 1\n", "unknown field colour"),
        ("[[merge]]\n", "unknown section"),
        ("[[alias\n", "not valid TOML"),
    ],
)
def test_override_file_errors_name_the_file_and_entry(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OverrideError, match=message) as info:
        Overrides.load(path)
    assert str(path) in str(info.value)


def test_pair_file_errors_name_the_line(tmp_path: Path) -> None:
    from kg.eval.names import PairFileError, evaluate, read_pairs

    good = tmp_path / "pairs.tsv"
    header = "kind\tlang_a\tname_a\tlang_b\tname_b\tsame\twhy\n"
    good.write_text(
        "# comment\n" + header + "person\tkk\tӘ.Байменов\ten\tAlikhan Baimenov\t1\tinitials\n"
        "person\tru\tЕрлан Байменов\tru\tАлихан Байменов\t0\tshared-surname\n",
        encoding="utf-8",
    )
    report = evaluate(read_pairs(good))
    assert (report.total.tp, report.total.tn, report.errors) == (1, 1, [])
    bad = tmp_path / "bad.tsv"
    bad.write_text(header + "person\tkk\tonly three\tcolumns\n", encoding="utf-8")
    with pytest.raises(PairFileError, match=r"bad\.tsv:2"):
        read_pairs(bad)
