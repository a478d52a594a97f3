package org.rolegraph.app.server;

import java.util.List;

import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.rolegraph.model.IriScheme;
import org.rolegraph.query.Comparison;
import org.rolegraph.query.Comparisons;
import org.rolegraph.query.Roles;

/**
 * A SPARQL client in its own JVM: Jena's remote RDFConnection, used by RoleGraph's own query API,
 * against a running server. Prints one line per answer for the test that starts it.
 */
public final class RemoteClientMain {
    private RemoteClientMain() {}

    public static void main(String[] args) {
        try (RDFConnection connection = RDFConnectionRemote.newBuilder().queryEndpoint(args[0]).build()) {
            System.out.println("roles " + new Roles(connection, IriScheme.DEFAULT).list().size());
            Comparison comparison = new Comparisons(connection, IriScheme.DEFAULT)
                    .compare(List.of("product-manager", "delivery-manager"));
            System.out.println("shared " + comparison.sharedAndUnique().shared().size());
            System.out.println("salaries " + comparison.salaries().get("delivery-manager").get(0).mean().toPlainString());
            System.out.println("ask " + connection.queryAsk("ASK { ?s ?p ?o }"));
        }
    }
}
