package org.rolegraph.query;

/** The source of a claim: its IRI, id (under the base) and title. */
public record SourceRef(String iri, String id, String title) {}
