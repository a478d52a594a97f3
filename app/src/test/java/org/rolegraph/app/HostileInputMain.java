package org.rolegraph.app;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDFLib;
import org.rolegraph.export.RdfFiles;
import org.rolegraph.ingest.Ingest;
import org.rolegraph.ingest.IngestException;
import org.rolegraph.ingest.Stores;
import org.rolegraph.ingest.read.RoleDataReader;

/**
 * The other process of {@link HostileInputTest}, run under a small heap: reads one hostile input made
 * on the fly (never written to disk) and prints how it ended: {@code REFUSED [line: L, col: C] message},
 * {@code ACCEPTED}, or {@code CRASHED} with the throwable (an OutOfMemoryError or StackOverflowError).
 */
public final class HostileInputMain {
    static final long MEGABYTES_200 = 200L << 20;

    public static void main(String[] args) {
        try {
            run(args[0]);
            System.out.println("ACCEPTED");
        } catch (RiotException e) {
            // Jena puts the location in the message: [line: L, col: C] ...
            System.out.println("REFUSED " + e.getMessage());
        } catch (IngestException e) {
            var first = e.problems().get(0);
            System.out.println("REFUSED [line: " + first.line() + ", col: " + first.column() + "] " + first.message());
        } catch (Throwable t) {
            System.out.println("CRASHED " + t);
            System.exit(3);
        }
    }

    private static void run(String kind) throws IngestException {
        switch (kind) {
            case "turtle-literal" -> turtle(new Generated("<http://x/s> <http://x/p> \"", "lorem ipsum ", MEGABYTES_200));
            case "turtle-long-literal" -> turtle(new Generated("<http://x/s> <http://x/p> \"\"\"", "lorem ipsum\n", MEGABYTES_200));
            case "turtle-nesting" -> turtle(new Generated("<http://x/s> <http://x/p> ", "( ", 1_000_000));
            case "yaml-literal" -> roleData(RoleDataReader.Format.YAML,
                    new Generated("format: rolegraph/1\nroles:\n  - id: x\n    title: \"", "lorem ipsum ", MEGABYTES_200));
            case "yaml-long-literal" -> roleData(RoleDataReader.Format.YAML,
                    new Generated("format: rolegraph/1\nroles:\n  - id: x\n    title: \"", "lorem ipsum\n      ", MEGABYTES_200));
            case "json-literal" -> roleData(RoleDataReader.Format.JSON,
                    new Generated("{\"format\": \"rolegraph/1\", \"roles\": [{\"id\": \"x\", \"title\": \"", "lorem ipsum ", MEGABYTES_200));
            case "json-nesting" -> roleData(RoleDataReader.Format.JSON, new Generated("{\"roles\": ", "[", 1_000_000));
            case "yaml-nesting" -> roleData(RoleDataReader.Format.YAML, new Generated("roles: ", "[", 1_000_000));
            default -> throw new IllegalArgumentException(kind);
        }
    }

    private static void turtle(InputStream in) {
        RdfFiles.parse(in, Lang.TURTLE, StreamRDFLib.sinkNull());
    }

    private static void roleData(RoleDataReader.Format format, InputStream in) throws IngestException {
        Ingest.create().loadInputs(Stores.inMemory(), List.of(new Ingest.Input("hostile." + format.name().toLowerCase(), format, () -> in, -1)));
    }

    /** A start, then a filler repeated up to a total size: a large document that is never held whole. */
    static final class Generated extends InputStream {
        private final byte[] start;
        private final byte[] filler;
        private final long total;
        private long position;

        Generated(String start, String filler, long total) {
            this.start = start.getBytes(StandardCharsets.UTF_8);
            this.filler = filler.getBytes(StandardCharsets.UTF_8);
            this.total = total;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= total) {
                return -1;
            }
            int n = (int) Math.min(length, total - position);
            for (int i = 0; i < n; i++, position++) {
                buffer[offset + i] = position < start.length ? start[(int) position]
                        : filler[(int) ((position - start.length) % filler.length)];
            }
            return n;
        }
    }
}
