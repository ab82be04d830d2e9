"""The YAML parser's problems said in French, for pilots who never read libyaml's English.

Keys are fragments of libyaml's and PyYAML's own wording (`problem`, else `context`); the first
fragment found in the parser's text gives the French sentence. Every message libyaml can give has
an entry, so that no English reaches a pilot (a test holds the list).
"""

MAX_DEPTH = 8

SYNTAX_FR: dict[str, str] = {
    # Structure: lists, mappings, indentation.
    "did not find expected ',' or ']'": "« , » ou « ] » attendu (liste non fermée ?)",
    "did not find expected ',' or '}'": "« , » ou « } » attendu (accolade non fermée ?)",
    "did not find expected key": "clé attendue (indentation incorrecte ?)",
    "could not find expected ':'": "« : » attendu après la clé",
    "mapping values are not allowed": "« : » inattendu ici (mettez le texte entre guillemets)",
    "mapping keys are not allowed": "« ? » inattendu ici (mettez le texte entre guillemets)",
    "did not find expected node content": "valeur attendue",
    "did not find expected '-' indicator": "« - » attendu (indentation de la liste ?)",
    "block sequence entries are not allowed": "« - » inattendu ici (indentation ?)",
    "found unexpected ':'": "« : » inattendu (mettez le texte entre guillemets)",
    "found unexpected end of stream": "fin de fichier inattendue (guillemet non fermé ?)",
    "found character that cannot start any token": "caractère interdit en début de valeur (tabulation ?)",
    "found a tab character": "tabulation interdite : indentez avec des espaces",
    "exceeded maximum nesting depth": f"imbrication trop profonde (au plus {MAX_DEPTH} niveaux)",
    "did not find expected comment or line break": "fin de ligne attendue (texte en trop après la valeur ?)",
    "did not find expected whitespace or line break": "espace ou fin de ligne attendu",
    "did not find expected whitespace": "espace attendu",
    "found an indentation indicator equal to 0": "indentation 0 non permise dans un bloc de texte",
    "block collection start": "début de liste ou de clés inattendu (indentation ?)",
    # Documents and directives.
    "but found another document": "un seul document attendu par fichier (retirez le « --- » en trop)",
    "expected a single document": "un seul document attendu par fichier (retirez le « --- » en trop)",
    "found unexpected document indicator": "« --- » ou « ... » inattendu ici (un seul document par fichier)",
    "did not find expected <document start>": "début de document attendu (« --- »)",
    "did not find expected <stream-start>": "début de fichier attendu",
    "found incompatible YAML document": "version de YAML non prise en charge (seule 1.x l'est)",
    "found duplicate %YAML directive": "directive %YAML donnée deux fois",
    "found duplicate %TAG directive": "directive %TAG donnée deux fois",
    "found unknown directive name": "directive inconnue (seules %YAML et %TAG existent)",
    "could not find expected directive name": "nom de directive attendu après « % »",
    "found unexpected non-alphabetical character": "caractère inattendu dans une directive",
    "did not find expected version number": "numéro de version attendu",
    "found extremely long version number": "numéro de version trop long",
    "did not find expected digit or '.' character": "chiffre ou « . » attendu dans le numéro de version",
    "while scanning a directive": "directive « % » mal formée",
    "while parsing a %TAG directive": "directive %TAG mal formée",
    "while scanning a %TAG directive": "directive %TAG mal formée",
    "while scanning a %YAML directive": "directive %YAML mal formée",
    # Tags, anchors and aliases (refused anyway).
    "found undefined alias": "les ancres et alias YAML (&, *) ne sont pas permis",
    "found duplicate anchor": "les ancres et alias YAML (&, *) ne sont pas permis",
    "while scanning an anchor": "les ancres et alias YAML (&, *) ne sont pas permis",
    "while scanning an alias": "les ancres et alias YAML (&, *) ne sont pas permis",
    "did not find expected alphabetic or numeric character": "lettre ou chiffre attendu après « & » ou « * »",
    "found undefined tag handle": "étiquette YAML « ! » non permise",
    "did not find expected tag URI": "étiquette YAML « ! » non permise",
    "did not find expected '!'": "étiquette YAML « ! » non permise",
    "did not find the expected '>'": "étiquette YAML « ! » non permise",
    "did not find URI escaped octet": "étiquette YAML « ! » non permise",
    "while parsing a tag": "étiquette YAML « ! » non permise",
    "while scanning a tag": "étiquette YAML « ! » non permise",
    # Quoted text and escapes.
    "found unknown escape character": "caractère d'échappement inconnu (doublez la barre : « \\\\ »)",
    "found invalid Unicode character escape code": "code de caractère invalide après « \\u » ou « \\U »",
    "did not find expected hexdecimal number": "chiffres hexadécimaux attendus après « \\x » ou « \\u »",
    "while scanning a quoted scalar": "texte entre guillemets mal fermé",
    "while parsing a quoted scalar": "texte entre guillemets mal fermé",
    "while scanning a block scalar": "bloc de texte (« | » ou « > ») mal formé",
    # Characters and encodings (the reader refuses control characters before the parser sees them).
    "control characters are not allowed": "caractère de contrôle interdit",
    "invalid Unicode character": "caractère Unicode invalide",
    "incomplete UTF-8 octet sequence": "le fichier n'est pas encodé en UTF-8",
    "invalid leading UTF-8 octet": "le fichier n'est pas encodé en UTF-8",
    "invalid trailing UTF-8 octet": "le fichier n'est pas encodé en UTF-8",
    "invalid length of a UTF-8 sequence": "le fichier n'est pas encodé en UTF-8",
    "found an incorrect leading UTF-8 octet": "le fichier n'est pas encodé en UTF-8",
    "found an incorrect trailing UTF-8 octet": "le fichier n'est pas encodé en UTF-8",
    "incomplete UTF-16 character": "le fichier n'est pas encodé en UTF-8",
    "incomplete UTF-16 surrogate pair": "le fichier n'est pas encodé en UTF-8",
    "unexpected low surrogate area": "le fichier n'est pas encodé en UTF-8",
    "expected low surrogate area": "le fichier n'est pas encodé en UTF-8",
    # Contexts, when the problem itself said nothing more precise.
    "while scanning a simple key": "« : » attendu après la clé",
    "while scanning a plain scalar": "valeur mal formée (mettez le texte entre guillemets)",
    "while scanning for the next token": "caractère inattendu",
    "while parsing a block mapping": "clés mal alignées (indentation ?)",
    "while parsing a block collection": "liste mal alignée (indentation ?)",
    "while parsing a flow sequence": "liste entre crochets mal fermée",
    "while parsing a flow mapping": "accolades mal fermées",
    "while parsing a flow node": "valeur attendue entre crochets ou accolades",
    "while parsing a block node": "valeur attendue",
    "while parsing a node": "valeur attendue",
}
UNKNOWN_SYNTAX = "erreur de syntaxe (vérifiez l'indentation, les « : » et les guillemets)"


def syntax_message(*reasons: str | None) -> str:
    """French wording of a parser problem: the first reason (problem, then context) that we know."""
    for reason in reasons:
        if not reason:
            continue
        for english, french in SYNTAX_FR.items():
            if english in reason:
                return f"YAML invalide : {french}"
    return f"YAML invalide : {UNKNOWN_SYNTAX}"
