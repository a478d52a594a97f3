package org.rolegraph.query;

/** A taxonomy release in the store: its id ({@code esco-1.1.1}), graph, title and how many roles (occupations) it declares. */
public record ReleaseSummary(String id, String graph, String title, long roles) {}
