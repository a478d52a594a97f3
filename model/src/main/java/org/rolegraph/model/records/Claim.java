package org.rolegraph.model.records;

import java.util.List;

/** A statement in words, such as a definition or a success measure, and the sources that make it. */
public record Claim(String text, String lang, List<String> sources) {
    public Claim {
        sources = List.copyOf(sources);
    }
}
