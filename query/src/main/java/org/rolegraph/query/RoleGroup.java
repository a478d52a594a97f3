package org.rolegraph.query;

/**
 * A group of occupations in a taxonomy release (an ISCO-08 group of ESCO, a SOC major group of
 * O*NET): its IRI, code, English name (null when the release gives none), the IRI of its broader
 * group (null at the top) and how many of the release's occupations sit in it at any depth.
 */
public record RoleGroup(String iri, String code, String name, String parent, long roles) {}
