"""French verbs in the present, for turning an action's bare infinitive into a sentence.

« Porter l'aide familiale à cinq matinées » carried by a partner becomes « Nadia … porte l'aide
familiale… »; carried by the person, « Vous portez… ». Regular verbs follow their group's rule, with
the spelling changes of the first group (appelle, achète, préfère, envoie); the irregular verbs an
action is written with are listed, their compounds found by their ending (prévenir, revoir,
reprendre, décrire). No Textual, no I/O.
"""

from __future__ import annotations

PERSONS = ("3s", "3p", "2p", "1p")

# infinitive ending -> (3rd singular, 3rd plural, 2nd plural, 1st plural) endings replacing it.
# Longest endings first: "prévenir" is found by "venir", "reprendre" by "prendre".
IRREGULAR: dict[str, tuple[str, str, str, str]] = {
    "être": ("est", "sont", "êtes", "sommes"),
    "avoir": ("a", "ont", "avez", "avons"),
    "aller": ("va", "vont", "allez", "allons"),
    "faire": ("fait", "font", "faites", "faisons"),
    "dire": ("dit", "disent", "dites", "disons"),
    "venir": ("vient", "viennent", "venez", "venons"),
    "tenir": ("tient", "tiennent", "tenez", "tenons"),
    "prendre": ("prend", "prennent", "prenez", "prenons"),
    "mettre": ("met", "mettent", "mettez", "mettons"),
    "battre": ("bat", "battent", "battez", "battons"),
    "crire": ("crit", "crivent", "crivez", "crivons"),
    "lire": ("lit", "lisent", "lisez", "lisons"),
    "duire": ("duit", "duisent", "duisez", "duisons"),
    "struire": ("struit", "struisent", "struisez", "struisons"),
    "voir": ("voit", "voient", "voyez", "voyons"),
    "cevoir": ("çoit", "çoivent", "cevez", "cevons"),
    "devoir": ("doit", "doivent", "devez", "devons"),
    "pouvoir": ("peut", "peuvent", "pouvez", "pouvons"),
    "vouloir": ("veut", "veulent", "voulez", "voulons"),
    "savoir": ("sait", "savent", "savez", "savons"),
    "boire": ("boit", "boivent", "buvez", "buvons"),
    "vivre": ("vit", "vivent", "vivez", "vivons"),
    "suivre": ("suit", "suivent", "suivez", "suivons"),
    "naître": ("naît", "naissent", "naissez", "naissons"),
    "aître": ("aît", "aissent", "aissez", "aissons"),
    "ouvrir": ("ouvre", "ouvrent", "ouvrez", "ouvrons"),
    "couvrir": ("couvre", "couvrent", "couvrez", "couvrons"),
    "offrir": ("offre", "offrent", "offrez", "offrons"),
    "souffrir": ("souffre", "souffrent", "souffrez", "souffrons"),
    "cueillir": ("cueille", "cueillent", "cueillez", "cueillons"),
    "courir": ("court", "courent", "courez", "courons"),
    "dormir": ("dort", "dorment", "dormez", "dormons"),
    "partir": ("part", "partent", "partez", "partons"),
    "sortir": ("sort", "sortent", "sortez", "sortons"),
    "sentir": ("sent", "sentent", "sentez", "sentons"),
    "mentir": ("ment", "mentent", "mentez", "mentons"),
    "servir": ("sert", "servent", "servez", "servons"),
    "indre": ("int", "ignent", "ignez", "ignons"),
    "soudre": ("sout", "solvent", "solvez", "solvons"),
    "plaire": ("plaît", "plaisent", "plaisez", "plaisons"),
    "envoyer": ("envoie", "envoient", "envoyez", "envoyons"),
}
_BY_LENGTH = sorted(IRREGULAR, key=len, reverse=True)

SUBJUNCTIVE_2P = {"être": "soyez", "avoir": "ayez", "faire": "fassiez", "pouvoir": "puissiez",
                  "savoir": "sachiez", "vouloir": "vouliez", "aller": "alliez"}

SECOND_GROUP_NOT = {"haïr"}
EXACT_ONLY = {"aller", "avoir", "être"}
"""Bases that are not endings of other verbs (installer is not a compound of aller)."""
_DOUBLING = ("appeler", "rappeler", "jeter", "rejeter", "renouveler", "épeler", "ficeler")


def is_infinitive(word: str) -> bool:
    w = word.lower()
    return len(w) > 2 and w.endswith(("er", "ir", "re", "oir", "ïr"))


def _first_group(verb: str, person: str) -> str:
    stem = verb[:-2]
    if person in ("2p",):
        return stem + "ez"
    if person == "1p":
        if stem.endswith("g"):
            return stem + "eons"
        if stem.endswith("c"):
            return stem[:-1] + "çons"
        return stem + "ons"
    ending = "e" if person == "3s" else "ent"
    if verb in _DOUBLING or any(verb.endswith(d) for d in _DOUBLING):
        return stem + stem[-1] + ending
    if stem.endswith(("oy", "uy")):
        return stem[:-1] + "i" + ending
    if stem.endswith("ay"):
        return stem[:-1] + "i" + ending
    # e or é before a final consonant (group) becomes è: lève, mène, achète, préfère, règle, complète
    for n in (1, 2):
        if len(stem) > n + 1 and stem[-n - 1] in "eé" and stem[-n:].isalpha() and not any(
                c in "aeiouyéèêë" for c in stem[-n:]) and stem[-n:] not in ("ss", "ll", "tt", "nn", "mm"):
            if n == 2 and stem[-2:] not in ("gl", "gn", "br", "tr", "vr", "cr", "pl", "bl", "dr", "ch"):
                continue
            return stem[: -n - 1] + "è" + stem[-n:] + ending
    return stem + ending


def conjugate(verb: str, person: str) -> str:
    """`verb` (an infinitive) in the present: '3s' il/elle, '3p' ils, '2p' vous, '1p' nous."""
    verb = verb.lower()
    for base in _BY_LENGTH:
        if verb == base or verb.endswith(base) and base not in EXACT_ONLY:
            prefix = verb[: -len(base)]
            if base in ("dire",) and prefix and person == "2p":
                return prefix + "disez"  # interdisez, prédisez (only « dites » and « redites »)
            return prefix + IRREGULAR[base][PERSONS.index(person)]
    if verb.endswith("er"):
        return _first_group(verb, person)
    if verb.endswith("ir") and verb not in SECOND_GROUP_NOT:
        stem = verb[:-2]
        return stem + {"3s": "it", "3p": "issent", "2p": "issez", "1p": "issons"}[person]
    if verb.endswith("dre"):
        stem = verb[:-2]
        return stem + {"3s": "", "3p": "ent", "2p": "ez", "1p": "ons"}[person]
    if verb.endswith("re"):
        stem = verb[:-2]
        return stem + {"3s": "t", "3p": "ent", "2p": "ez", "1p": "ons"}[person]
    return verb


def subjunctive_2p(verb: str) -> str:
    """« que vous … »: the nous stem with -iez (buviez, preniez, appeliez), a few by heart."""
    verb = verb.lower()
    for base, form in SUBJUNCTIVE_2P.items():
        if verb == base or (verb.endswith(base) and base in ("faire",)):
            return verb[: -len(base)] + form
    nous = conjugate(verb, "1p")
    if nous.endswith("ons"):
        stem = nous[:-3]
        if stem.endswith("ge"):
            stem = stem[:-1]
        if stem.endswith("ç"):
            stem = stem[:-1] + "c"
        return stem + "iez"
    return conjugate(verb, "2p")
