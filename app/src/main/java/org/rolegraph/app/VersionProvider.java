package org.rolegraph.app;

import picocli.CommandLine;

/** The version from the jar's manifest, with the Jena and Java versions it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = RoleGraphCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "rolegraph " + (version == null ? "(development build)" : version),
            "Apache Jena " + org.apache.jena.Jena.VERSION + ", Java " + System.getProperty("java.version")
        };
    }
}
