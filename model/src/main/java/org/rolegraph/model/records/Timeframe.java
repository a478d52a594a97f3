package org.rolegraph.model.records;

/** How long a role's engagement lasts (the concepts rg:Continuous and rg:TimeBound). */
public enum Timeframe {
    CONTINUOUS("continuous"),
    TIME_BOUND("time-bound");

    private final String key;

    Timeframe(String key) {
        this.key = key;
    }

    /** The spelling used in role-data files. */
    public String key() {
        return key;
    }
}
