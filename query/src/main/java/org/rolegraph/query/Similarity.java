package org.rolegraph.query;

/**
 * How close another role is: the responsibilities and skills both hold ({@code shared}), those either
 * holds ({@code union}) and their ratio, the Jaccard index ({@code score}, 0 to 1).
 */
public record Similarity(RoleSummary role, int shared, int union, double score) {}
