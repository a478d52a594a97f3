package org.rolegraph.model.records;

import java.util.List;

/** A certification, recognised by the organization that grants it. */
public record Credential(String id, String name, String recognizedBy, String description, List<String> sources) {
    public Credential {
        sources = List.copyOf(sources);
    }
}
