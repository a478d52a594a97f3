package org.rolegraph.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.rolegraph.ingest.Ingest;
import org.rolegraph.ingest.IngestResult;
import org.rolegraph.ingest.Stores;

/**
 * Ingests batch after batch into a TDB2 store until it is killed, printing "COMMITTED i n" after
 * batch i (n quads) has committed: the other process of the crash-safety test.
 */
public final class IngestLoopMain {
    private IngestLoopMain() {}

    /** A batch: its own source and 20 roles, so each batch is one named graph of a known size. */
    static String batch(int i) {
        StringBuilder yaml = new StringBuilder("format: rolegraph/1\ndefaultSource: batch-" + i + "\nsources:\n  - {id: batch-"
                + i + ", title: Batch " + i + "}\nroles:\n");
        for (int r = 0; r < 20; r++) {
            yaml.append("  - id: role-").append(i).append('-').append(r).append("\n    label: Role ").append(i).append(' ')
                    .append(r).append("\n    focus:\n      - {text: \"Focus ").append(r).append(" of batch ").append(i)
                    .append("\"}\n");
        }
        return yaml.toString();
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int next = Integer.parseInt(args[1]);
        DatasetGraph store = Stores.openOrCreate(dir);
        Path work = Files.createTempDirectory("ingest-loop");
        for (int i = next; ; i++) {
            Path file = Files.writeString(work.resolve("batch-" + i + ".yaml"), batch(i));
            IngestResult result = Ingest.create().checkShapes(false).load(store, List.of(file));
            System.out.println("COMMITTED " + i + " " + result.quads());
            System.out.flush();
        }
    }
}
