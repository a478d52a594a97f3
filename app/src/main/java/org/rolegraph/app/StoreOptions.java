package org.rolegraph.app;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.DatasetGraph;
import org.rolegraph.ingest.Stores;
import org.rolegraph.model.IriScheme;

import picocli.CommandLine.Option;

/** Where a command's data lives: a TDB2 store, or (by default) the embedded data set in memory. */
final class StoreOptions {

    @Option(names = "--store", paramLabel = "DIR",
            description = "A TDB2 store directory (created if missing). Default: the embedded data set, in memory.")
    Path store;

    @Option(names = "--base", paramLabel = "IRI", defaultValue = IriScheme.DEFAULT_BASE,
            description = "Base IRI of roles, skills, sources and graphs (default: ${DEFAULT-VALUE}).")
    String base;

    IriScheme iris() {
        try {
            return new IriScheme(base);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("--base: " + e.getMessage(), 2);
        }
    }

    /** Opens the store the options name; the embedded data set is loaded into a fresh in-memory store. */
    DatasetGraph open() {
        if (store == null) {
            return EmbeddedData.load(iris());
        }
        if (Files.exists(store) && !Files.isDirectory(store)) {
            throw new UserFacingException("--store " + store + ": not a directory", RoleGraphCommand.EXIT_FAILURE);
        }
        try {
            return Stores.open(store);
        } catch (RuntimeException e) {
            throw new UserFacingException("--store " + store + ": cannot open the TDB2 store: " + e.getMessage(),
                    RoleGraphCommand.EXIT_FAILURE);
        }
    }

    static RDFConnection connect(DatasetGraph store) {
        return RDFConnection.connect(DatasetFactory.wrap(store));
    }
}
