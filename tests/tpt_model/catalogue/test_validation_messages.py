"""Every bad input a pilot can write gets one exact French message with file and line."""

from collections.abc import Callable
from pathlib import Path

import pytest

from tpt_model import check_catalogue

Edit = Callable[[Path], None]


def replace(rel: str, old: str, new: str) -> Edit:
    def edit(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def write(rel: str, content: str | bytes) -> Edit:
    def edit(root: Path) -> None:
        path = root / rel
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return edit


def append(rel: str, text: str) -> Edit:
    def edit(root: Path) -> None:
        with (root / rel).open("a", encoding="utf-8") as f:
            f.write(text)

    return edit


def both(*edits: Edit) -> Edit:
    def edit(root: Path) -> None:
        for one in edits:
            one(root)

    return edit


COST_LEVELS = (
    "    cost_levels:\n"
    "      - {score: 4, max_per_beneficiary_eur: 50}\n"
    "      - {score: 3, max_per_beneficiary_eur: 300}\n"
    "      - {score: 2, max_per_beneficiary_eur: 1000}\n"
    "      - {score: 1}\n"
)
BOMB = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n"

CASES: list[tuple[str, Edit, str | list[str]]] = [
    (
        "syntax",
        replace("bricks/mentorat.yaml", "title: Mentorat en ligne", "title: [Mentorat"),
        "bricks/mentorat.yaml:3:12: (syntaxe): YAML invalide : « , » ou « ] » attendu (liste non fermée ?)",
    ),
    (
        "duplicate key",
        replace("bricks/mentorat.yaml", "short_title: Mentorat\n", "short_title: Mentorat\ntitle: Autre\n"),
        "bricks/mentorat.yaml:4:1: title: clé donnée deux fois (déjà à la ligne 2)",
    ),
    (
        "unknown key",
        replace("bricks/mentorat.yaml", "pillar: empower", "pilar: empower"),
        [
            "bricks/mentorat.yaml:1:1: pillar: champ obligatoire manquant",
            "bricks/mentorat.yaml:5:1: pilar: champ inconnu « pilar » ; vouliez-vous dire « pillar » ? (champs permis : id, title, short_title, summary, title_en, summary_en, status, pillar, modality, kind, stages, timing, tracks, exits, audience, eligibility, partners, prospective_partners, working_groups, cost, hours_per_beneficiary, hours_per_trainee, duration_months, criteria, barriers, good_practices, communication, sources)",
        ],
    ),
    (
        "wrong pillar",
        replace("bricks/mentorat.yaml", "pillar: empower", "pillar: empowerment"),
        "bricks/mentorat.yaml:5:9: pillar: valeur « empowerment » invalide ; valeurs permises : empower, attract, fix_the_system",
    ),
    (
        "wrong modality",
        replace("bricks/mentorat.yaml", "modality: individuel", "modality: individual"),
        "bricks/mentorat.yaml:6:11: modality: valeur « individual » invalide ; valeurs permises : individuel, collectif, materiel",
    ),
    (
        "wrong track",
        replace("personas.yaml", "track: court", "track: courte"),
        "personas.yaml:7:12: personas[0].track: valeur « courte » invalide ; valeurs permises : court, long",
    ),
    (
        "missing field",
        replace("bricks/mentorat.yaml", "summary: Six mois de mentorat avec une professionnelle.\n", ""),
        "bricks/mentorat.yaml:1:1: summary: champ obligatoire manquant",
    ),
    (
        "id not file name",
        replace("bricks/mentorat.yaml", "id: mentorat", "id: mentorat-en-ligne"),
        "bricks/mentorat.yaml:1:5: id: l'identifiant « mentorat-en-ligne » doit être le nom du fichier (« mentorat »)",
    ),
    (
        "duplicate partner id",
        append(
            "partners.yaml",
            "  - id: inria\n    name: Inria bis\n    kind: recherche\n    description: Doublon.\n",
        ),
        "partners.yaml:12:9: partners[2].id: identifiant « inria » déjà utilisé (ligne 2)",
    ),
    (
        "unknown partner",
        replace("bricks/mentorat.yaml", "partners: [inria]", "partners: [inria, cnrs]"),
        "bricks/mentorat.yaml:12:19: partners[1]: partenaire inconnu(e) « cnrs »",
    ),
    (
        "unknown stage",
        replace("bricks/mentorat.yaml", "to: bac-2", "to: bac-9"),
        "bricks/mentorat.yaml:10:7: stages.to: étape inconnue « bac-9 » (étapes : seconde, premiere, terminale, bac-1, bac-2, emploi-1)",
    ),
    (
        "unknown criterion",
        replace("bricks/mentorat.yaml", "  abordable: 3", "  abordabilite: 3"),
        "bricks/mentorat.yaml:23:3: criteria.abordabilite: critère inconnu « abordabilite » (critères : pertinence, simplicite, abordable)",
    ),
    (
        "unknown working group",
        replace("bricks/mentorat.yaml", "working_groups: [gt1]", "working_groups: [gt7]"),
        "bricks/mentorat.yaml:13:18: working_groups[0]: groupe de travail inconnu(e) « gt7 »",
    ),
    (
        "unknown pilot",
        replace("programme.yaml", "pilots: [inria]", "pilots: [inrria]"),
        "programme.yaml:102:14: working_groups[0].pilots[0]: partenaire inconnu(e) « inrria »",
    ),
    (
        "backwards range",
        replace("bricks/mentorat.yaml", "from: terminale\n  to: bac-2", "from: bac-2\n  to: terminale"),
        "bricks/mentorat.yaml:10:7: stages.to: l'étape de fin « terminale » vient avant l'étape de début « bac-2 »",
    ),
    (
        "score off scale",
        replace("bricks/mentorat.yaml", "pertinence: 4", "pertinence: 7"),
        "bricks/mentorat.yaml:21:15: criteria.pertinence: note 7 hors de l'échelle 1 à 4",
    ),
    (
        "not utf-8",
        write("bricks/mentorat.yaml", "id: mentorat\ntitle: Caf\xe9\n".encode("latin-1")),
        "bricks/mentorat.yaml:2:11: (fichier): le fichier n'est pas encodé en UTF-8",
    ),
    (
        "alias bomb",
        write("bricks/mentorat.yaml", BOMB),
        "bricks/mentorat.yaml:2:8: b[0]: les ancres et alias YAML (&, *) ne sont pas permis",
    ),
    (
        "too big",
        write("bricks/mentorat.yaml", "# " + "x" * 300_000 + "\n"),
        "bricks/mentorat.yaml:1:1: (fichier): fichier trop gros (292 Ko, au plus 256 Ko)",
    ),
    (
        "too deep",
        write("bricks/mentorat.yaml", "id: mentorat\nsummary: " + "[" * 12 + "]" * 12 + "\n"),
        "bricks/mentorat.yaml:2:18: summary[0][0][0][0][0][0][0][0]: imbrication trop profonde (au plus 8 niveaux)",
    ),
    (
        "yes is no boolean",
        replace("bricks/mentorat.yaml", "inferred: true", "inferred: yes"),
        "bricks/mentorat.yaml:17:13: cost.inferred: booléen attendu (true ou false)",
    ),
    (
        "NO is no boolean",
        replace("bricks/mentorat.yaml", "inferred: true", "inferred: NO"),
        "bricks/mentorat.yaml:17:13: cost.inferred: booléen attendu (true ou false)",
    ),
    (
        "sexagesimal stays text",
        replace("bricks/mentorat.yaml", "hours_per_beneficiary: 12", "hours_per_beneficiary: 1:30"),
        "bricks/mentorat.yaml:19:24: hours_per_beneficiary: nombre attendu",
    ),
    (
        "a duration of no month",
        replace("bricks/mentorat.yaml", "duration_months: 6", "duration_months: 0"),
        "bricks/mentorat.yaml:34:18: duration_months: valeur 0 trop petite (au moins 1)",
    ),
    (
        "a duration in words",
        replace("bricks/mentorat.yaml", "duration_months: 6", "duration_months: six mois"),
        "bricks/mentorat.yaml:34:18: duration_months: nombre entier attendu",
    ),
    (
        "on is no boolean key",
        replace("bricks/mentorat.yaml", "audience: Lycéennes et étudiantes", "on: Lycéennes et étudiantes"),
        [
            "bricks/mentorat.yaml:1:1: audience: champ obligatoire manquant",
            "bricks/mentorat.yaml:11:1: on: champ inconnu « on » (champs permis : id, title, short_title, summary, title_en, summary_en, status, pillar, modality, kind, stages, timing, tracks, exits, audience, eligibility, partners, prospective_partners, working_groups, cost, hours_per_beneficiary, hours_per_trainee, duration_months, criteria, barriers, good_practices, communication, sources)",
        ],
    ),
    (
        "score yes",
        replace("bricks/mentorat.yaml", "simplicite: 3", "simplicite: yes"),
        "bricks/mentorat.yaml:22:15: criteria.simplicite: nombre entier attendu",
    ),
    (
        "milestone month off",
        replace("calendar.yaml", "month: 3", "month: 13"),
        "calendar.yaml:19:12: milestones[2].month: valeur 13 trop grande (au plus 12)",
    ),
    (
        "milestone unknown stage",
        replace("calendar.yaml", "stage: terminale", "stage: quatrieme"),
        "calendar.yaml:5:12: milestones[0].stage: étape inconnue « quatrieme » (étapes : seconde, premiere, terminale, bac-1, bac-2, emploi-1)",
    ),
    (
        "scenario unknown brick",
        replace("scenarios/mini.yaml", "brick: ordinateur", "brick: tablette"),
        "scenarios/mini.yaml:13:12: placements[2].brick: brique inconnue « tablette »",
    ),
    (
        "scenario end before start",
        replace("scenarios/mini.yaml", "end: {stage: bac-1, month: 6}", "end: {stage: premiere, month: 6}"),
        "scenarios/mini.yaml:10:10: placements[1].end: la fin vient avant le début",
    ),
    (
        "scenario outside axis",
        replace("scenarios/mini.yaml", "start: {stage: bac-1, month: 9}", "start: {stage: bac-8, month: 9}"),
        "scenarios/mini.yaml:14:20: placements[2].start.stage: étape « bac-8 » hors de l'axe du parcours (étapes : seconde, premiere, terminale, bac-1, bac-2, emploi-1)",
    ),
    (
        "scenario month off axis",
        replace("scenarios/mini.yaml", "end: {stage: bac-1, month: 9}", "end: {stage: bac-1, month: 0}"),
        "scenarios/mini.yaml:15:32: placements[2].end.month: valeur 0 trop petite (au moins 1)",
    ),
    # Format 2: sources as records, partner links, costs, timing.
    (
        "bad source date",
        replace(
            "bricks/mentorat.yaml",
            "    supports: [action, partners]",
            "    date: 2023-13\n    supports: [action, partners]",
        ),
        "bricks/mentorat.yaml:33:11: sources[0].date: date « 2023-13 » invalide : AAAA, AAAA-MM ou AAAA-MM-JJ (ex. « 2023-10-06 »)",
    ),
    (
        "bad source address",
        replace("bricks/mentorat.yaml", "url: https://techpourtoutes.io", "url: techpourtoutes.io"),
        "bricks/mentorat.yaml:32:10: sources[0].url: adresse « techpourtoutes.io » invalide : une adresse web complète (https://…)",
    ),
    (
        "unknown claim",
        replace("bricks/mentorat.yaml", "supports: [action, partners]", "supports: [action, partenaires]"),
        "bricks/mentorat.yaml:33:24: sources[0].supports[1]: valeur « partenaires » invalide ; valeurs permises : action, summary, stages, audience, partners, cost, hours_per_beneficiary, barriers, good_practices, communication",
    ),
    (
        "unknown prospective partner",
        replace(
            "bricks/mentorat.yaml", "partners: [inria]\n", "partners: [inria]\nprospective_partners: [cnrs]\n"
        ),
        "bricks/mentorat.yaml:13:24: prospective_partners[0]: partenaire inconnu(e) « cnrs »",
    ),
    (
        "partner confirmed and prospective",
        replace(
            "bricks/mentorat.yaml",
            "partners: [inria]\n",
            "partners: [inria]\nprospective_partners: [inria]\n",
        ),
        "bricks/mentorat.yaml:13:24: prospective_partners[0]: partenaire « inria » à la fois confirmé et pressenti",
    ),
    (
        "unknown timing milestone",
        replace("bricks/mentorat.yaml", "  to: bac-2\n", "  to: bac-2\ntiming:\n  before: [parcoursup]\n"),
        "bricks/mentorat.yaml:12:12: timing.before[0]: jalon inconnu « parcoursup » (voir calendar.yaml)",
    ),
    (
        "per session without sessions",
        replace("bricks/mentorat.yaml", "  fixed_eur: 0\n", "  unit: per_session\n  fixed_eur: 0\n"),
        "bricks/mentorat.yaml:15:3: cost: un coût par séance (per_session) demande « sessions » (nombre de séances)",
    ),
    (
        "sessions without per session",
        replace("bricks/mentorat.yaml", "  fixed_eur: 0\n", "  sessions: 4\n  fixed_eur: 0\n"),
        "bricks/mentorat.yaml:15:3: cost: « sessions » ne va qu'avec « unit: per_session »",
    ),
    (
        "cost scale off the criterion's scale",
        replace(
            "programme.yaml",
            "      4: Presque gratuite\n",
            "      4: Presque gratuite\n    cost_levels:\n      - {score: 7}\n",
        ),
        "programme.yaml:87:5: criteria[2]: note 7 du barème de coûts hors de l'échelle 1 à 4",
    ),
    # Warnings: the brick stays in the catalogue, the pilot is told what a reader would question.
    (
        "no source for the action",
        replace("bricks/mentorat.yaml", "supports: [action, partners]", "supports: [partners]"),
        "bricks/mentorat.yaml:30:3: sources: avertissement : aucune source ne dit que le programme mène cette action : ajoutez-en une avec « supports: [action] », ou écrivez « status: proposition »",
    ),
    (
        "a proposition needs no action source",
        both(
            replace("bricks/mentorat.yaml", "supports: [action, partners]", "supports: [partners]"),
            replace("bricks/mentorat.yaml", "pillar: empower", "status: proposition\npillar: empower"),
        ),
        [],
    ),
    (
        "confirmed partners without a source",
        replace("bricks/mentorat.yaml", "supports: [action, partners]", "supports: [action]"),
        "bricks/mentorat.yaml:12:11: partners: avertissement : aucune source ne confirme ces partenaires : ajoutez-en une avec « supports: [partners] », ou passez-les dans « prospective_partners »",
    ),
    (
        "affordability off the programme's cost scale",
        replace("programme.yaml", "      4: Presque gratuite\n", "      4: Presque gratuite\n" + COST_LEVELS),
        "bricks/mentorat.yaml:23:14: criteria.abordable: avertissement : note 3 hors du barème de « Caractère abordable » : 400\u00a0€ par bénéficiaire et 0\u00a0€ de coûts fixes donnent 2 (programme.yaml, cost_levels)",
    ),
    (
        "a yearly cost counted once",
        replace("bricks/mentorat.yaml", "note: INJEP", "note: 200 € par an"),
        "bricks/mentorat.yaml:15:3: cost.unit: avertissement : la note dit le coût annuel mais « unit » vaut once : sur plusieurs années, il ne serait compté qu'une fois ; écrivez « unit: per_year »",
    ),
    (
        "a yearly cost counted each year",
        replace("bricks/mentorat.yaml", "  note: INJEP", "  unit: per_year\n  note: 200 € par an"),
        [],
    ),
    (
        "milestone out of its school year",
        replace("calendar.yaml", "    from: 1\n    to: 3\n", "    from: 7\n    to: 10\n"),
        "calendar.yaml:7:9: milestones[0].to: avertissement : la période va de juillet à octobre et passe le mois d'août : elle sort de l'année scolaire de son étape ; coupez-la en deux jalons",
    ),
]


@pytest.mark.parametrize(("edit", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_gives_exact_message(catalogue_dir: Path, edit: Edit, expected: str | list[str]) -> None:
    edit(catalogue_dir)
    problems = [
        str(p).removeprefix(catalogue_dir.as_posix() + "/") for p in check_catalogue(catalogue_dir).problems
    ]
    assert problems == (expected if isinstance(expected, list) else [expected])
