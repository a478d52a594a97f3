package org.rolegraph.model;

/**
 * The release the shipped ontology and data set belong to. Exports state this version and date in
 * their metadata rather than the clock's, so the same data always gives the same bytes.
 */
public final class Release {
    private Release() {}

    /** The version of the ontology and the curated data set. */
    public static final String VERSION = "0.1.0";

    /** The date of this release (xsd:date). */
    public static final String DATE = "2026-11-22";

    /** The licence of the curated data set. */
    public static final String DATA_LICENSE = "https://creativecommons.org/licenses/by/4.0/";
}
