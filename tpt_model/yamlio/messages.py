"""The YAML parser's problems said in French, for pilots who never read libyaml's English.

Keys are fragments of libyaml's and PyYAML's own wording (`problem`, else `context`); the first
fragment found in the parser's text gives the French sentence. Every message libyaml can give has
an entry, so that no English reaches a pilot (a test holds the list).
"""

from tpt_model.i18n import _, mark_

MAX_DEPTH = 8
# The one message with a number in it: formatted where it is shown (braces elsewhere are literal).
_TOO_DEEP = mark_("imbrication trop profonde (au plus {most} niveaux)")

SYNTAX_FR: dict[str, str] = {
    # Structure: lists, mappings, indentation.
    "did not find expected ',' or ']'": mark_("« , » ou « ] » attendu (liste non fermée ?)"),
    "did not find expected ',' or '}'": mark_("« , » ou « } » attendu (accolade non fermée ?)"),
    "did not find expected key": mark_("clé attendue (indentation incorrecte ?)"),
    "could not find expected ':'": mark_("« : » attendu après la clé"),
    "mapping values are not allowed": mark_("« : » inattendu ici (mettez le texte entre guillemets)"),
    "mapping keys are not allowed": mark_("« ? » inattendu ici (mettez le texte entre guillemets)"),
    "did not find expected node content": mark_("valeur attendue"),
    "did not find expected '-' indicator": mark_("« - » attendu (indentation de la liste ?)"),
    "block sequence entries are not allowed": mark_("« - » inattendu ici (indentation ?)"),
    "found unexpected ':'": mark_("« : » inattendu (mettez le texte entre guillemets)"),
    "found unexpected end of stream": mark_("fin de fichier inattendue (guillemet non fermé ?)"),
    "found character that cannot start any token": mark_(
        "caractère interdit en début de valeur (tabulation ?)"
    ),
    "found a tab character": mark_("tabulation interdite : indentez avec des espaces"),
    "exceeded maximum nesting depth": _TOO_DEEP,
    "did not find expected comment or line break": mark_(
        "fin de ligne attendue (texte en trop après la valeur ?)"
    ),
    "did not find expected whitespace or line break": mark_("espace ou fin de ligne attendu"),
    "did not find expected whitespace": mark_("espace attendu"),
    "found an indentation indicator equal to 0": mark_("indentation 0 non permise dans un bloc de texte"),
    "block collection start": mark_("début de liste ou de clés inattendu (indentation ?)"),
    # Documents and directives.
    "but found another document": mark_("un seul document attendu par fichier (retirez le « --- » en trop)"),
    "expected a single document": mark_("un seul document attendu par fichier (retirez le « --- » en trop)"),
    "found unexpected document indicator": mark_(
        "« --- » ou « ... » inattendu ici (un seul document par fichier)"
    ),
    "did not find expected <document start>": mark_("début de document attendu (« --- »)"),
    "did not find expected <stream-start>": mark_("début de fichier attendu"),
    "found incompatible YAML document": mark_("version de YAML non prise en charge (seule 1.x l'est)"),
    "found duplicate %YAML directive": mark_("directive %YAML donnée deux fois"),
    "found duplicate %TAG directive": mark_("directive %TAG donnée deux fois"),
    "found unknown directive name": mark_("directive inconnue (seules %YAML et %TAG existent)"),
    "could not find expected directive name": mark_("nom de directive attendu après « % »"),
    "found unexpected non-alphabetical character": mark_("caractère inattendu dans une directive"),
    "did not find expected version number": mark_("numéro de version attendu"),
    "found extremely long version number": mark_("numéro de version trop long"),
    "did not find expected digit or '.' character": mark_(
        "chiffre ou « . » attendu dans le numéro de version"
    ),
    "while scanning a directive": mark_("directive « % » mal formée"),
    "while parsing a %TAG directive": mark_("directive %TAG mal formée"),
    "while scanning a %TAG directive": mark_("directive %TAG mal formée"),
    "while scanning a %YAML directive": mark_("directive %YAML mal formée"),
    # Tags, anchors and aliases (refused anyway).
    "found undefined alias": mark_("les ancres et alias YAML (&, *) ne sont pas permis"),
    "found duplicate anchor": mark_("les ancres et alias YAML (&, *) ne sont pas permis"),
    "while scanning an anchor": mark_("les ancres et alias YAML (&, *) ne sont pas permis"),
    "while scanning an alias": mark_("les ancres et alias YAML (&, *) ne sont pas permis"),
    "did not find expected alphabetic or numeric character": mark_(
        "lettre ou chiffre attendu après « & » ou « * »"
    ),
    "found undefined tag handle": mark_("étiquette YAML « ! » non permise"),
    "did not find expected tag URI": mark_("étiquette YAML « ! » non permise"),
    "did not find expected '!'": mark_("étiquette YAML « ! » non permise"),
    "did not find the expected '>'": mark_("étiquette YAML « ! » non permise"),
    "did not find URI escaped octet": mark_("étiquette YAML « ! » non permise"),
    "while parsing a tag": mark_("étiquette YAML « ! » non permise"),
    "while scanning a tag": mark_("étiquette YAML « ! » non permise"),
    # Quoted text and escapes.
    "found unknown escape character": mark_("caractère d'échappement inconnu (doublez la barre : « \\\\ »)"),
    "found invalid Unicode character escape code": mark_(
        "code de caractère invalide après « \\u » ou « \\U »"
    ),
    "did not find expected hexdecimal number": mark_(
        "chiffres hexadécimaux attendus après « \\x » ou « \\u »"
    ),
    "while scanning a quoted scalar": mark_("texte entre guillemets mal fermé"),
    "while parsing a quoted scalar": mark_("texte entre guillemets mal fermé"),
    "while scanning a block scalar": mark_("bloc de texte (« | » ou « > ») mal formé"),
    # Characters and encodings (the reader refuses control characters before the parser sees them).
    "control characters are not allowed": mark_("caractère de contrôle interdit"),
    "invalid Unicode character": mark_("caractère Unicode invalide"),
    "incomplete UTF-8 octet sequence": mark_("le fichier n'est pas encodé en UTF-8"),
    "invalid leading UTF-8 octet": mark_("le fichier n'est pas encodé en UTF-8"),
    "invalid trailing UTF-8 octet": mark_("le fichier n'est pas encodé en UTF-8"),
    "invalid length of a UTF-8 sequence": mark_("le fichier n'est pas encodé en UTF-8"),
    "found an incorrect leading UTF-8 octet": mark_("le fichier n'est pas encodé en UTF-8"),
    "found an incorrect trailing UTF-8 octet": mark_("le fichier n'est pas encodé en UTF-8"),
    "incomplete UTF-16 character": mark_("le fichier n'est pas encodé en UTF-8"),
    "incomplete UTF-16 surrogate pair": mark_("le fichier n'est pas encodé en UTF-8"),
    "unexpected low surrogate area": mark_("le fichier n'est pas encodé en UTF-8"),
    "expected low surrogate area": mark_("le fichier n'est pas encodé en UTF-8"),
    # Contexts, when the problem itself said nothing more precise.
    "while scanning a simple key": mark_("« : » attendu après la clé"),
    "while scanning a plain scalar": mark_("valeur mal formée (mettez le texte entre guillemets)"),
    "while scanning for the next token": mark_("caractère inattendu"),
    "while parsing a block mapping": mark_("clés mal alignées (indentation ?)"),
    "while parsing a block collection": mark_("liste mal alignée (indentation ?)"),
    "while parsing a flow sequence": mark_("liste entre crochets mal fermée"),
    "while parsing a flow mapping": mark_("accolades mal fermées"),
    "while parsing a flow node": mark_("valeur attendue entre crochets ou accolades"),
    "while parsing a block node": mark_("valeur attendue"),
    "while parsing a node": "valeur attendue",
}
UNKNOWN_SYNTAX = mark_("erreur de syntaxe (vérifiez l'indentation, les « : » et les guillemets)")


def syntax_message(*reasons: str | None) -> str:
    """French wording of a parser problem: the first reason (problem, then context) that we know."""
    for reason in reasons:
        if not reason:
            continue
        for english, french in SYNTAX_FR.items():
            if english in reason:
                return _invalid(french)
    return _invalid(UNKNOWN_SYNTAX)


def too_deep() -> str:
    """The message of a document nested deeper than MAX_DEPTH."""
    return _(_TOO_DEEP).format(most=MAX_DEPTH)


def _invalid(reason: str) -> str:
    text = too_deep() if reason == _TOO_DEEP else _(reason)
    return _("YAML invalide : {reason}").format(reason=text)
