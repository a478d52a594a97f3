package org.rolegraph.model.records;

/** What kind of source a claim comes from. */
public enum SourceKind {
    ARTICLE("article"),
    DATASET("dataset"),
    CURATION("curation");

    private final String key;

    SourceKind(String key) {
        this.key = key;
    }

    /** The spelling used in role-data files. */
    public String key() {
        return key;
    }
}
