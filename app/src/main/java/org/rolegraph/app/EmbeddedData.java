package org.rolegraph.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.rolegraph.ingest.Ingest;
import org.rolegraph.ingest.IngestException;
import org.rolegraph.ingest.Stores;
import org.rolegraph.ingest.read.RoleDataReader;
import org.rolegraph.model.IriScheme;

/**
 * The curated role data set shipped in the jar ({@code data/} of the repository), listed in load
 * order by {@code data/index.txt}.
 */
public final class EmbeddedData {
    private EmbeddedData() {}

    static final String FOLDER = "org/rolegraph/data/";

    /** The embedded files, in load order. */
    public static List<Ingest.Input> inputs() {
        List<Ingest.Input> inputs = new ArrayList<>();
        try (InputStream index = open("index.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                inputs.add(new Ingest.Input("data/" + name, RoleDataReader.Format.of(name), () -> open(name), -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inputs;
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = EmbeddedData.class.getClassLoader().getResourceAsStream(FOLDER + name);
        if (in == null) {
            throw new IOException("embedded data file missing from the jar: " + name);
        }
        return in;
    }

    /**
     * A fresh in-memory store holding the embedded data set. The data set is checked against the
     * shapes by the build's tests, so loading skips that check to start fast, into a store that is
     * quick to create.
     */
    public static DatasetGraph load(IriScheme iris) {
        DatasetGraph store = Stores.inMemorySmall();
        try {
            Ingest.create().iris(iris).checkShapes(false).loadInputs(store, inputs());
        } catch (IngestException e) {
            throw new IllegalStateException("the embedded data set does not load: " + e.getMessage(), e);
        }
        return store;
    }
}
