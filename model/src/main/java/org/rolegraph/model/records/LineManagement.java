package org.rolegraph.model.records;

/**
 * Whether a role is the line manager of the people it leads (the concepts rg:LineManager and
 * rg:NotNecessarilyLineManager): a project manager leads a team whose members may report elsewhere.
 */
public enum LineManagement {
    LINE_MANAGER("line-manager"),
    NOT_NECESSARILY("not-necessarily");

    private final String key;

    LineManagement(String key) {
        this.key = key;
    }

    /** The spelling used in role-data files. */
    public String key() {
        return key;
    }
}
