package org.rolegraph.app;

import picocli.CommandLine.Option;

/**
 * The options of a command that writes (ingest, import): where the data lives, as for every command,
 * and where a remote store takes writes. Kept apart so the read commands' help lists only what they use.
 */
final class WritingBackend extends Backend {

    @Option(names = "--gsp", paramLabel = "URL",
            description = "The endpoint's Graph Store Protocol URL (default: the one its service description names, "
                    + "else …/data beside …/sparql).")
    String graphStore;

    @Option(names = "--update", paramLabel = "URL",
            description = "The endpoint's SPARQL Update URL (default: the one its service description names, "
                    + "else …/update beside …/sparql).")
    String updateEndpoint;

    @Override
    String givenGraphStore() {
        return graphStore;
    }

    @Override
    String givenUpdate() {
        return updateEndpoint;
    }
}
