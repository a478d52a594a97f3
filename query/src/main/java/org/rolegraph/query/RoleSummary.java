package org.rolegraph.query;

/** A role as listings show it: id, label and family (family fields are null when it has none). */
public record RoleSummary(String id, String iri, String label, String familyIri, String familyLabel) {}
