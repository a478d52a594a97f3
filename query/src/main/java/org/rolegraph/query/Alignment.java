package org.rolegraph.query;

/**
 * A proposed link from a curated role to an imported occupation, for a person to review: exact
 * ({@code skos:exactMatch}) or close ({@code skos:closeMatch}), with a score between 0 and 1 and the
 * evidence in words.
 */
public record Alignment(RoleSummary role, RoleSummary occupation, boolean exact, double score, String evidence) {}
