package org.rolegraph.model.records;

/** The level at which a role decides (the concepts rg:Strategic, rg:Tactical, rg:Operational). */
public enum DecisionLevel {
    STRATEGIC("strategic"),
    TACTICAL("tactical"),
    OPERATIONAL("operational");

    private final String key;

    DecisionLevel(String key) {
        this.key = key;
    }

    /** The spelling used in role-data files. */
    public String key() {
        return key;
    }
}
