#!/usr/bin/env python3
"""Query RoleGraph's SPARQL endpoint with rdflib's own SPARQL client.

usage: check_sparql_client.py ENDPOINT

ENDPOINT is the server's SPARQL 1.1 Protocol endpoint, e.g.
http://localhost:3030/rolegraph/sparql (`rolegraph serve`).

rdflib's SPARQLStore (and the SPARQLConnector under it, plain urllib: no
SPARQLWrapper) sends the queries and parses the answers, so this checks the
endpoint against a client that shares no code with Jena:

- SELECT of every rg:Role with its skos:prefLabel: 23 rows, each a role IRI
  and a literal, one of them "Delivery manager"; sent with each of the
  protocol's three ways (GET, POST of the query, POST of a form) and read as
  SPARQL results XML and as SPARQL results JSON, always the same rows;
- ASK: true for the delivery manager, false for a role that does not exist;
- CONSTRUCT: an RDF graph (RDF/XML, parsed by rdflib) with each role's label;
- rdflib's Graph API over the store (it writes the SPARQL itself): 23
  subjects of rdf:type rg:Role.

Exit status: 0 when every check passes, 1 when one fails, 2 on a usage
error or when the endpoint cannot be reached, 3 when rdflib is missing.
"""

import socket
import sys
import time

try:
    import rdflib
    from rdflib import ConjunctiveGraph, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import RDF, SKOS
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
except ImportError as e:  # pragma: no cover - depends on the machine
    sys.stderr.write(
        "check_sparql_client.py: rdflib is not importable by %s (%s).\n"
        "Install it with tools/setup (Debian: apt-get install python3-rdflib).\n"
        % (sys.executable, e))
    sys.exit(3)

RG = Namespace("https://w3id.org/rolegraph/ontology#")
ROLE = Namespace("https://w3id.org/rolegraph/role/")
ROLES = 23
LABEL = "Delivery manager"
PREFIXES = {"rg": RG, "skos": SKOS}
TIMEOUT_SECONDS = 30

SELECT = """SELECT ?role ?label WHERE {
  ?role a rg:Role ;
        skos:prefLabel ?label .
}
ORDER BY ?label"""
ASK_YES = "ASK { <%s> a rg:Role ; skos:prefLabel ?label }" % ROLE["delivery-manager"]
ASK_NO = "ASK { <%s> a rg:Role }" % ROLE["no-such-role"]
CONSTRUCT = """CONSTRUCT { ?role a rg:Role ; skos:prefLabel ?label }
WHERE { ?role a rg:Role ; skos:prefLabel ?label }"""


class CheckFailure(Exception):
    pass


class Unreachable(Exception):
    pass


checks = 0


def ok(message):
    global checks
    checks += 1
    print("ok   " + message)


def expect(condition, message, detail=""):
    if not condition:
        raise CheckFailure(message + (": " + detail if detail else ""))
    ok(message)


def run(graph, query, what):
    """graph.query(query), turning rdflib's errors into messages that say what went wrong."""
    store = graph.store
    try:
        result = graph.query(query, initNs=PREFIXES)
    except ValueError as e:
        # rdflib 6's SPARQLConnector turns any failure of a GET into this ValueError; ask again
        # with urllib to say what it was (status and body, or the connection error).
        raise CheckFailure("%s failed (%s %s): %s%s" % (what, store.method, store.returnFormat, e, diagnose(store, query)))
    except Exception as e:  # rdflib raises many kinds (parser errors, URLError)
        raise CheckFailure("%s failed (%s %s): %s: %s" % (what, store.method, store.returnFormat, type(e).__name__, e))
    # rdflib 6.1's POST methods return (status, message, None) on an HTTP error instead of raising.
    if isinstance(result, tuple):
        raise CheckFailure("%s failed (%s %s): HTTP %s %s" % (what, store.method, store.returnFormat, result[0], result[1]))
    return result


def diagnose(store, query):
    from urllib.error import HTTPError
    from urllib.parse import urlencode
    from urllib.request import Request, urlopen
    text = "\n".join("PREFIX %s: <%s>" % (k, v) for k, v in PREFIXES.items()) + "\n" + query
    try:
        with urlopen(Request(store.query_endpoint + "?" + urlencode({"query": text}),
                             headers={"Accept": "application/sparql-results+xml"})) as response:
            return "; asked again, the endpoint answers HTTP %d %s" % (response.status, response.headers["Content-Type"])
    except HTTPError as e:
        body = e.read(300).decode("utf-8", "replace").strip()
        return "; asked again, the endpoint answers HTTP %d: %s" % (e.code, body or "(no body)")
    except Exception as e:
        return "; asked again: %s: %s" % (type(e).__name__, e)


def connect(endpoint, method="GET", return_format="xml"):
    # default_union: the default graph is the endpoint's (the union of every source's graph);
    # rdflib then sends no default-graph-uri.
    return ConjunctiveGraph(store=SPARQLStore(endpoint, method=method, returnFormat=return_format))


def require(condition, message, detail=""):
    if not condition:
        raise CheckFailure(message + (": " + detail if detail else ""))


def check_select(endpoint):
    answers = {}
    for method in ("GET", "POST", "POST_FORM"):
        for return_format in ("xml", "json"):
            result = run(connect(endpoint, method, return_format), SELECT, "SELECT")
            rows = [tuple(row) for row in result]
            what = "SELECT ?role ?label (%s, results %s)" % (method, return_format)
            require(result.type == "SELECT" and [str(v) for v in result.vars] == ["role", "label"],
                    what + " is a SELECT result with variables role, label",
                    "type %s, variables %s" % (result.type, result.vars))
            require(len(rows) == ROLES, "%s returns %d rows" % (what, ROLES),
                    "%d rows: %s" % (len(rows), ", ".join(str(r[1]) for r in rows)))
            bad = [r for r in rows if not (isinstance(r[0], URIRef) and str(r[0]).startswith(str(ROLE))
                                           and isinstance(r[1], Literal))]
            require(not bad, what + ": each row is a role IRI and a literal label",
                    "; ".join(" ".join(t.n3() if t is not None else "(unbound)" for t in r) for r in bad[:5]))
            require(len({r[0] for r in rows}) == ROLES, what + ": %d different roles" % ROLES)
            labels = [str(r[1]) for r in rows]
            require(LABEL in labels, '%s includes "%s"' % (what, LABEL), "labels: " + ", ".join(labels))
            ok('%s: %d rows, each a different role IRI and a literal label, "%s" among them' % (what, ROLES, LABEL))
            answers[(method, return_format)] = sorted(rows)
    first = next(iter(answers.values()))
    differ = [k for k, v in answers.items() if v != first]
    expect(not differ, "the %d ways of asking give the same rows (IRIs, label texts, datatypes, languages)" % len(answers),
           "different: " + ", ".join("%s %s" % k for k in differ))
    label = next(r[1] for r in first if str(r[1]) == LABEL)
    print("info %s's label as rdflib reads it: %s" % (ROLE["delivery-manager"].n3(), label.n3()))


def check_ask(endpoint):
    g = connect(endpoint)
    result = run(g, ASK_YES, "ASK")
    expect(result.type == "ASK" and result.askAnswer is True,
           "ASK { rg:delivery-manager a rg:Role ; skos:prefLabel ?label } is true",
           "type %s, answer %r" % (result.type, result.askAnswer))
    result = run(g, ASK_NO, "ASK")
    expect(result.type == "ASK" and result.askAnswer is False,
           "ASK { <%s> a rg:Role } is false" % ROLE["no-such-role"],
           "type %s, answer %r" % (result.type, result.askAnswer))


def check_construct(endpoint):
    result = run(connect(endpoint), CONSTRUCT, "CONSTRUCT")
    graph = result.graph
    expect(result.type == "CONSTRUCT" and isinstance(graph, Graph), "CONSTRUCT gives an rdflib Graph",
           "type %s, graph %r" % (result.type, graph))
    roles = set(graph.subjects(RDF.type, RG.Role))
    expect(len(roles) == ROLES, "the constructed graph has %d rg:Role subjects" % ROLES, "%d" % len(roles))
    labels = {str(o) for o in graph.objects(ROLE["delivery-manager"], SKOS.prefLabel)}
    expect(LABEL in labels, 'the constructed graph labels %s "%s"' % (ROLE["delivery-manager"].n3(), LABEL),
           "labels: %s" % sorted(labels))
    expect(len(graph) == 2 * ROLES, "the constructed graph has %d triples (a type and a label per role)" % (2 * ROLES),
           "%d triples" % len(graph))


def check_graph_api(endpoint):
    g = connect(endpoint)
    try:
        roles = set(g.subjects(RDF.type, RG.Role))
        label = g.value(ROLE["delivery-manager"], SKOS.prefLabel)
    except Exception as e:
        raise CheckFailure("rdflib's Graph API over SPARQLStore failed: %s: %s" % (type(e).__name__, e))
    expect(len(roles) == ROLES, "rdflib's Graph API over the store: %d subjects of rdf:type rg:Role" % ROLES,
           "%d: %s" % (len(roles), sorted(roles)))
    expect(label is not None and str(label) == LABEL,
           'rdflib\'s Graph API over the store: the delivery manager\'s skos:prefLabel is "%s"' % LABEL, repr(label))


def reachable(endpoint):
    from urllib.error import HTTPError
    from urllib.request import Request, urlopen
    try:
        with urlopen(Request(endpoint + "?query=ASK%7B%7D", headers={"Accept": "application/sparql-results+json"})):
            pass
    except HTTPError:
        pass  # it answers; the checks say what is wrong
    except Exception as e:
        raise Unreachable("cannot reach %s: %s: %s" % (endpoint, type(e).__name__, e))


def main(argv):
    if len(argv) != 2 or argv[1] in ("-h", "--help"):
        sys.stderr.write(__doc__)
        return 2
    endpoint = argv[1]
    if not endpoint.startswith(("http://", "https://")):
        sys.stderr.write("check_sparql_client.py: ENDPOINT must be an http(s) URL, not %r\n" % endpoint)
        return 2
    socket.setdefaulttimeout(TIMEOUT_SECONDS)
    started = time.monotonic()
    print("rdflib %s (%s), SPARQLStore; Python %s; endpoint %s"
          % (rdflib.__version__, rdflib.__file__.rsplit("/", 2)[0], sys.version.split()[0], endpoint))
    try:
        reachable(endpoint)
        check_select(endpoint)
        check_ask(endpoint)
        check_construct(endpoint)
        check_graph_api(endpoint)
    except Unreachable as e:
        sys.stderr.write("check_sparql_client.py: %s\n" % e)
        return 2
    except CheckFailure as e:
        sys.stderr.write("FAIL: %s\n" % e)
        return 1
    print("OK: %d checks of %s with rdflib's SPARQL client passed in %.1f s"
          % (checks, endpoint, time.monotonic() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
