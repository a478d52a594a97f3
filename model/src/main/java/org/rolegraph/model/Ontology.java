package org.rolegraph.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;

/**
 * The files the model module ships: the ontology, the SHACL shapes and the JSON Schema of the
 * role-data format. Each is read from the classpath, so they work from the jar with no network.
 */
public final class Ontology {
    private Ontology() {}

    public static final String ONTOLOGY_RESOURCE = "org/rolegraph/model/rolegraph.ttl";
    public static final String SHAPES_RESOURCE = "org/rolegraph/model/shapes.ttl";
    public static final String ROLE_DATA_SCHEMA_RESOURCE = "org/rolegraph/model/role-data.schema.json";
    public static final String CONTEXT_RESOURCE = "org/rolegraph/model/context.jsonld";

    /** The ontology as a fresh model. */
    public static Model ontology() {
        return read(ONTOLOGY_RESOURCE);
    }

    /** The SHACL shapes graph as a fresh model. */
    public static Model shapes() {
        return read(SHAPES_RESOURCE);
    }

    /** Opens a shipped resource; the caller closes the stream. */
    public static InputStream open(String resource) {
        InputStream in = Ontology.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource on the classpath: " + resource);
        }
        return in;
    }

    private static Model read(String resource) {
        Graph graph = GraphMemFactory.createDefaultGraph();
        Model model = ModelFactory.createModelForGraph(graph);
        try (InputStream in = open(resource)) {
            model.read(in, null, "TURTLE");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return model;
    }
}
