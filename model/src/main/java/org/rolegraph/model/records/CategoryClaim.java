package org.rolegraph.model.records;

import java.util.List;

/** A claim that a role falls under a code of a standard classification. */
public record CategoryClaim(String code, CodeSet scheme, String name, List<String> sources) {
    public CategoryClaim {
        sources = List.copyOf(sources);
    }

    /** The classifications a category code may come from. */
    public enum CodeSet {
        ISCO_08("isco-08", "ISCO-08"),
        ONET_SOC("onet-soc", "O*NET-SOC");

        private final String key;
        private final String title;

        CodeSet(String key, String title) {
            this.key = key;
            this.title = title;
        }

        /** The spelling used in role-data files. */
        public String key() {
            return key;
        }

        /** The IRI of a code in this classification: ESCO's ISCO groups, O*NET OnLine's occupations. */
        public String iri(String code) {
            return this == ISCO_08 ? "http://data.europa.eu/esco/isco/C" + code
                    : "https://www.onetonline.org/link/summary/" + code;
        }

        /** The name written into the graph. */
        public String title() {
            return title;
        }
    }
}
