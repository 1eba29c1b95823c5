#!/usr/bin/env python3
"""gen-counts.py: writes the counted parts of catalogs/leyes.xml.

The article, transitorio and fracción counts of the texts we have in full
(LGTAIP-2025, LGPDPPSO-2025 and the Constitution as amended up to DOF
15-10-2025) come from ../shared/laws/COUNTS.md, which a script made from the
official Cámara de Diputados PDFs. This script turns them into the
<version> elements of those instruments, so that no count is copied by
hand.

    python3 catalogs/gen-counts.py              rewrite catalogs/leyes.xml
    python3 catalogs/gen-counts.py --check      exit 1 if it is not current
    python3 catalogs/gen-counts.py --laws DIR   COUNTS.md and CPEUM.md in DIR

What it writes, between the markers
    <!-- INICIO gen-counts.py CLAVE-VERSION ... -->
    <!-- FIN gen-counts.py CLAVE-VERSION -->
of leyes.xml (everything outside the markers is written by hand):

  * the <version> element: dates (below, from ../shared/laws/README.md §3),
    number of articles and of transitorios (COUNTS.md);
  * one <articulo> per article with fracciones, with the whole list
    ("I a XXXII, XXIII Bis, XXIX-A, …") and the derogated ones;
  * for the Constitution's articles whose numbering restarts at I
    (apartados: arts. 2, 6, 20, 30, 37, 123), one <apartado> per group. The
    letter of each group is read from CPEUM.md: the last apartado heading
    ("A.", "B)", "Apartado C.") before the group's "I." line. Headings with
    no fracciones (art. 37 A, art. 2 D) are listed too, so the article's
    list of apartados is complete.

Dating. The 2025 laws have one structure for the whole version (their only
amendment, DOF 14-11-2025, changes the first paragraph of LGPDPPSO art. 9
and no fracción). The Constitution's counts describe the text of
15-10-2025 only: its records carry desde="2025-10-15", and the version says
fracciones-completas-desde="2025-10-15". For a document dated earlier pleno
checks only what the marginal notes date (README §3): art. 6 (apartado A
I–VII from DOF 11-06-2013, I–VIII from DOF 07-02-2014; apartado B I–VI
from DOF 11-06-2013) and art. 116 (I–VIII from DOF 07-02-2014, I–IX from
DOF 10-02-2014, I–X from DOF 08-05-2023). These are publication dates.
"""

import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CATALOG = os.path.join(HERE, "leyes.xml")
DEFAULT_LAWS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "laws"))

ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n):
    out = ""
    for v, s in ROMAN:
        while n >= v:
            out += s
            n -= v
    return out


def roman_value(s):
    for n in range(1, 400):
        if roman(n) == s:
            return n
    raise ValueError("no es un número romano: %r" % s)


# The versions this script writes: key in COUNTS.md, instrument, version
# attributes other than the counts, and where the counts apply.
VERSIONS = [
    {
        "counts": "LGTAIP-2025",
        "key": "LGTAIP-2025",
        "id": "2025",
        "attrs": [("publicacion", "2025-03-20"), ("vigor-desde", "2025-03-21")],
        "complete_from": "2025-03-21",
        "record_from": None,
        "fuente": "Cámara de Diputados, «Nueva Ley DOF 20-03-2025»; conteos de "
                  "shared/laws/COUNTS.md",
        "notas": [
            "Expedida por el Artículo Primero del Decreto DOF 20-03-2025; en vigor al día "
            "siguiente (transitorio Primero), salvo los artículos 71 y 72, que rigen cuando "
            "se extingan la COFECE y el IFT (transitorio Tercero).",
            "Los 20 transitorios son los del Decreto DOF 20-03-2025.",
        ],
    },
    {
        "counts": "LGPDPPSO-2025",
        "key": "LGPDPPSO-2025",
        "id": "2025",
        "attrs": [("publicacion", "2025-03-20"), ("vigor-desde", "2025-03-21")],
        "complete_from": "2025-03-21",
        "record_from": None,
        "fuente": "Cámara de Diputados, «Nueva Ley DOF 20-03-2025, Última reforma DOF "
                  "14-11-2025»; conteos de shared/laws/COUNTS.md",
        "notas": [
            "Expedida por el Artículo Segundo del Decreto DOF 20-03-2025; en vigor el "
            "21-03-2025 (transitorio Primero).",
            "La reforma DOF 14-11-2025 cambia sólo el primer párrafo del artículo 9: no "
            "cambia artículos ni fracciones.",
            "Los 20 transitorios son los del Decreto DOF 20-03-2025.",
        ],
    },
    {
        "counts": "CPEUM",
        "key": "CPEUM-1917",
        "id": "1917",
        "attrs": [("publicacion", "1917-02-05"), ("vigor-desde", "1917-05-01")],
        "complete_from": "2025-10-15",
        "record_from": "2025-10-15",
        "fuente": "Cámara de Diputados, «Última reforma DOF 15-10-2025»; conteos de "
                  "shared/laws/COUNTS.md",
        "notas": [
            "En vigor desde el 1o. de mayo de 1917 (artículo Primero transitorio). Los 136 "
            "artículos y los 19 transitorios son los del texto original.",
            "Las fracciones registradas describen el texto con la última reforma DOF "
            "15-10-2025 (registros desde el 2025-10-15); para fechas anteriores sólo se conocen las "
            "de los artículos 6 y 116, fechadas por las notas marginales del texto oficial.",
        ],
    },
]

# Structures before 15-10-2025 dated by the marginal notes (README §3).
# (article, desde, hasta, fracciones or None, [(letter, fracciones)], fuente)
CPEUM_HISTORY = [
    ("6", "2014-02-07", "2025-10-14", None, [("A", "I a VIII"), ("B", "I a VI")],
     "notas marginales: apartado A fracción VIII adicionada DOF 07-02-2014; apartado B "
     "adicionado DOF 11-06-2013"),
    ("6", "2013-06-11", "2014-02-06", None, [("A", "I a VII"), ("B", "I a VI")],
     "notas marginales: apartado B adicionado DOF 11-06-2013; la fracción VIII del "
     "apartado A se adicionó DOF 07-02-2014"),
    ("116", "2023-05-08", "2025-10-14", "I a X", [],
     "notas marginales: fracción X adicionada DOF 08-05-2023"),
    ("116", "2014-02-10", "2023-05-07", "I a IX", [],
     "notas marginales: fracción IX adicionada DOF 10-02-2014; X, DOF 08-05-2023"),
    ("116", "2014-02-07", "2014-02-09", "I a VIII", [],
     "notas marginales: fracción VIII adicionada DOF 07-02-2014; IX, DOF 10-02-2014"),
]


# ---------------------------------------------------------------------
# COUNTS.md

def parse_counts(path):
    """{text: {"articles": n, "transitorios": n, "rows": [(art, numbering, derog)]}}"""
    texts = {}
    cur = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = re.match(r"^## (\S+)\s*$", line)
            if m:
                cur = {"articles": None, "transitorios": None, "rows": []}
                texts[m.group(1)] = cur
                continue
            if cur is None:
                continue
            m = re.match(r"^\* Articles \(numbered, before the transitorios\): \*\*(\d+)\*\*", line)
            if m:
                cur["articles"] = int(m.group(1))
                continue
            m = re.match(r"^\* Transitorios of the original text: \*\*(\d+)\*\*", line)
            if m:
                cur["transitorios"] = int(m.group(1))
                continue
            m = re.match(r"^\| (\d+) \| (\d+) \| ([^|]*) \| ([^|]*) \|\s*$", line)
            if m:
                cur["rows"].append((m.group(1), int(m.group(2)), m.group(3).strip(),
                                    m.group(4).strip()))
    for name, t in texts.items():
        if t["articles"] is None or t["transitorios"] is None:
            sys.exit("gen-counts.py: %s: faltan los conteos de %s" % (path, name))
    return texts


def parse_group(g):
    """'I–XXXII (+XXIII Bis, XXIX-A)' -> (32, ['XXIII Bis', 'XXIX-A'])"""
    m = re.match(r"^I–([IVXLCDM]+)(?: \(\+([^)]*)\))?$", g.strip())
    if not m:
        sys.exit("gen-counts.py: numeración no reconocida: %r" % g)
    extra = [x.strip() for x in m.group(2).split(",")] if m.group(2) else []
    return roman_value(m.group(1)), extra


def fracciones_attr(last, extra):
    items = ["I a %s" % roman(last) if last > 1 else "I"] + extra
    return ", ".join(items)


def check_count(art, total, groups):
    n = sum(last + len(extra) for last, extra in groups)
    if n != total:
        sys.exit("gen-counts.py: artículo %s: la numeración suma %d, COUNTS.md dice %d"
                 % (art, n, total))


# ---------------------------------------------------------------------
# Apartado letters, from the text of the Constitution

APARTADO = re.compile(r"^(?:Apartado ([A-Z])\.|([A-Z])[.)]) ")
FRACCION_I = re.compile(r"^I\.[- ]")


def article_lines(text_lines, art):
    start = None
    head = re.compile(r"^Artículo %so?\.(\s|$)" % re.escape(art))
    nxt = re.compile(r"^Artículo \d+o?\.(\s|$)")
    for i, line in enumerate(text_lines):
        if start is None:
            if head.match(line):
                start = i
        elif nxt.match(line) or line.strip() == "TRANSITORIOS":
            return text_lines[start:i]
    if start is None:
        sys.exit("gen-counts.py: no encuentro el artículo %s en CPEUM.md" % art)
    return text_lines[start:]


def apartado_letters(text_lines, art, ngroups):
    """Letters of the groups (restarts at I.) and every apartado heading."""
    lines = article_lines(text_lines, art)
    headings, group_letters, last = [], [], None
    for line in lines[1:]:
        if FRACCION_I.match(line):
            # A group of fracciones starts: it belongs to the last heading.
            if last is None or last in group_letters:
                sys.exit("gen-counts.py: artículo %s: un grupo de fracciones sin apartado" % art)
            group_letters.append(last)
            continue
        m = APARTADO.match(line)
        expected = chr(ord(headings[-1]) + 1) if headings else "A"
        # Only the next letter is a heading: "V." or "C." there would be a
        # fracción or a wrapped line.
        if m and (m.group(1) or m.group(2)) == expected:
            last = expected
            headings.append(last)
    if len(group_letters) != ngroups:
        sys.exit("gen-counts.py: artículo %s: %d grupos en COUNTS.md, %d en el texto"
                 % (art, ngroups, len(group_letters)))
    if headings != sorted(headings) or len(set(headings)) != len(headings):
        sys.exit("gen-counts.py: artículo %s: apartados fuera de orden: %s" % (art, headings))
    return group_letters, headings


# ---------------------------------------------------------------------
# Writing

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def version_xml(v, t, cpeum_lines):
    ind = "    "
    attrs = [("id", v["id"])] + v["attrs"] + [
        ("articulos", str(t["articles"])),
        ("transitorios", str(t["transitorios"])),
        ("fracciones-completas-desde", v["complete_from"]),
        ("fuente", v["fuente"]),
    ]
    out = [ind + "<version " + " ".join('%s="%s"' % (k, esc(x)) for k, x in attrs) + ">"]
    for nota in v["notas"]:
        out.append(ind + "  <nota>%s</nota>" % esc(nota))
    desde = ' desde="%s"' % v["record_from"] if v["record_from"] else ""
    for art, total, numbering, derog in t["rows"]:
        groups = [parse_group(g) for g in numbering.split(" + ")]
        check_count(art, total, groups)
        der = ' derogadas="%s"' % ", ".join(x.strip() for x in derog.split(",")) if derog else ""
        if len(groups) == 1:
            out.append(ind + '  <articulo n="%s" fracciones="%s"%s%s/>'
                       % (art, fracciones_attr(*groups[0]), der, desde))
            continue
        if cpeum_lines is None:
            sys.exit("gen-counts.py: artículo %s con apartados fuera de la Constitución" % art)
        if derog:
            sys.exit("gen-counts.py: artículo %s: derogadas con apartados no previsto" % art)
        letters, headings = apartado_letters(cpeum_lines, art, len(groups))
        out.append(ind + '  <articulo n="%s"%s>' % (art, desde))
        for h in headings:
            if h in letters:
                last, extra = groups[letters.index(h)]
                out.append(ind + '    <apartado letra="%s" fracciones="%s"/>'
                           % (h, fracciones_attr(last, extra)))
            else:
                out.append(ind + '    <apartado letra="%s"/>' % h)
        out.append(ind + "  </articulo>")
    if v["key"] == "CPEUM-1917":
        for art, d, h, fr, aps, fuente in CPEUM_HISTORY:
            a = ' fracciones="%s"' % fr if fr else ""
            head = ind + '  <articulo n="%s"%s desde="%s" hasta="%s" fuente="%s"' % (
                art, a, d, h, esc(fuente))
            if not aps:
                out.append(head + "/>")
                continue
            out.append(head + ">")
            for letter, f in aps:
                out.append(ind + '    <apartado letra="%s" fracciones="%s"/>' % (letter, f))
            out.append(ind + "  </articulo>")
    out.append(ind + "</version>")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--laws", default=DEFAULT_LAWS, help="carpeta con COUNTS.md y CPEUM.md")
    ap.add_argument("--check", action="store_true", help="sólo comprobar que está al día")
    ap.add_argument("--catalog", default=CATALOG)
    args = ap.parse_args()

    counts = parse_counts(os.path.join(args.laws, "COUNTS.md"))
    with open(os.path.join(args.laws, "CPEUM.md"), encoding="utf-8") as f:
        cpeum_lines = [l.rstrip("\n") for l in f]
    with open(args.catalog, encoding="utf-8") as f:
        old = f.read()

    new = old
    for v in VERSIONS:
        t = counts.get(v["counts"])
        if t is None:
            sys.exit("gen-counts.py: COUNTS.md no tiene %s" % v["counts"])
        body = version_xml(v, t, cpeum_lines if v["key"] == "CPEUM-1917" else None)
        pat = re.compile(r"(<!-- INICIO gen-counts\.py %s[^>]*-->).*?(\n\s*<!-- FIN gen-counts\.py %s -->)"
                         % (re.escape(v["key"]), re.escape(v["key"])), re.S)
        if not pat.search(new):
            sys.exit("gen-counts.py: %s no tiene los marcadores de %s" % (args.catalog, v["key"]))
        new = pat.sub(lambda m: m.group(1) + "\n" + body + m.group(2), new)

    if args.check:
        if new != old:
            print("gen-counts.py: %s no está al día; ejecute python3 catalogs/gen-counts.py"
                  % args.catalog, file=sys.stderr)
            return 1
        return 0
    if new != old:
        with open(args.catalog + ".tmp", "w", encoding="utf-8") as f:
            f.write(new)
        os.replace(args.catalog + ".tmp", args.catalog)
    return 0


if __name__ == "__main__":
    sys.exit(main())
