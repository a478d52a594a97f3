package org.rolegraph.ingest.read;

/** The kinds of entries a role-data file declares and references by id. */
public enum EntryKind {
    SOURCE("source"),
    ORGANIZATION("organization"),
    CREDENTIAL("credential"),
    FAMILY("family"),
    RESPONSIBILITY("responsibility"),
    SKILL("skill"),
    ROLE("role");

    private final String noun;

    EntryKind(String noun) {
        this.noun = noun;
    }

    /** The word used in messages. */
    public String noun() {
        return noun;
    }
}
