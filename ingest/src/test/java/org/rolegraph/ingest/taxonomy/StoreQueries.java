package org.rolegraph.ingest.taxonomy;

import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;

/** Questions the importer tests ask a store, each in a read transaction. */
public final class StoreQueries {
    private StoreQueries() {}

    public static final String PREFIXES = """
            PREFIX rg: <https://w3id.org/rolegraph/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX schema: <http://schema.org/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX dct: <http://purl.org/dc/terms/>
            PREFIX dcat: <http://www.w3.org/ns/dcat#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            """;

    /** Whether the graph pattern (prefixes above) matches. */
    public static boolean ask(DatasetGraph store, String pattern) {
        store.begin(ReadWrite.READ);
        try {
            return QueryExec.dataset(store).query(PREFIXES + "ASK { " + pattern + " }").ask();
        } finally {
            store.end();
        }
    }

    /** How many rows a SELECT (prefixes above) gives. */
    public static long count(DatasetGraph store, String select) {
        store.begin(ReadWrite.READ);
        try {
            var rows = QueryExec.dataset(store).query(PREFIXES + select).select();
            long n = 0;
            for (; rows.hasNext(); rows.next()) {
                n++;
            }
            return n;
        } finally {
            store.end();
        }
    }

    /** The lexical forms of ?v in a SELECT's rows. */
    public static Set<String> strings(DatasetGraph store, String select) {
        store.begin(ReadWrite.READ);
        try {
            Set<String> values = new TreeSet<>();
            QueryExec.dataset(store).query(PREFIXES + select).select()
                    .forEachRemaining(b -> values.add(b.get("v").getLiteralLexicalForm()));
            return values;
        } finally {
            store.end();
        }
    }

    /** Every quad, as sorted strings: equal sets mean equal stores. */
    public static Set<String> quads(DatasetGraph store) {
        store.begin(ReadWrite.READ);
        try {
            Set<String> all = new TreeSet<>();
            store.find().forEachRemaining((Quad q) -> all.add(q.toString()));
            return all;
        } finally {
            store.end();
        }
    }
}
