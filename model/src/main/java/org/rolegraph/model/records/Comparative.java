package org.rolegraph.model.records;

import java.util.List;

/**
 * A source's claim that a role has more of something than another role (one article says program
 * managers usually out-earn project managers): a claim about two roles, with its source, whether or
 * not the source gives figures for it.
 */
public record Comparative(Quality more, String than, List<String> sources) {
    public Comparative {
        sources = List.copyOf(sources);
    }

    /** What one role has more of than the other. */
    public enum Quality {
        PAY("pay"),
        RESPONSIBILITIES("responsibilities"),
        SCOPE("scope");

        private final String key;

        Quality(String key) {
            this.key = key;
        }

        /** The spelling used in role-data files. */
        public String key() {
            return key;
        }
    }
}
