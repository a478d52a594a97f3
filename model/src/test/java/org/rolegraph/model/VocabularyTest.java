package org.rolegraph.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    private final Model ontology = Ontology.ontology();

    private static Set<String> constantIris() throws IllegalAccessException {
        Set<String> iris = new TreeSet<>();
        for (Field field : RG.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Resource.class.isAssignableFrom(field.getType())) {
                Resource term = (Resource) field.get(null);
                assertEquals(RG.NS + field.getName(), term.getURI(), "constant name must equal its local name");
                iris.add(term.getURI());
            }
        }
        return iris;
    }

    private Set<String> ontologyTermIris() {
        Set<String> iris = new TreeSet<>();
        ontology.listSubjects().forEachRemaining(subject -> {
            if (subject.isURIResource() && subject.getURI().startsWith(RG.NS)) {
                iris.add(subject.getURI());
            }
        });
        return iris;
    }

    @Test
    void everyConstantIsDeclaredInTheOntologyAndEveryTermHasAConstant() throws IllegalAccessException {
        assertEquals(ontologyTermIris(), constantIris());
    }

    @Test
    void constantKindsMatchTheOntology() throws IllegalAccessException {
        for (Field field : RG.class.getFields()) {
            if (!Resource.class.isAssignableFrom(field.getType())) {
                continue;
            }
            Resource term = ontology.getResource(((Resource) field.get(null)).getURI());
            boolean isProperty = term.hasProperty(RDF.type, OWL.ObjectProperty)
                    || term.hasProperty(RDF.type, OWL.DatatypeProperty);
            boolean declaredAsProperty = org.apache.jena.rdf.model.Property.class.isAssignableFrom(field.getType());
            assertEquals(isProperty, declaredAsProperty, field.getName() + ": Property constant iff an OWL property");
        }
    }

    @Test
    void ontologyHeaderHasVersionLabelCommentLicenceAndCreator() {
        Resource header = ontology.getResource(RG.ONTOLOGY_IRI);
        assertTrue(header.hasProperty(RDF.type, OWL.Ontology));
        for (var p : List.of(OWL.versionIRI, RDFS.label, RDFS.comment,
                org.apache.jena.vocabulary.DCTerms.license, org.apache.jena.vocabulary.DCTerms.creator)) {
            assertTrue(header.hasProperty(p), "ontology header lacks " + p);
        }
    }

    @Test
    void everyClassAndPropertyOfOursHasLabelCommentDomainAndRange() {
        List<String> missing = new ArrayList<>();
        for (String iri : ontologyTermIris()) {
            Resource term = ontology.getResource(iri);
            boolean isProperty = term.hasProperty(RDF.type, OWL.ObjectProperty)
                    || term.hasProperty(RDF.type, OWL.DatatypeProperty);
            List<org.apache.jena.rdf.model.Property> needed = new ArrayList<>(List.of(RDFS.label, RDFS.comment));
            if (isProperty) {
                needed.add(RDFS.domain);
                needed.add(RDFS.range);
            }
            for (var p : needed) {
                if (!term.hasProperty(p)) {
                    missing.add(term.getLocalName() + " lacks " + p.getLocalName());
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void aspectValuesAreConceptsInTheirSchemes() {
        for (Resource value : List.of(RG.Continuous, RG.TimeBound)) {
            assertTrue(ontology.contains(value, SKOS.inScheme, RG.TimeframeScheme), value.getURI());
        }
        for (Resource value : List.of(RG.Strategic, RG.Tactical, RG.Operational)) {
            assertTrue(ontology.contains(value, SKOS.inScheme, RG.DecisionLevelScheme), value.getURI());
        }
    }

    @Test
    void reportingLineIsTransitiveAndManagesIsItsInverse() {
        assertTrue(ontology.contains(RG.reportsTo, RDF.type, OWL.TransitiveProperty));
        assertTrue(ontology.contains(RG.manages, OWL.inverseOf, RG.reportsTo));
    }

    @Test
    void shapesParseAndTargetTheOntologysClasses() {
        Model shapes = Ontology.shapes();
        Set<RDFNode> targets = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        shapes.listStatements(null, shapes.createProperty("http://www.w3.org/ns/shacl#targetClass"), (RDFNode) null)
                .mapWith(Statement::getObject).forEachRemaining(targets::add);
        assertFalse(targets.isEmpty());
        for (RDFNode target : targets) {
            assertTrue(ontology.contains(target.asResource(), RDF.type, OWL.Class),
                    "shape targets a class the ontology does not declare: " + target);
        }
    }
}
