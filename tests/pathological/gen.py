#!/usr/bin/env python3
"""Generates worst-case acuerdos for tests/pathological/run.sh.

Each is a valid document (schema and rules) whose layout is extreme:
  palabra-enorme    a 5,000-character word in a paragraph and in a cell
  fila-gigante      a table row taller than a page (one cell, 400 lines)
  nota-enorme       a footnote longer than a page
  diez-mil          10,000 paragraphs
  tabla-larga       a 3,000-row table with row spans
Usage: gen.py OUTDIR
"""
import sys

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<acuerdo xmlns="urn:pleno:snt:acuerdo:1">
  <metadatos>
    <organo corto="Consejo Nacional">Consejo Nacional del Sistema Nacional de Transparencia</organo>
    <sesion tipo="ordinaria" numero="1" fecha="2018-03-14" lugar="Ciudad de México"/>
    <numero>CONAIP/SNT/ACUERDO/ORD01-14/03/2018-02</numero>
    <fecha>2018-03-14</fecha>
  </metadatos>
  <titulo>ACUERDO DE PRUEBA PATOLÓGICA.</titulo>
  <considerandos>
"""
TAIL = """  </considerandos>
  <fundamento><p>Se emite el siguiente:</p></fundamento>
  <puntos><punto><p>Se aprueba.</p></punto></puntos>
  <firmas>
    <firma><nombre>A</nombre><cargo>Presidente del Consejo Nacional</cargo></firma>
    <firma><nombre>B</nombre><cargo>Secretario Ejecutivo del Consejo Nacional</cargo></firma>
  </firmas>
</acuerdo>
"""
SENT = ("Que la transparencia proactiva y el gobierno abierto son herramientas de la "
        "rendición de cuentas, y que su práctica exige información útil y oportuna. ")


def doc(body):
    return HEAD + body + TAIL


def considerando(inner):
    return "    <considerando>" + inner + "</considerando>\n"


def write(outdir, name, text):
    with open(f"{outdir}/{name}.xml", "w", encoding="utf-8") as f:
        f.write(text)


def main(outdir):
    word = "a" * 5000
    write(outdir, "palabra-enorme", doc(
        considerando(f"<p>Que {word} es una palabra.</p>") +
        considerando("<tabla><cuerpo><fila><celda>x</celda><celda>" + word +
                     "</celda></fila></cuerpo></tabla>")))
    cell = "".join(f"<p>{SENT}</p>" for _ in range(120))
    write(outdir, "fila-gigante", doc(considerando(
        "<p>Que la tabla sigue:</p><tabla><encabezado><fila><celda>A</celda><celda>B</celda>"
        "</fila></encabezado><cuerpo><fila><celda>corta</celda><celda>" + cell +
        "</celda></fila></cuerpo></tabla>")))
    note = "".join(f"<p>{SENT}</p>" for _ in range(90))
    write(outdir, "nota-enorme", doc(considerando(
        f"<p>Que esta frase lleva una nota.<nota>{note}</nota> Y sigue.</p>")))
    write(outdir, "diez-mil", doc("".join(considerando(f"<p>{SENT}</p>") for _ in range(10000))))
    rows = []
    for i in range(1000):
        rows.append(f'<fila><celda filas="3">grupo {i}</celda><celda>a</celda><celda>b</celda></fila>'
                    "<fila><celda>c</celda><celda>d</celda></fila><fila><celda>e</celda><celda>f</celda></fila>")
    write(outdir, "tabla-larga", doc(considerando(
        "<p>Que la tabla sigue:</p><tabla><encabezado><fila><celda>G</celda><celda>X</celda>"
        "<celda>Y</celda></fila></encabezado><cuerpo>" + "".join(rows) + "</cuerpo></tabla>")))


if __name__ == "__main__":
    main(sys.argv[1])
