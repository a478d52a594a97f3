package org.rolegraph.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine;

/** The RoleGraph and Jena versions this build was made with, and the Java it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        Properties versions = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                versions.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String[] {
            "rolegraph " + versions.getProperty("rolegraph.version", "(development build)"),
            "Apache Jena " + versions.getProperty("jena.version", org.apache.jena.Jena.VERSION) + ", Java "
                    + System.getProperty("java.version")
        };
    }
}
