package org.rolegraph.export.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VOID;
import org.rolegraph.model.IriScheme;
import org.rolegraph.model.PROV;
import org.rolegraph.model.RG;
import org.rolegraph.model.Release;
import org.rolegraph.model.SchemaOrg;

/**
 * The VoID and DCAT description of an exported data set: title, licence, triple count, version,
 * date, the vocabularies it uses and the sources its claims come from. Version and date are the
 * release's, not the clock's, so exports stay byte-identical.
 */
public final class DatasetMetadata {
    private DatasetMetadata() {}

    /** The IRI of the data set itself under the base. */
    public static String datasetIri(IriScheme iris) {
        return iris.base() + "dataset";
    }

    public static List<Triple> describe(IriScheme iris, long triples, Collection<String> sourceIris) {
        Node dataset = NodeFactory.createURI(datasetIri(iris));
        List<Triple> out = new ArrayList<>();
        out.add(Triple.create(dataset, RDF.type.asNode(), VOID.Dataset.asNode()));
        out.add(Triple.create(dataset, RDF.type.asNode(), DCAT.Dataset.asNode()));
        out.add(Triple.create(dataset, DCTerms.title.asNode(), NodeFactory.createLiteralLang("RoleGraph role data set", "en")));
        out.add(Triple.create(dataset, DCTerms.description.asNode(), NodeFactory.createLiteralLang(
                "Job roles (product, project, delivery and program managers and the roles around them) as linked data: "
                        + "what each source says about each role, kept in the source's named graph.", "en")));
        out.add(Triple.create(dataset, DCTerms.license.asNode(), NodeFactory.createURI(Release.DATA_LICENSE)));
        out.add(Triple.create(dataset, DCTerms.conformsTo.asNode(), NodeFactory.createURI(RG.ONTOLOGY_IRI)));
        out.add(Triple.create(dataset, NodeFactory.createURI(DCAT.NS + "version"), NodeFactory.createLiteralString(Release.VERSION)));
        out.add(Triple.create(dataset, DCTerms.modified.asNode(), NodeFactory.createLiteralDT(Release.DATE, XSDDatatype.XSDdate)));
        out.add(Triple.create(dataset, VOID.triples.asNode(),
                NodeFactory.createLiteralDT(Long.toString(triples), XSDDatatype.XSDinteger)));
        for (String vocabulary : List.of(RG.NS, SchemaOrg.NS, SKOS.getURI(), DCTerms.getURI(), PROV.NS)) {
            out.add(Triple.create(dataset, VOID.vocabulary.asNode(), NodeFactory.createURI(vocabulary)));
        }
        for (String source : sourceIris.stream().sorted().toList()) {
            out.add(Triple.create(dataset, DCTerms.source.asNode(), NodeFactory.createURI(source)));
        }
        return out;
    }
}
