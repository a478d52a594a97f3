package org.rolegraph.ingest;

import java.util.List;
import java.util.stream.Collectors;

/** The input had problems; nothing was written. Carries every problem found, in file order. */
public final class IngestException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public IngestException(List<Problem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, sorted by file, line and column. */
    public List<Problem> problems() {
        return problems;
    }
}
