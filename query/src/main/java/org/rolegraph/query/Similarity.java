package org.rolegraph.query;

/**
 * How close another role is, by the weighted Jaccard index of responsibilities and skills (an essential
 * skill weighs 2, any other item 1): the sum of the smaller weights of the items both hold
 * ({@code shared}), the sum of the larger weights of the items either holds ({@code union}) and their
 * ratio ({@code score}, 0 to 1). Without essential skills these are plain counts.
 */
public record Similarity(RoleSummary role, int shared, int union, double score) {}
