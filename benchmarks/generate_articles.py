"""Generate synthetic news articles for the ``kg build`` throughput benchmark.

Usage::

    python benchmarks/generate_articles.py --n 1000 --out /tmp/articles \\
        [--seed 0] [--langs kk,ru,en]

Why synthetic: the benchmark must be reproducible anywhere and free to redistribute, and
real archives are neither.  The articles are built from templates written for this
benchmark (no real article text), in the plain-text news layout ``kg`` reads (title line,
date line in the article's language, blank line, 3-6 paragraphs), 1,500-3,500 characters
long like real agency news, so that per-article costs (sentence splitting, gazetteer
scans, graph size) are realistic.

Every article carries facts the mappers are built for -- meetings, forums, memoranda
signed, visits, appointments -- between persons who hold posts in organizations from
``kg/gazetteers/organizations.json``, in cities from ``places.json``, with posts from
``roles.json``.  The person pool is a few hundred first-name x surname combinations with a
fixed post each, so entities recur across articles as they do in a real archive (which
exercises resolution and the entities graph, not only per-article work).  Neutral filler
sentences about cooperation bring the articles to a realistic length.

Determinism: article ``i`` is generated from its own RNG seeded with ``(seed, i)``, so
the output is byte-identical for a seed and the first N articles of a larger run are the
N articles of a smaller one.  Languages are assigned round-robin.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

LANGS = ("kk", "ru", "en")
GAZETTEERS = Path(__file__).resolve().parent.parent / "kg" / "gazetteers"
MIN_CHARS, MAX_CHARS = 1500, 3500
PERSON_POOL = 320  # distinct persons shared by all languages
FOREIGN_POOL = 60  # extra persons with non-Kazakh names, in English articles only
FIRST_DATE, LAST_DATE = dt.date(2015, 1, 1), dt.date(2024, 12, 31)

# -- name lists (written for this benchmark: common given names and surnames) ----------

# (gender, kk, ru, en)
FIRST_NAMES: tuple[tuple[str, str, str, str], ...] = (
    ("m", "Ерлан", "Ерлан", "Erlan"),
    ("m", "Нұрлан", "Нурлан", "Nurlan"),
    ("m", "Марат", "Марат", "Marat"),
    ("m", "Бауыржан", "Бауыржан", "Baurzhan"),
    ("m", "Арман", "Арман", "Arman"),
    ("m", "Дәурен", "Даурен", "Dauren"),
    ("m", "Серік", "Серик", "Serik"),
    ("m", "Асқар", "Аскар", "Askar"),
    ("m", "Тимур", "Тимур", "Timur"),
    ("m", "Ержан", "Ержан", "Yerzhan"),
    ("m", "Қайрат", "Кайрат", "Kairat"),
    ("m", "Бақытжан", "Бахытжан", "Bakhytzhan"),
    ("f", "Айгерім", "Айгерим", "Aigerim"),
    ("f", "Дана", "Дана", "Dana"),
    ("f", "Әсел", "Асель", "Assel"),
    ("f", "Гүлнар", "Гульнар", "Gulnar"),
    ("f", "Жанар", "Жанар", "Zhanar"),
    ("f", "Мадина", "Мадина", "Madina"),
    ("f", "Салтанат", "Салтанат", "Saltanat"),
    ("f", "Сәуле", "Сауле", "Saule"),
    ("f", "Айнұр", "Айнур", "Ainur"),
    ("f", "Ләззат", "Ляззат", "Lyazzat"),
    ("f", "Динара", "Динара", "Dinara"),
    ("f", "Меруерт", "Меруерт", "Meruert"),
)

# Masculine forms (kk, ru, en); the feminine adds "а"/"a" (Сейітов → Сейітова).
SURNAMES: tuple[tuple[str, str, str], ...] = (
    ("Сейітов", "Сеитов", "Seitov"),
    ("Ахметов", "Ахметов", "Akhmetov"),
    ("Жұмабаев", "Жумабаев", "Zhumabayev"),
    ("Омаров", "Омаров", "Omarov"),
    ("Тоқтаров", "Токтаров", "Toktarov"),
    ("Қасымов", "Касымов", "Kassymov"),
    ("Есенов", "Есенов", "Yessenov"),
    ("Мұқанов", "Муканов", "Mukanov"),
    ("Ержанов", "Ержанов", "Yerzhanov"),
    ("Сәрсенбаев", "Сарсенбаев", "Sarsenbayev"),
    ("Әбдірахманов", "Абдрахманов", "Abdrakhmanov"),
    ("Нұрғалиев", "Нургалиев", "Nurgaliyev"),
    ("Бекенов", "Бекенов", "Bekenov"),
    ("Тұрсынов", "Турсынов", "Tursynov"),
    ("Исабеков", "Исабеков", "Issabekov"),
    ("Жақыпов", "Жакупов", "Zhakupov"),
    ("Кенжебаев", "Кенжебаев", "Kenzhebayev"),
    ("Рахымов", "Рахимов", "Rakhimov"),
    ("Дәулетов", "Даулетов", "Dauletov"),
    ("Смағұлов", "Смагулов", "Smagulov"),
)

# Persons from partner countries in English articles: (given, surname).
FOREIGN_FIRST = (
    "Thomas",
    "Anna",
    "Martin",
    "Laura",
    "Daniel",
    "Sophie",
    "Lukas",
    "Elena",
    "Pieter",
    "Ingrid",
    "Jun-ho",
    "Hye-jin",
)
FOREIGN_SURNAMES = (
    "Keller",
    "Novak",
    "Lindqvist",
    "Moreau",
    "Brennan",
    "Hoffmann",
    "Kowalczyk",
    "Verhoeven",
    "Castellano",
    "Choi",
)

# Posts an organization plausibly has, by gazetteer id or kind (role ids from roles.json).
ROLES_BY_ORG: dict[str, tuple[str, ...]] = {
    "acsh": ("chair", "expert", "adviser", "executive-director"),
    "worldbank": ("vice-president", "director", "representative", "expert"),
    "imf": ("director", "representative", "expert"),
    "adb": ("vice-president", "executive-director", "director", "representative"),
    "ebrd": ("vice-president", "director", "representative"),
    "aapa": ("president", "vice-president", "expert"),
    "kz-government": ("adviser", "representative"),
    "kz-mfa": ("deputy-minister", "adviser", "representative"),
    "kz-civil-service-agency": ("chair", "deputy-chair", "adviser"),
    "kz-akorda": ("head", "adviser"),
    "kz-apa": ("rector", "professor", "expert"),
    "kr-mpm": ("deputy-minister", "director", "adviser"),
}
ROLES_DEFAULT = (
    "secretary-general",
    "deputy-secretary-general",
    "director",
    "executive-director",
    "representative",
    "adviser",
    "expert",
)

# Parallel (en, ru, kk) phrases; ru forums also carry their genitive head and gender.
FORUMS: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "International Forum on Civil Service Reform",
        "Международный форум по реформе государственной службы",
        "мемлекеттік қызметті реформалау жөніндегі халықаралық форум",
        "форума",
        "m",
    ),
    (
        "Regional Conference on Digital Government",
        "Региональная конференция по цифровому правительству",
        "цифрлық үкімет жөніндегі өңірлік конференция",
        "конференции",
        "f",
    ),
    (
        "Annual Forum on Public Sector Innovation",
        "Ежегодный форум по инновациям в государственном секторе",
        "мемлекеттік сектордағы инновациялар жөніндегі жыл сайынғы форум",
        "форума",
        "m",
    ),
    (
        "International Conference on Meritocracy in Public Service",
        "Международная конференция по меритократии в государственной службе",
        "мемлекеттік қызметтегі меритократия жөніндегі халықаралық конференция",
        "конференции",
        "f",
    ),
    (
        "Regional Seminar on Anti-Corruption Policy",
        "Региональный семинар по антикоррупционной политике",
        "сыбайлас жемқорлыққа қарсы саясат жөніндегі өңірлік семинар",
        "семинара",
        "m",
    ),
    (
        "International Summit on Human Capital in Government",
        "Международный саммит по человеческому капиталу в государственном управлении",
        "мемлекеттік басқарудағы адами капитал жөніндегі халықаралық саммит",
        "саммита",
        "m",
    ),
)

# What a memorandum is about: (en "on ...", ru "о ...", kk "... туралы").
TOPICS: tuple[tuple[str, str, str], ...] = (
    (
        "cooperation in civil service training",
        "сотрудничестве в области подготовки государственных служащих",
        "мемлекеттік қызметшілерді даярлау саласындағы ынтымақтастық",
    ),
    (
        "joint research on public administration",
        "совместных исследованиях в сфере государственного управления",
        "мемлекеттік басқару саласындағы бірлескен зерттеулер",
    ),
    (
        "the exchange of experience in digital government",
        "обмене опытом в области цифрового правительства",
        "цифрлық үкімет саласындағы тәжірибе алмасу",
    ),
    (
        "a regional capacity-building programme",
        "региональной программе повышения квалификации",
        "біліктілікті арттырудың өңірлік бағдарламасы",
    ),
    (
        "cooperation in merit-based recruitment",
        "сотрудничестве в сфере меритократического отбора кадров",
        "меритократиялық іріктеу саласындағы ынтымақтастық",
    ),
)

QUOTES: dict[str, tuple[str, ...]] = {
    "en": (
        "Good administration is built one institution at a time",
        "We see this partnership as a practical roadmap, not a formality",
        "Our civil servants learn most from the experience of their peers",
        "Trust in government begins with a professional civil service",
        "Digital tools matter only when they make services simpler for citizens",
        "The region needs shared solutions rather than declarations",
    ),
    "ru": (
        "Эффективное государственное управление строится шаг за шагом",
        "Мы рассматриваем это партнёрство как практическую дорожную карту",
        "Государственные служащие лучше всего учатся на опыте коллег",
        "Доверие к государству начинается с профессиональной государственной службы",
        "Цифровые инструменты важны, когда они упрощают услуги для граждан",
        "Региону нужны общие решения, а не декларации",
    ),
    "kk": (
        "Тиімді мемлекеттік басқару біртіндеп қалыптасады",
        "Біз бұл серіктестікті нақты жол картасы ретінде қарастырамыз",
        "Мемлекеттік қызметшілер әріптестерінің тәжірибесінен көп үйренеді",
        "Мемлекетке деген сенім кәсіби мемлекеттік қызметтен басталады",
        "Цифрлық құралдар азаматтарға қызметті жеңілдеткенде ғана маңызды",
        "Өңірге декларациялар емес, ортақ шешімдер қажет",
    ),
}

# Neutral sentences that make the length realistic; {org} is an organization's name in
# the nominative, {year} a year.
FILLERS: dict[str, tuple[str, ...]] = {
    "en": (
        "The sides discussed cooperation in the training of civil servants and the "
        "exchange of experience in digital government.",
        "Particular attention was paid to merit-based recruitment, performance "
        "management and the professional development of young specialists.",
        "The participants agreed to continue the dialogue and to hold regular "
        "consultations at the expert level.",
        "According to the organisers, more than two hundred civil servants, scholars "
        "and experts from Central Asia and the Caucasus took part in the sessions.",
        "The programme included panel discussions on public sector innovation, "
        "anti-corruption policy and the ethics of public service.",
        "The {org} has supported reforms of public administration in the region since {year}.",
        "Experts noted that the countries of the region face similar challenges in "
        "attracting and retaining qualified personnel.",
        "A joint working group will prepare proposals on the next steps by the end of the year.",
        "The delegations also exchanged views on the results of previous projects "
        "and on the priorities for the coming years.",
        "The organisers plan to publish the conclusions of the discussions in a "
        "collection of case studies.",
        "Representatives of academia stressed the importance of evidence-based "
        "policy making and open data.",
        "Special sessions were devoted to the use of artificial intelligence in "
        "public services and to the protection of personal data.",
        "Since {year}, the {org} has trained several thousand civil servants from "
        "the participating countries.",
        "The event was broadcast online, and the presentations are available on the "
        "website of the organisers.",
        "Participants visited public service centres and got acquainted with the "
        "practice of providing services on a one-stop-shop basis.",
        "The parties emphasised that cooperation should bring tangible benefits to "
        "citizens and businesses.",
        "Young researchers presented the results of comparative studies of civil "
        "service systems in the region.",
        "It was also proposed to create a network of training centres for the "
        "exchange of curricula and teaching materials.",
        "The discussion continued in thematic working groups on human resource "
        "management and digital transformation.",
        "The next meeting of the working group is expected to take place in the autumn.",
        "The {org} will provide methodological support for the implementation of "
        "the agreed activities.",
        "The participants noted the growing interest of partner countries in the "
        "regional platform for the exchange of experience.",
    ),
    "ru": (
        "Стороны обсудили сотрудничество в области подготовки государственных "
        "служащих и обмен опытом в сфере цифрового правительства.",
        "Особое внимание было уделено меритократическому отбору кадров, управлению "
        "эффективностью и профессиональному развитию молодых специалистов.",
        "Участники договорились продолжить диалог и проводить регулярные "
        "консультации на экспертном уровне.",
        "По данным организаторов, в работе сессий приняли участие более двухсот "
        "государственных служащих, учёных и экспертов из Центральной Азии и Кавказа.",
        "Программа включала панельные дискуссии по инновациям в государственном "
        "секторе, антикоррупционной политике и этике государственной службы.",
        "{org} поддерживает реформы государственного управления в регионе с {year} года.",
        "Эксперты отметили, что страны региона сталкиваются со схожими проблемами "
        "при привлечении и удержании квалифицированных кадров.",
        "Совместная рабочая группа до конца года подготовит предложения по дальнейшим шагам.",
        "Делегации также обменялись мнениями о результатах предыдущих проектов и о "
        "приоритетах на ближайшие годы.",
        "Организаторы планируют опубликовать выводы дискуссий в сборнике практических кейсов.",
        "Представители академического сообщества подчеркнули важность "
        "доказательной политики и открытых данных.",
        "Отдельные сессии были посвящены применению искусственного интеллекта в "
        "государственных услугах и защите персональных данных.",
        "С {year} года {org} ежегодно проводит курсы для государственных служащих стран-участниц.",
        "Мероприятие транслировалось онлайн, презентации доступны на сайте организаторов.",
        "Участники посетили центры обслуживания населения и ознакомились с "
        "практикой оказания услуг по принципу одного окна.",
        "Стороны подчеркнули, что сотрудничество должно приносить ощутимую пользу "
        "гражданам и бизнесу.",
        "Молодые исследователи представили результаты сравнительных исследований "
        "систем государственной службы в регионе.",
        "Также было предложено создать сеть учебных центров для обмена учебными "
        "программами и материалами.",
        "Обсуждение продолжилось в тематических рабочих группах по управлению "
        "человеческими ресурсами и цифровой трансформации.",
        "Следующее заседание рабочей группы планируется провести осенью.",
        "{org} окажет методическую поддержку в реализации согласованных мероприятий.",
        "Участники отметили растущий интерес стран-партнёров к региональной "
        "платформе обмена опытом.",
    ),
    "kk": (
        "Тараптар мемлекеттік қызметшілерді даярлау және цифрлық үкімет "
        "саласындағы тәжірибе алмасу мәселелерін талқылады.",
        "Кадрларды меритократиялық іріктеуге, тиімділікті басқаруға және жас "
        "мамандардың кәсіби дамуына ерекше назар аударылды.",
        "Қатысушылар диалогты жалғастыруға және сарапшылар деңгейінде тұрақты "
        "консультациялар өткізуге уағдаласты.",
        "Ұйымдастырушылардың мәліметінше, сессиялардың жұмысына Орталық Азия мен "
        "Кавказдан екі жүзден астам мемлекеттік қызметші, ғалым және сарапшы "
        "қатысты.",
        "Бағдарлама мемлекеттік сектордағы инновациялар, сыбайлас жемқорлыққа "
        "қарсы саясат және мемлекеттік қызмет этикасы жөніндегі панельдік "
        "талқылауларды қамтыды.",
        "{org} {year} жылдан бері өңірдегі мемлекеттік басқару реформаларын қолдап келеді.",
        "Сарапшылар өңір елдерінің білікті кадрларды тарту және сақтау кезінде "
        "ұқсас қиындықтарға тап болатынын атап өтті.",
        "Бірлескен жұмыс тобы жыл соңына дейін келесі қадамдар бойынша ұсыныстар дайындайды.",
        "Делегациялар сондай-ақ бұрынғы жобалардың нәтижелері мен алдағы жылдарға "
        "арналған басымдықтар туралы пікір алмасты.",
        "Ұйымдастырушылар талқылау қорытындыларын практикалық кейстер жинағында "
        "жариялауды жоспарлап отыр.",
        "Академиялық қауымдастық өкілдері дәлелді саясат пен ашық деректердің "
        "маңыздылығын атап көрсетті.",
        "Жеке сессиялар мемлекеттік қызметтерде жасанды интеллектіні қолдануға "
        "және дербес деректерді қорғауға арналды.",
        "{year} жылдан бері {org} қатысушы елдердің бірнеше мың мемлекеттік қызметшісін оқытты.",
        "Іс-шара онлайн режимде көрсетілді, презентациялар ұйымдастырушылардың "
        "сайтында қолжетімді.",
        "Қатысушылар халыққа қызмет көрсету орталықтарына барып, бір терезе "
        "қағидаты бойынша қызмет көрсету тәжірибесімен танысты.",
        "Тараптар ынтымақтастық азаматтар мен бизнеске нақты пайда әкелуі керек екенін атап өтті.",
        "Жас зерттеушілер өңірдегі мемлекеттік қызмет жүйелерін салыстырмалы "
        "зерттеу нәтижелерін таныстырды.",
        "Сондай-ақ оқу бағдарламалары мен материалдарымен алмасу үшін оқу "
        "орталықтарының желісін құру ұсынылды.",
        "Талқылау адами ресурстарды басқару және цифрлық трансформация жөніндегі "
        "тақырыптық жұмыс топтарында жалғасты.",
        "Жұмыс тобының келесі отырысын күзде өткізу жоспарлануда.",
        "{org} келісілген іс-шараларды іске асыруға әдістемелік қолдау көрсетеді.",
        "Қатысушылар серіктес елдердің тәжірибе алмасу жөніндегі өңірлік алаңға "
        "деген қызығушылығы артып келе жатқанын атап өтті.",
    ),
}

MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "ru": (
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ),
    "kk": (
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    ),
}


def cap(text: str) -> str:
    """Upper-case the first letter only (``str.capitalize`` would lower the rest)."""
    return text[:1].upper() + text[1:]


# -- minimal Kazakh morphology ---------------------------------------------------------
# Kazakh suffixes follow vowel harmony (back/front, from the last vowel) and assimilate
# to the last sound.  These rules cover the names used here; a few loanwords that
# break them are listed explicitly.

_KK_BACK = frozenset("аоұыяё")
_KK_FRONT = frozenset("әеөүіиэю")
_KK_VOWELS = _KK_BACK | _KK_FRONT
_KK_SONORANT = frozenset("лмнңрйу")
_KK_VOICELESS_LIKE = frozenset("кқпстфхцчшщбвгд")
_KK_IRREGULAR: dict[tuple[str, str], str] = {
    ("банк", "gen"): "банкінің",
    ("Баку", "loc"): "Бакуде",
    ("Минск", "loc"): "Минскіде",
    ("Баку", "dat"): "Бакуге",
    ("Минск", "dat"): "Минскіге",
}


def _kk_front(word: str) -> bool:
    for ch in reversed(word.lower()):
        if ch in _KK_FRONT:
            return True
        if ch in _KK_BACK or ch == "у":
            return False
    return False


def kk_suffix(phrase: str, case: str) -> str:
    """Put the last word of ``phrase`` in a case: ``gen`` (-ның), ``acc`` (-ды), ``loc``
    (-да), ``dat`` (-ға), ``ins`` (-мен), or the 3rd-person possessive ``poss`` (-ы/-сы)."""
    head, _, word = phrase.rpartition(" ")
    prefix = f"{head} " if head else ""
    if (word, case) in _KK_IRREGULAR:
        return prefix + _KK_IRREGULAR[word, case]
    last = word[-1].lower()
    front = _kk_front(word)
    vowel = last in _KK_VOWELS and last not in "иу"
    voiceless = last in _KK_VOICELESS_LIKE
    if case == "gen":
        if vowel or last in "мнң":
            suffix = "нің" if front else "ның"
        elif voiceless:
            suffix = "тің" if front else "тың"
        else:
            suffix = "дің" if front else "дың"
    elif case == "loc":
        suffix = ("те" if front else "та") if voiceless else ("де" if front else "да")
    elif case == "dat":
        suffix = ("ке" if front else "қа") if voiceless else ("ге" if front else "ға")
    elif case == "acc":
        if vowel:
            suffix = "ні" if front else "ны"
        elif voiceless:
            suffix = "ті" if front else "ты"
        else:
            suffix = "ді" if front else "ды"
    elif case == "ins":
        suffix = kk_conjunction(word)
    elif case == "poss":
        suffix = ("сі" if front else "сы") if vowel else ("і" if front else "ы")
    else:
        raise ValueError(case)
    return prefix + word + suffix


def kk_conjunction(word: str) -> str:
    """``мен``/``бен``/``пен``: the Kazakh "and"/"with", chosen by the preceding sound."""
    last = word[-1].lower()
    if last in _KK_VOWELS or last in _KK_SONORANT:
        return "мен"
    if last in "жз":
        return "бен"
    return "пен"


def kk_possessive(role: str) -> str:
    """A post as it stands after its organization (``ұйымының бас хатшысы``); some
    gazetteer names are already possessive (``министр орынбасары``)."""
    last = role.rsplit(" ", 1)[-1]
    if last.endswith(("сы", "сі")) or last in {"министрі", "орынбасары"}:
        return role
    return kk_suffix(role, "poss")


# -- minimal Russian morphology ---------------------------------------------------------
# Organization names, posts and cities start with adjectives agreeing with a head noun,
# followed by an uninflected genitive complement ("Всемирный банк" → "Всемирного банка",
# "Программа развития ООН" → "Программы развития ООН"), so only the leading adjectives
# and the head noun are inflected.

_RU_ADJ_ENDINGS = ("ый", "ий", "ой", "ая", "яя", "ое", "ее")
_RU_SIBILANT_VELAR = frozenset("гкхжшчщ")
_RU_HUSHING = frozenset("жшчщц")


def _ru_adjective(word: str, case: str) -> str:
    stem, end = word[:-2], word[-2:]
    if end in ("ая", "яя"):
        return stem + ("ей" if end == "яя" else "ой")  # genitive = instrumental here
    if case == "ins":
        return stem + ("им" if end in ("ий", "ее") else "ым")
    soft = end in ("ий", "ее") and not (stem and stem[-1] in _RU_SIBILANT_VELAR)
    return stem + ("его" if soft else "ого")


# Endings replaced by case (gen, ins, prep, acc); checked longest first.
_RU_NOUN_ENDINGS: dict[str, tuple[str, str, str, str]] = {
    "ство": ("ства", "ством", "стве", "ство"),
    "ия": ("ии", "ией", "ии", "ию"),
    "ие": ("ия", "ием", "ии", "ие"),
    "я": ("и", "ей", "е", "ю"),
    "ь": ("я", "ем", "е", "ь"),  # masculine: секретарь, председатель, Брюссель
    "й": ("я", "ем", "е", "й"),
}
_RU_CASES = ("gen", "ins", "prep", "acc")


def _ru_noun(word: str, case: str) -> str:
    k = _RU_CASES.index(case)
    for ending, forms in _RU_NOUN_ENDINGS.items():
        if word.endswith(ending):
            return word[: -len(ending)] + forms[k]
    last, before = word[-1], word[-2:-1]
    if last == "а":
        gen = "и" if before in _RU_SIBILANT_VELAR else "ы"
        ins = "ей" if before in _RU_HUSHING else "ой"
        return word[:-1] + (gen, ins, "е", "у")[k]
    if last in "оиуыэюе":
        return word  # indeclinable: Алматы, Тбилиси, Токио, Душанбе
    return word + ("а", "ем" if last in _RU_HUSHING else "ом", "е", "")[k]


def ru_inflect(phrase: str, case: str) -> str:
    """Inflect the leading adjectives and the head noun of a Russian noun phrase into
    ``gen``, ``ins``, ``prep`` or ``acc``; the rest (its genitive complement) stays."""
    words = phrase.split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        if word == "и" and out:
            out.append(word)
            continue
        if word.lower().endswith(_RU_ADJ_ENDINGS) and i + 1 < len(words):
            out.append(_ru_adjective(word, "ins" if case == "ins" else "gen"))
            continue
        out.append(_ru_noun(word, case))
        return " ".join(out + words[i + 1 :])
    return " ".join(out)


def ru_about(phrase: str) -> str:
    """The preposition "about" before a prepositional phrase: ``об обмене``, ``о работе``."""
    return f"{'об' if phrase[:1].lower() in 'аоуэи' else 'о'} {phrase}"


def ru_name_instrumental(first: str, surname: str, gender: str) -> str:
    """``Ерлан Сеитов`` → ``Ерланом Сеитовым``; ``Айгерим Сеитова`` → ``Айгерим Сеитовой``
    (feminine names ending in a consonant do not decline)."""
    if gender == "m":
        first_ins = first[:-1] + "ем" if first.endswith("й") else first + "ом"
        return f"{first_ins} {surname}ым"
    first_ins = first[:-1] + "ой" if first.endswith("а") else first
    return f"{first_ins} {surname[:-1]}ой"


# -- gazetteer data ---------------------------------------------------------------------


@dataclass(frozen=True)
class Named:
    """A gazetteer entry with its preferred name in each language."""

    id: str
    names: dict[str, str]


def _load(name: str) -> list[dict]:
    data = json.loads((GAZETTEERS / f"{name}.json").read_text(encoding="utf-8"))
    return list(data["entries"])


def load_gazetteers() -> tuple[list[Named], list[Named], dict[str, Named]]:
    """Organizations, cities and roles, each with its first (preferred) name per language."""

    def named(entry: dict) -> Named:
        return Named(entry["id"], {lang: entry["names"][lang][0] for lang in LANGS})

    orgs = [named(e) for e in _load("organizations") if e.get("category") == "organization"]
    places = [named(e) for e in _load("places") if e.get("kind") == "city"]
    roles = {e["id"]: named(e) for e in _load("roles")}
    return orgs, places, roles


@dataclass(frozen=True)
class Person:
    """A person of the pool: a name in each language and one post held throughout."""

    gender: str
    first: dict[str, str]
    surname: dict[str, str]
    org: Named
    role: Named
    langs: tuple[str, ...] = LANGS

    def name(self, lang: str) -> str:
        return f"{self.first[lang]} {self.surname[lang]}"


def make_people(
    seed: int, orgs: list[Named], roles: dict[str, Named]
) -> tuple[list[Person], list[Person]]:
    """The shared pool (Kazakh names, all languages) and a foreign pool (English only);
    drawn once per seed so every article of a run meets the same people."""
    rng = random.Random(f"{seed}:people")
    combos = [(f, s) for f in range(len(FIRST_NAMES)) for s in range(len(SURNAMES))]
    people: list[Person] = []

    def post() -> tuple[Named, Named]:
        org = rng.choice(orgs)
        return org, roles[rng.choice(ROLES_BY_ORG.get(org.id, ROLES_DEFAULT))]

    for fi, si in rng.sample(combos, PERSON_POOL):
        gender, *first = FIRST_NAMES[fi]
        feminine = {"kk": "а", "ru": "а", "en": "a"} if gender == "f" else {}
        surname = {lang: SURNAMES[si][k] + feminine.get(lang, "") for k, lang in enumerate(LANGS)}
        org, role = post()
        people.append(Person(gender, dict(zip(LANGS, first, strict=True)), surname, org, role))
    foreign: list[Person] = []
    foreign_combos = [(f, s) for f in FOREIGN_FIRST for s in FOREIGN_SURNAMES]
    for first_name, surname_en in rng.sample(foreign_combos, FOREIGN_POOL):
        org, role = post()
        foreign.append(
            Person("x", {"en": first_name}, {"en": surname_en}, org, role, langs=("en",))
        )
    return people, foreign


# -- writers: one per language -----------------------------------------------------------


@dataclass
class Scene:
    """What one article is about: who, where, when, which forum and document."""

    topic: str
    people: list[Person]
    city: Named
    date: dt.date
    forum: tuple[str, str, str, str, str]
    subject: tuple[str, str, str]
    orgs: tuple[Named, Named]
    former: tuple[Named, Named]  # an earlier post (org, role) of people[2]


class Writer(ABC):
    """Renders the facts of a scene as sentences of one language."""

    lang = ""

    @abstractmethod
    def date(self, d: dt.date) -> str:
        """The date as the language writes it in running text."""

    def date_line(self, d: dt.date) -> str:
        return self.date(d)

    @abstractmethod
    def facts(self, s: Scene, rng: random.Random) -> list[list[str]]:
        """The scene's fact sentences, grouped by paragraph."""

    @abstractmethod
    def title(self, s: Scene) -> str:
        """The article's title line."""

    def filler(self, rng: random.Random, orgs: Sequence[Named]) -> list[str]:
        """The language's filler sentences in a random order, placeholders filled."""
        items = list(FILLERS[self.lang])
        rng.shuffle(items)
        return [
            cap(f.format(org=rng.choice(orgs).names[self.lang], year=rng.randint(2005, 2014)))
            for f in items
        ]


class EnglishWriter(Writer):
    lang = "en"

    def date(self, d: dt.date) -> str:
        return f"{d.day} {MONTHS['en'][d.month - 1]} {d.year}"

    @staticmethod
    def role(role: Named) -> str:
        """``deputy secretary-general`` → ``Deputy Secretary-General``."""
        words = role.names["en"].split()
        return " ".join("-".join(cap(part) for part in w.split("-")) for w in words)

    def post(self, p: Person, org: Named | None = None, role: Named | None = None) -> str:
        org, role = org or p.org, role or p.role
        prep = "to" if role.id == "adviser" else "of"
        return f"{self.role(role)} {prep} the {org.names['en']}"

    def facts(self, s: Scene, rng: random.Random) -> list[list[str]]:
        a, b, c, d = (p.name("en") for p in s.people)
        pa, pb, pc, pd = (self.post(p) for p in s.people)
        city, date = s.city.names["en"], self.date(s.date)
        forum, head = s.forum[0], s.forum[0].split()[1]
        o1, o2 = (o.names["en"] for o in s.orgs)
        quote = rng.choice(QUOTES["en"])
        meeting = rng.choice(
            (
                f"{pa} {a} met {b}, {pb}, in {city} on {date}.",
                f"{a}, {pa}, held talks with {pb} {b} in {city} on {date}.",
                f"On {date}, {pa} {a} held a bilateral meeting with {b}, {pb}, in {city}.",
            )
        )
        lead = {
            "meeting": [meeting, f'"{quote}," {a} said after the meeting.'],
            "forum": [
                f"The {forum} took place in {city} on {date}.",
                f"The {head} was organised by the {o1} and the {o2}.",
                f"The {head} was addressed by {pa} {a}, who presented a review of "
                "civil service systems in the region.",
            ],
            "signing": [
                f"The {o1} and the {o2} signed a memorandum of understanding on "
                f"{s.subject[0]} in {city} on {date}.",
                f"The document was signed by {pa} {a} and {pb} {b}.",
                f'"{quote}," Mr. {s.people[0].surname["en"]} said after the ceremony.'
                if s.people[0].gender == "m"
                else f'"{quote}," {a} said after the ceremony.',
            ],
            "visit": [
                f"{pa} {a} paid an official visit to {city} on {date}.",
                f"During the visit, {a} met {b}, {pb}.",
            ],
            "appointment": [
                f"{a} was appointed {self.post(s.people[0])}.",
                f"On {date}, {a} held a first working meeting with {pb} {b} in {city}.",
            ],
        }[s.topic]
        extra = [
            [
                f"On the sidelines of the {head if s.topic == 'forum' else 'meeting'}, {c}, "
                f"{pc}, met {d}, {pd}. The two discussed joint training programmes."
            ],
            [f"{d}, {pd}, also spoke at the opening session."],
            [f"{c}, former {self.post(s.people[2], *s.former)}, took part in the discussion."],
            [f"{pc} {c} and {pd} {d} signed an agreement on {s.subject[0]}."],
        ]
        rng.shuffle(extra)
        return [lead, *extra[: rng.randint(1, 3)]]

    def title(self, s: Scene) -> str:
        o1, o2 = (o.names["en"] for o in s.orgs)
        city = s.city.names["en"]
        a = s.people[0]
        return {
            "meeting": f"{a.name('en')} meets {s.people[1].name('en')} in {city}",
            "forum": f"{s.forum[0]} held in {city}",
            "signing": f"{o1} and {o2} sign memorandum on {s.subject[0]}",
            "visit": f"{a.name('en')} pays official visit to {city}",
            "appointment": f"New {self.role(a.role)} of the {a.org.names['en']} appointed",
        }[s.topic]


class RussianWriter(Writer):
    lang = "ru"

    def date(self, d: dt.date) -> str:
        return f"{d.day} {MONTHS['ru'][d.month - 1]} {d.year}"

    @staticmethod
    def post(p: Person, case: str = "nom", org: Named | None = None) -> str:
        """``исполнительный директор Азиатского банка развития`` (role in ``case``)."""
        role = p.role.names["ru"] if case == "nom" else ru_inflect(p.role.names["ru"], case)
        return f"{role} {ru_inflect((org or p.org).names['ru'], 'gen')}"

    @staticmethod
    def verb(p: Person, masc: str, fem: str) -> str:
        return fem if p.gender == "f" else masc

    def facts(self, s: Scene, rng: random.Random) -> list[list[str]]:
        pa, pb, pc, pd = s.people
        a, b, c, d = (p.name("ru") for p in s.people)
        b_ins = ru_name_instrumental(pb.first["ru"], pb.surname["ru"], pb.gender)
        d_ins = ru_name_instrumental(pd.first["ru"], pd.surname["ru"], pd.gender)
        city = s.city.names["ru"]
        in_city, to_city = ru_inflect(city, "prep"), ru_inflect(city, "acc")
        date = f"{self.date(s.date)} года"
        forum, forum_gen, forum_gender = s.forum[1], s.forum[3], s.forum[4]
        o1, o2 = (o.names["ru"] for o in s.orgs)
        quote = rng.choice(QUOTES["ru"])
        met = self.verb(pa, "встретился", "встретилась")
        held = self.verb(pa, "провёл", "провела")
        meeting = rng.choice(
            (
                f"{cap(self.post(pa))} {a} {met} с {self.post(pb, 'ins')} {b_ins} "
                f"в {in_city} {date}.",
                f"{date[:1].upper()}{date[1:]} в {in_city} {self.post(pa)} {a} {held} "
                f"переговоры с {self.post(pb, 'ins')} {b_ins}.",
                f"{cap(self.post(pa))} {a} и {self.post(pb)} {b} провели встречу в {in_city}.",
            )
        )
        said = self.verb(pa, "отметил", "отметила")
        lead = {
            "meeting": [meeting, f"«{quote}», — {said} {a}."],
            "forum": [
                f"{cap(forum)} {'прошла' if forum_gender == 'f' else 'прошёл'} в {in_city} {date}.",
                f"Организаторами {forum_gen} выступили {o1} и {o2}.",
                f"С приветственным словом к участникам "
                f"{self.verb(pa, 'обратился', 'обратилась')} {self.post(pa)} {a}.",
            ],
            "signing": [
                f"{o1} и {o2} подписали меморандум {ru_about(s.subject[1])} {date} в {in_city}.",
                f"Документ подписали {self.post(pa)} {a} и {self.post(pb)} {b}.",
                f"«{quote}», — {said} {a} после церемонии.",
            ],
            "visit": [
                f"{cap(self.post(pa))} {a} {self.verb(pa, 'прибыл', 'прибыла')} с "
                f"официальным визитом в {to_city} {date}.",
                f"В ходе визита {a} {met} с {self.post(pb, 'ins')} {b_ins}.",
            ],
            "appointment": [
                f"{a} {self.verb(pa, 'назначен', 'назначена')} "
                f"{ru_inflect(pa.role.names['ru'], 'ins')} "
                f"{ru_inflect(pa.org.names['ru'], 'gen')}.",
                f"{date[:1].upper()}{date[1:]} {a} {held} первую рабочую встречу с "
                f"{self.post(pb, 'ins')} {b_ins} в {in_city}.",
            ],
        }[s.topic]
        parent = forum_gen if s.topic == "forum" else "встречи"
        extra = [
            [
                f"В рамках {parent} {self.post(pc)} {c} {self.verb(pc, 'провёл', 'провела')} "
                f"переговоры с {self.post(pd, 'ins')} {d_ins}."
            ],
            [f"На открытии также {self.verb(pd, 'выступил', 'выступила')} {self.post(pd)} {d}."],
            [
                f"В обсуждении {self.verb(pc, 'принял', 'приняла')} участие бывший "
                f"{s.former[1].names['ru']} "
                f"{ru_inflect(s.former[0].names['ru'], 'gen')} {c}."
            ],
            [
                f"{cap(self.post(pc))} {c} и {self.post(pd)} {d} подписали соглашение "
                f"{ru_about(s.subject[1])}."
            ],
        ]
        rng.shuffle(extra)
        return [lead, *extra[: rng.randint(1, 3)]]

    def title(self, s: Scene) -> str:
        o1, o2 = (o.names["ru"] for o in s.orgs)
        in_city = ru_inflect(s.city.names["ru"], "prep")
        a = s.people[0]
        return {
            "meeting": f"В {in_city} обсудили вопросы сотрудничества в сфере госслужбы",
            "forum": f"В {in_city} {'прошла' if s.forum[4] == 'f' else 'прошёл'} "
            + " ".join(s.forum[1].split()[:2]).lower(),
            "signing": f"{o1} и {o2} подписали меморандум",
            "visit": f"{a.name('ru')} {self.verb(a, 'посетил', 'посетила')} {s.city.names['ru']}",
            "appointment": f"Назначен новый {a.role.names['ru']} "
            f"{ru_inflect(a.org.names['ru'], 'gen')}",
        }[s.topic]


class KazakhWriter(Writer):
    lang = "kk"

    def date(self, d: dt.date) -> str:
        return f"{d.year} жылғы {d.day} {kk_suffix(MONTHS['kk'][d.month - 1], 'loc')}"

    def date_line(self, d: dt.date) -> str:
        return f"{d.year} ж. {d.day} {MONTHS['kk'][d.month - 1]}"

    @staticmethod
    def post(p: Person, org: Named | None = None, role: Named | None = None) -> str:
        """``Азия даму банкінің атқарушы директоры`` (organization in the genitive)."""
        org, role = org or p.org, role or p.role
        return f"{kk_suffix(org.names['kk'], 'gen')} {kk_possessive(role.names['kk'])}"

    def facts(self, s: Scene, rng: random.Random) -> list[list[str]]:
        pa, pb, pc, pd = s.people
        a, b, c, d = (p.name("kk") for p in s.people)
        city = s.city.names["kk"]
        in_city, to_city = kk_suffix(city, "loc"), kk_suffix(city, "dat")
        date = self.date(s.date)
        forum, head = s.forum[2], s.forum[2].rsplit(" ", 1)[1]
        o1, o2 = (o.names["kk"] for o in s.orgs)
        quote = rng.choice(QUOTES["kk"])
        meeting = rng.choice(
            (
                f"{date} {in_city} {self.post(pa)} {a} {self.post(pb)} "
                f"{kk_suffix(b, 'ins')} кездесті.",
                f"{cap(self.post(pa))} {a} {in_city} {self.post(pb)} {kk_suffix(b, 'ins')} "
                "келіссөздер жүргізді.",
                f"{date} {a} {kk_conjunction(a)} {b} {in_city} екіжақты кездесу өткізді.",
            )
        )
        lead = {
            "meeting": [meeting, f"«{quote}», – деді {a} кездесуден кейін."],
            "forum": [
                f"{date} {in_city} {forum} өтті.",
                f"{cap(kk_suffix(head, 'acc'))} {o1} {kk_conjunction(o1)} {o2} ұйымдастырды.",
                f"{cap(kk_suffix(head, 'loc'))} {self.post(pa)} {a} сөз сөйледі.",
            ],
            "signing": [
                f"{date} {in_city} {o1} {kk_conjunction(o1)} {o2} {s.subject[2]} туралы "
                "меморандумға қол қойды.",
                f"Құжатқа {self.post(pa)} {a} {kk_conjunction(a)} {self.post(pb)} {b} қол қойды.",
                f"«{quote}», – деді {a} рәсімнен кейін.",
            ],
            "visit": [
                f"{date} {self.post(pa)} {a} {to_city} ресми сапармен келді.",
                f"Сапар барысында {a} {self.post(pb)} {kk_suffix(b, 'ins')} кездесті.",
            ],
            "appointment": [
                f"{a} {self.post(pa)} болып тағайындалды.",
                f"{date} {a} {in_city} {self.post(pb)} {kk_suffix(b, 'ins')} алғашқы "
                "жұмыс кездесуін өткізді.",
            ],
        }[s.topic]
        parent = head if s.topic == "forum" else "кездесу"
        extra = [
            [
                f"{cap(parent)} аясында {self.post(pc)} {c} {self.post(pd)} "
                f"{kk_suffix(d, 'ins')} келіссөздер жүргізді."
            ],
            [f"Ашылу сессиясында {self.post(pd)} {d} сөз сөйледі."],
            [
                f"Талқылауға {kk_suffix(s.former[0].names['kk'], 'gen')} бұрынғы "
                f"{kk_possessive(s.former[1].names['kk'])} {c} қатысты."
            ],
            [
                f"{cap(self.post(pc))} {c} {kk_conjunction(c)} {self.post(pd)} {d} "
                f"{s.subject[2]} туралы келісімге қол қойды."
            ],
        ]
        rng.shuffle(extra)
        return [lead, *extra[: rng.randint(1, 3)]]

    def title(self, s: Scene) -> str:
        o1, o2 = (o.names["kk"] for o in s.orgs)
        city = s.city.names["kk"]
        a = s.people[0]
        return {
            "meeting": f"{cap(kk_suffix(city, 'loc'))} мемлекеттік қызмет саласындағы "
            "ынтымақтастық талқыланды",
            "forum": f"{cap(kk_suffix(city, 'loc'))} {s.forum[2]} өтті",
            "signing": f"{o1} {kk_conjunction(o1)} {o2} меморандумға қол қойды",
            "visit": f"{a.name('kk')} {kk_suffix(city, 'dat')} ресми сапармен барды",
            "appointment": f"{cap(kk_suffix(a.org.names['kk'], 'gen'))} жаңа "
            f"{kk_possessive(a.role.names['kk'])} тағайындалды",
        }[s.topic]


WRITERS: dict[str, Callable[[], Writer]] = {
    "en": EnglishWriter,
    "ru": RussianWriter,
    "kk": KazakhWriter,
}
TOPIC_WEIGHTS = {"meeting": 3, "forum": 3, "signing": 3, "visit": 1, "appointment": 1}


# -- articles ---------------------------------------------------------------------------


class ArticleGenerator:
    """Builds article ``i`` of a run; holds the gazetteer data and the person pools."""

    def __init__(self, seed: int = 0, langs: Sequence[str] = LANGS) -> None:
        unknown = set(langs) - set(LANGS)
        if unknown or not langs:
            raise ValueError(f"languages must be among {', '.join(LANGS)}: {sorted(unknown)}")
        self.seed = seed
        self.langs = tuple(langs)
        self.orgs, self.places, self.roles = load_gazetteers()
        self.people, self.foreign = make_people(seed, self.orgs, self.roles)
        self.writers = {lang: WRITERS[lang]() for lang in self.langs}
        self.span_days = (LAST_DATE - FIRST_DATE).days

    def scene(self, rng: random.Random, lang: str) -> Scene:
        pool = self.people + self.foreign if lang == "en" else self.people
        topics = list(TOPIC_WEIGHTS)
        orgs = rng.sample(self.orgs, 2)
        former_org = rng.choice(self.orgs)
        former_role = self.roles[rng.choice(ROLES_BY_ORG.get(former_org.id, ROLES_DEFAULT))]
        return Scene(
            topic=rng.choices(topics, weights=[TOPIC_WEIGHTS[t] for t in topics])[0],
            people=rng.sample(pool, 4),
            city=rng.choice(self.places),
            date=FIRST_DATE + dt.timedelta(days=rng.randint(0, self.span_days)),
            forum=rng.choice(FORUMS),
            subject=rng.choice(TOPICS),
            orgs=(orgs[0], orgs[1]),
            former=(former_org, former_role),
        )

    def article(self, i: int) -> tuple[str, str]:
        """``(file name, text)`` of article ``i``."""
        lang = self.langs[i % len(self.langs)]
        rng = random.Random(f"{self.seed}:{i}")
        writer = self.writers[lang]
        s = self.scene(rng, lang)
        published = s.date + dt.timedelta(days=rng.randint(0, 2))
        groups = writer.facts(s, rng)
        n_par = rng.randint(3, 6)
        paragraphs: list[list[str]] = [[] for _ in range(n_par)]
        paragraphs[0].extend(groups[0])
        for k, group in enumerate(groups[1:]):
            paragraphs[1 + k % (n_par - 1)].extend(group)
        target = rng.randint(MIN_CHARS, MAX_CHARS)

        def length() -> int:
            return sum(len(" ".join(p)) + 2 for p in paragraphs)

        for sentence in writer.filler(rng, self.orgs):
            if length() >= target - 80:
                break
            if length() + len(sentence) > target + 120:
                continue
            shortest = min(range(n_par), key=lambda k: len(" ".join(paragraphs[k])))
            paragraphs[shortest].append(sentence)
        body = "\n\n".join(" ".join(p) for p in paragraphs if p)
        text = f"{writer.title(s)}\n{writer.date_line(published)}\n\n{body}\n"
        return f"{i:05d}_{lang}.txt", text


def generate(n: int, out: Path, seed: int = 0, langs: Sequence[str] = LANGS) -> list[Path]:
    """Write ``n`` articles into ``out`` (created if needed) and return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    gen = ArticleGenerator(seed, langs)
    paths = []
    for i in range(n):
        name, text = gen.article(i)
        path = out / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def parse_langs(value: str) -> tuple[str, ...]:
    """``"kk,ru,en"`` → ``("kk", "ru", "en")``, rejecting unknown codes early."""
    langs = tuple(v.strip() for v in value.split(",") if v.strip())
    bad = [v for v in langs if v not in LANGS]
    if bad or not langs:
        raise argparse.ArgumentTypeError(f"unknown language(s) {bad}; use some of {LANGS}")
    return langs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, required=True, help="number of articles")
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--langs", type=parse_langs, default=LANGS, help="languages, round-robin (kk,ru,en)"
    )
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("--n must be >= 0")
    paths = generate(args.n, args.out, args.seed, args.langs)
    total = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} articles ({total / 1e6:.1f} MB) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
