package org.rolegraph.model;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The SPARQL 1.1 Service Description terms RoleGraph uses (Jena has no vocabulary class for them): the
 * server describes its endpoint with them, and a remote ingest reads where a store takes writes.
 */
public final class SD {
    private SD() {}

    public static final String NS = "http://www.w3.org/ns/sparql-service-description#";

    public static String getURI() {
        return NS;
    }

    // Classes
    /** A SPARQL service, at its endpoint. */
    public static final Resource Service = ResourceFactory.createResource(NS + "Service");
    /** The dataset a service answers over. */
    public static final Resource Dataset = ResourceFactory.createResource(NS + "Dataset");
    /** A graph of a dataset. */
    public static final Resource Graph = ResourceFactory.createResource(NS + "Graph");
    /** A named graph of a dataset, with its name. */
    public static final Resource NamedGraph = ResourceFactory.createResource(NS + "NamedGraph");

    // Instances
    /** The language of a service that answers SPARQL 1.1 queries. */
    public static final Resource SPARQL11Query = ResourceFactory.createResource(NS + "SPARQL11Query");
    /** The language of a service that takes SPARQL 1.1 updates. */
    public static final Resource SPARQL11Update = ResourceFactory.createResource(NS + "SPARQL11Update");
    /** The feature of a service whose default graph is the union of its named graphs. */
    public static final Resource UnionDefaultGraph = ResourceFactory.createResource(NS + "UnionDefaultGraph");

    // Properties
    /** The address a service answers at. */
    public static final Property endpoint = ResourceFactory.createProperty(NS, "endpoint");
    /** A language the service supports. */
    public static final Property supportedLanguage = ResourceFactory.createProperty(NS, "supportedLanguage");
    /** A feature of the service. */
    public static final Property feature = ResourceFactory.createProperty(NS, "feature");
    /** The entailment regime of the service's answers. */
    public static final Property defaultEntailmentRegime = ResourceFactory.createProperty(NS, "defaultEntailmentRegime");
    /** A format the service answers in. */
    public static final Property resultFormat = ResourceFactory.createProperty(NS, "resultFormat");
    /** The dataset the service answers over when a request names none. */
    public static final Property defaultDataset = ResourceFactory.createProperty(NS, "defaultDataset");
    /** The default graph of a dataset. */
    public static final Property defaultGraph = ResourceFactory.createProperty(NS, "defaultGraph");
    /** A named graph of a dataset. */
    public static final Property namedGraph = ResourceFactory.createProperty(NS, "namedGraph");
    /** The name of a named graph. */
    public static final Property name = ResourceFactory.createProperty(NS, "name");
}
