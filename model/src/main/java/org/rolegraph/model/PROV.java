package org.rolegraph.model;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The PROV-O terms RoleGraph uses (Jena has no PROV vocabulary class). */
public final class PROV {
    private PROV() {}

    public static final String NS = "http://www.w3.org/ns/prov#";

    public static String getURI() {
        return NS;
    }

    // Classes
    /** Something whose provenance is described; every RoleGraph source is one. */
    public static final Resource Entity = ResourceFactory.createResource(NS + "Entity");

    // Properties
    /** Links a source's named graph to the source its claims come from. */
    public static final Property wasDerivedFrom = ResourceFactory.createProperty(NS, "wasDerivedFrom");
}
