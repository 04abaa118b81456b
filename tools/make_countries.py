"""Regenerate kg/gazetteers/countries.json from CLDR (via babel).

Run: python tools/make_countries.py  (needs `pip install babel`; babel is a build-time
tool here, not a runtime dependency).  Kazakh/Russian/English names come from CLDR;
extra aliases that CLDR lacks (official long forms used in the news) are listed below.
"""

from __future__ import annotations

import json
from pathlib import Path

from babel import Locale

OUT = Path(__file__).resolve().parents[1] / "kg" / "gazetteers" / "countries.json"

# Long official forms the news uses and CLDR does not list (our own additions).
EXTRA = {
    "KR": {
        "en": ["Republic of Korea", "Korea"],
        "ru": ["Республика Корея", "Корея"],
        "kk": ["Корея Республикасы", "Корея"],
    },
    "KZ": {
        "en": ["Republic of Kazakhstan"],
        "ru": ["Республика Казахстан"],
        "kk": ["Қазақстан Республикасы"],
    },
    "RU": {
        "en": ["Russian Federation"],
        "ru": ["Российская Федерация", "РФ"],
        "kk": ["Ресей Федерациясы"],
    },
    "US": {
        "en": ["United States of America", "USA", "US"],
        "ru": ["Соединённые Штаты Америки", "США"],
        "kk": ["Америка Құрама Штаттары", "АҚШ"],
    },
    "KG": {
        "en": ["Kyrgyz Republic"],
        "ru": ["Киргизия", "Кыргызстан", "Кыргызская Республика"],
        "kk": ["Қырғыз Республикасы"],
    },
    "CN": {
        "en": ["People's Republic of China", "PRC"],
        "ru": ["КНР", "Китайская Народная Республика"],
        "kk": ["ҚХР", "Қытай Халық Республикасы"],
    },
    "GB": {
        "en": ["United Kingdom", "UK", "Britain"],
        "ru": ["Великобритания", "Британия", "Соединённое Королевство"],
        "kk": ["Ұлыбритания", "Британия"],
    },
    "AE": {"en": ["UAE"], "ru": ["ОАЭ"], "kk": ["БАӘ"]},
    "BY": {
        "en": ["Republic of Belarus"],
        "ru": ["Белоруссия", "Республика Беларусь"],
        "kk": ["Беларусь Республикасы"],
    },
    "MD": {"en": ["Republic of Moldova"], "ru": ["Молдавия"], "kk": ["Молдова Республикасы"]},
    "TJ": {
        "en": ["Republic of Tajikistan"],
        "ru": ["Республика Таджикистан"],
        "kk": ["Тәжікстан Республикасы"],
    },
    "UZ": {
        "en": ["Republic of Uzbekistan"],
        "ru": ["Республика Узбекистан"],
        "kk": ["Өзбекстан Республикасы"],
    },
    "AZ": {
        "en": ["Republic of Azerbaijan"],
        "ru": ["Азербайджанская Республика"],
        "kk": ["Әзербайжан", "Әзірбайжан Республикасы"],
    },
    "TM": {"ru": ["Туркмения"]},
    "TR": {"en": ["Turkey"]},
}


def _split_brackets(name: str, others: set[str]) -> list[str]:
    """CLDR writes Myanmar with its second name in brackets (``Мьянма (Бирма)``): each
    is a name of its own.  Brackets that qualify (``Гонконг (САР)``, ``Виргинские о-ва
    (США)``: an abbreviation or another territory) stay part of the name."""
    if name.endswith(")") and " (" in name:
        first, second = name[:-1].split(" (", 1)
        if " " not in second and not second.isupper() and second not in others:
            return [first, second]
    return [name]


def main() -> None:
    locales = {lang: Locale(lang) for lang in ("en", "ru", "kk")}
    entries = []
    for code in sorted(locales["en"].territories):
        if not (len(code) == 2 and code.isalpha()) or code in {
            "EU",
            "EZ",
            "UN",
            "XA",
            "XB",
            "ZZ",
            "QO",
        }:
            continue
        names = {}
        for lang, loc in locales.items():
            others = set(loc.territories.values())
            cldr = loc.territories.get(code)
            found = _split_brackets(cldr, others) if cldr else []
            found += [n for n in EXTRA.get(code, {}).get(lang, []) if n not in found]
            if found:
                names[lang] = found
        entries.append({"id": code.lower(), "category": "country", "kind": "state", "names": names})
    payload = {
        "source": "Unicode CLDR territory names via babel "
        "(tools/make_countries.py); aliases in EXTRA written by the kg team",
        "entries": entries,
    }
    OUT.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(entries)} countries to {OUT}")


if __name__ == "__main__":
    main()
