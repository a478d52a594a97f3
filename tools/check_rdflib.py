#!/usr/bin/env python3
"""Check one RoleGraph export against the N-Quads reference with rdflib.

usage: check_rdflib.py REFERENCE.nq FILE FORMAT

FORMAT is an rdflib parser name: turtle, nt, xml (RDF/XML), nquads or trig
(ntriples and rdfxml are accepted as aliases of nt and xml).

REFERENCE.nq is `rolegraph export --format nquads`: each source's named graph
plus the VoID/DCAT metadata in the default graph.

- Dataset formats (nquads, trig): the same graph names must be present, and
  each named graph and the default graph must be isomorphic to the
  reference's graph of the same name.
- Graph formats (turtle, nt, xml): FILE's graph must be isomorphic to the
  union of all graphs of the reference (as a set of triples).

Terms are compared as RDF terms: rdflib's literal normalisation is switched
off, so a changed lexical form, a lost datatype or a lost language tag is a
difference, not something that parsing quietly smooths over.

Exit status: 0 same, 1 different, 2 usage or parse error, 3 rdflib missing.
"""

import pathlib
import sys

try:
    import rdflib
    from rdflib import Graph, Dataset, Literal, URIRef, BNode
    from rdflib.compare import isomorphic, to_isomorphic, graph_diff
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
except ImportError as e:  # pragma: no cover - depends on the machine
    sys.stderr.write(
        "check_rdflib.py: rdflib is not importable by %s (%s).\n"
        "Install it with tools/setup (Debian: apt-get install python3-rdflib).\n"
        % (sys.executable, e))
    sys.exit(3)

# Keep lexical forms exactly as written: "1.0E5"^^xsd:double and
# "100000.0"^^xsd:double are different RDF terms.
rdflib.NORMALIZE_LITERALS = False

ALIASES = {"ntriples": "nt", "n-triples": "nt", "rdfxml": "xml", "rdf/xml": "xml",
           "ttl": "turtle", "n-quads": "nquads"}
DATASET_FORMATS = {"nquads", "trig"}
GRAPH_FORMATS = {"turtle", "nt", "xml"}
SHOW = 8  # differing triples shown per side


def fail(message, status=1):
    sys.stderr.write("FAIL: " + message.rstrip("\n") + "\n")
    sys.exit(status)


def nt(triple):
    return " ".join(term.n3() for term in triple) + " ."


def parse_dataset(path, fmt):
    """Parse a dataset file; returns {graph name: Graph}, default graph under None."""
    public_id = pathlib.Path(path).resolve().as_uri()
    ds = Dataset()
    try:
        # rdflib 6 puts default-graph quads into a graph named after publicID,
        # so name it ourselves (it is also the document's base, as without it).
        ds.parse(path, format=fmt, publicID=public_id)
    except Exception as e:  # rdflib raises many kinds
        fail("cannot parse %s as %s: %s: %s" % (path, fmt, type(e).__name__, e), 2)
    graphs = {}
    for ctx in ds.contexts():
        name = ctx.identifier
        if name in (URIRef(public_id), DATASET_DEFAULT_GRAPH_ID):
            name = None
        g = graphs.setdefault(name, Graph())
        for t in ctx.triples((None, None, None)):
            g.add(t)
    # A graph with no triples cannot be told apart from an absent one in N-Quads.
    return {k: v for k, v in graphs.items() if len(v) > 0}


def parse_graph(path, fmt):
    g = Graph()
    try:
        g.parse(path, format=fmt, publicID=pathlib.Path(path).resolve().as_uri())
    except Exception as e:
        fail("cannot parse %s as %s: %s: %s" % (path, fmt, type(e).__name__, e), 2)
    return g


def graph_name(name):
    return "default graph" if name is None else "graph <%s>" % name


def hint(triple, others):
    """Explain a triple that has a near twin (same subject and predicate, same
    literal text) on the other side: usually a lost datatype or language."""
    s, p, o = triple
    if not isinstance(o, Literal):
        return ""
    for (_, _, o2) in others.triples((s, p, None)):
        if isinstance(o2, Literal) and str(o2) == str(o) and o2 != o:
            return "   <- other side has %s" % o2.n3()
        if isinstance(o2, Literal) and o2.datatype == o.datatype and o2.language == o.language \
                and o.datatype is not None and o2.eq(o) and str(o2) != str(o):
            return "   <- other side has the same value written %s" % o2.n3()
    return ""


def describe_diff(file_graph, ref_graph, what):
    """Lines that list triples only in FILE and only in the reference."""
    if any(isinstance(term, BNode) for g in (file_graph, ref_graph) for t in g for term in t):
        _, only_file, only_ref = graph_diff(to_isomorphic(file_graph), to_isomorphic(ref_graph))
    else:
        only_file, only_ref = Graph(), Graph()
        for t in set(file_graph) - set(ref_graph):
            only_file.add(t)
        for t in set(ref_graph) - set(file_graph):
            only_ref.add(t)
    lines = ["%s: %d triples in the file, %d in the reference; %d only in the file, %d only in the reference"
             % (what, len(file_graph), len(ref_graph), len(only_file), len(only_ref))]
    for label, side, other in (("only in the file", only_file, ref_graph),
                               ("only in the reference", only_ref, file_graph)):
        if len(side):
            lines.append("  %s:" % label)
            for t in sorted(side, key=nt)[:SHOW]:
                lines.append("    " + nt(t) + hint(t, other))
            if len(side) > SHOW:
                lines.append("    ... and %d more" % (len(side) - SHOW))
    return lines


def main(argv):
    if len(argv) != 4 or argv[1] in ("-h", "--help"):
        sys.stderr.write(__doc__)
        return 2
    ref_path, path, fmt = argv[1], argv[2], argv[3].lower()
    fmt = ALIASES.get(fmt, fmt)
    if fmt not in DATASET_FORMATS | GRAPH_FORMATS:
        fail("unknown format %r (expected one of: %s)"
             % (argv[3], ", ".join(sorted(DATASET_FORMATS | GRAPH_FORMATS))), 2)

    ref = parse_dataset(ref_path, "nquads")
    ref_quads = sum(len(g) for g in ref.values())
    print("rdflib %s; reference %s: %d quads in %d graphs (%d named%s)"
          % (rdflib.__version__, ref_path, ref_quads, len(ref),
             len([n for n in ref if n is not None]),
             ", plus a default graph of %d triples" % len(ref[None]) if None in ref else ""))

    if fmt in DATASET_FORMATS:
        got = parse_dataset(path, fmt)
        problems = []
        missing = sorted(graph_name(n) for n in ref if n not in got)
        extra = sorted(graph_name(n) for n in got if n not in ref)
        if missing:
            problems.append("graphs missing from the file: " + ", ".join(missing))
        if extra:
            problems.append("graphs only in the file: " + ", ".join(extra))
        if any(isinstance(n, BNode) for n in list(ref) + list(got)):
            problems.append("blank-node graph names cannot be matched by name")
        same = 0
        for name in sorted((n for n in ref if n in got), key=lambda n: "" if n is None else str(n)):
            if isomorphic(got[name], ref[name]):
                same += 1
            else:
                problems.extend(describe_diff(got[name], ref[name], graph_name(name)))
        if problems:
            fail("%s (%s) differs from %s:\n  %s" % (path, fmt, ref_path, "\n  ".join(problems)))
        print("OK: %s (%s): %d graphs, %d quads, each graph isomorphic to the reference's graph of the same name"
              % (path, fmt, same, sum(len(g) for g in got.values())))
        return 0

    got = parse_graph(path, fmt)
    union = Graph()
    for g in ref.values():
        for t in g:
            union.add(t)
    if not isomorphic(got, union):
        fail("%s (%s) is not the union of the graphs of %s:\n  %s"
             % (path, fmt, ref_path, "\n  ".join(describe_diff(got, union, "union"))))
    print("OK: %s (%s): %d triples, isomorphic to the union of the reference's %d graphs"
          % (path, fmt, len(got), len(ref)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
