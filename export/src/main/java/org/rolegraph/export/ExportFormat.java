package org.rolegraph.export;

import org.apache.jena.riot.Lang;

/** The formats an export writes, with their file extension and media type. */
public enum ExportFormat {
    TURTLE("turtle", "ttl", "text/turtle", Lang.TURTLE, false),
    NTRIPLES("ntriples", "nt", "application/n-triples", Lang.NTRIPLES, false),
    NQUADS("nquads", "nq", "application/n-quads", Lang.NQUADS, true),
    TRIG("trig", "trig", "application/trig", Lang.TRIG, true),
    RDFXML("rdfxml", "rdf", "application/rdf+xml", Lang.RDFXML, false),
    JSONLD("jsonld", "jsonld", "application/ld+json", Lang.JSONLD, false);

    private final String key;
    private final String extension;
    private final String mediaType;
    private final Lang lang;
    private final boolean quads;

    ExportFormat(String key, String extension, String mediaType, Lang lang, boolean quads) {
        this.key = key;
        this.extension = extension;
        this.mediaType = mediaType;
        this.lang = lang;
        this.quads = quads;
    }

    /** The name used on the command line. */
    public String key() {
        return key;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Jena's language, for reading an export back. */
    public Lang lang() {
        return lang;
    }

    /** Whether the format keeps named graphs (per-source provenance); the others carry the union. */
    public boolean carriesGraphs() {
        return quads;
    }

    /** The format named {@code key} (turtle, jsonld, ...), or null. */
    public static ExportFormat of(String key) {
        for (ExportFormat format : values()) {
            if (format.key.equalsIgnoreCase(key) || format.extension.equalsIgnoreCase(key)) {
                return format;
            }
        }
        return null;
    }
}
