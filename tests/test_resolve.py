from helpers import kazakh_extraction

from kg.model import Role
from kg.rdf.iris import IriMinter
from kg.resolve import Resolver

BASE = "https://example.org/id/"


def _resolved():
    return Resolver(IriMinter(BASE)).resolve(kazakh_extraction())


def test_gazetteer_entities_get_gazetteer_iris() -> None:
    iris = _resolved().entities
    assert str(iris["gaz:acsh"]) == BASE + "org/acsh"
    assert str(iris["gaz:kr"]) == BASE + "country/kr"
    assert str(iris["gaz:seoul"]) == BASE + "place/seoul"


def test_units_hang_under_their_parent_with_a_language_independent_id() -> None:
    iris = _resolved().entities
    unit = next(k for k in iris if k.endswith("басқару комитеті"))
    assert str(iris[unit]) == BASE + "org/acsh/steering-committee"


def test_persons_get_transliterated_slugs() -> None:
    iris = _resolved().entities
    assert str(iris["person:алихан байменов"]) == BASE + "person/alikhan-baimenov"


def test_roles_use_gazetteer_keys_or_language_slugs() -> None:
    resolver = Resolver(IriMinter(BASE))
    assert str(resolver.role_iri(Role("төраға", "kk", "chair"))) == BASE + "role/chair"
    assert str(resolver.role_iri(Role("бас кеңесші", "kk"))) == BASE + "role/kk-bas-kengesshi"


def test_meetings_are_identified_by_date_and_parties_not_by_wording() -> None:
    a = _resolved()
    b = Resolver(IriMinter(BASE)).resolve(kazakh_extraction())
    assert list(a.events.values()) == list(b.events.values())
