package org.rolegraph.model.records;

/**
 * Where claims come from. {@code publisher} is an organization id, set only when the source names
 * its publisher; {@code issued} is a date (YYYY-MM-DD) or a year.
 */
public record Source(String id, String title, SourceKind kind, String publisher, String url,
        String description, String issued) {
}
