package org.rolegraph.app;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * A Fuseki server for tests, meant to run in its own JVM: an empty in-memory TDB2 dataset at
 * /rolegraph (query, update and Graph Store Protocol read-write) whose default graph is the union
 * of the named graphs, on a free loopback port that it prints as "PORT n". With {@code --no-union}
 * the dataset is Fuseki's default in-memory one instead, whose default graph is a graph of its own
 * (empty here): what a user gets from {@code fuseki-server --mem /rolegraph}.
 */
public final class FusekiTestServer {
    private FusekiTestServer() {}

    public static void main(String[] args) {
        DatasetGraph dataset;
        if (java.util.List.of(args).contains("--no-union")) {
            dataset = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        } else {
            dataset = DatabaseMgr.createDatasetGraph();
            dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        }
        FusekiServer server = FusekiServer.create().port(0).loopback(true).add("/rolegraph", dataset, true).build().start();
        System.out.println("PORT " + server.getHttpPort());
        System.out.flush();
        server.join();
    }
}
