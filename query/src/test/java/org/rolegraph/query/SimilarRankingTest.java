package org.rolegraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.rolegraph.model.IriScheme;
import org.rolegraph.model.RG;
import org.rolegraph.model.SchemaOrg;

/**
 * {@code Comparisons.similar} weighs only the candidates that can reach the top; its ranking must be
 * similar.rq's, which weighs them all. Checked for every role and several sizes of top on a seeded
 * graph made to be hard for that: 80 roles drawing 6 duties and skills from pools of 12 (so nearly every
 * role is a candidate of every other, and equal scores, ranked by IRI, are everywhere), essential
 * skills on some, a few claims stated in two graphs (counted once), and resources that hold duties but
 * are not roles (no rg:Role, or no English label), which similar.rq ranks and the roles list leaves out.
 */
class SimilarRankingTest {

    private static final IriScheme IRIS = IriScheme.DEFAULT;
    private static final int ROLES = 80;
    private static final RDFConnection CONNECTION = connect();

    private static RDFConnection connect() {
        DatasetGraph dataset = DatabaseMgr.createDatasetGraph();
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        SplittableRandom random = new SplittableRandom(2026);
        Node first = NodeFactory.createURI(IRIS.graph("first"));
        Node second = NodeFactory.createURI(IRIS.graph("second"));
        Txn.executeWrite(dataset, () -> {
            for (int i = 0; i < ROLES + 4; i++) {
                Node role = NodeFactory.createURI(IRIS.role(String.format("r%03d", i)));
                boolean notARole = i >= ROLES;
                if (!notARole) {
                    dataset.add(first, role, RDF.type.asNode(), RG.Role.asNode());
                }
                // Two of the four non-roles are typed as roles but have no English label.
                dataset.add(first, role, SKOS.prefLabel.asNode(), i >= ROLES + 2
                        ? NodeFactory.createLiteralLang("Rolle " + i, "de") : NodeFactory.createLiteralLang("Role " + i, "en"));
                if (i >= ROLES + 2) {
                    dataset.add(first, role, RDF.type.asNode(), RG.Role.asNode());
                }
                for (int k = 0; k < 6; k++) {
                    boolean duty = random.nextBoolean();
                    Node item = NodeFactory.createURI(duty ? IRIS.responsibility("d" + random.nextInt(12)) : IRIS.skill("s" + random.nextInt(12)));
                    Node property = duty ? SchemaOrg.responsibilities.asNode() : SchemaOrg.skills.asNode();
                    dataset.add(first, role, property, item);
                    if (random.nextInt(5) == 0) {
                        dataset.add(second, role, property, item);
                    }
                    if (!duty && random.nextInt(4) == 0) {
                        dataset.add(first, role, RG.essentialSkill.asNode(), item);
                    }
                }
            }
            // A resource of another kind holding duties: a candidate to similar.rq, never a similar role.
            dataset.add(first, NodeFactory.createURI(FOAF.NS + "agent"), SchemaOrg.responsibilities.asNode(),
                    NodeFactory.createURI(IRIS.responsibility("d1")));
        });
        return RDFConnection.connect(DatasetFactory.wrap(dataset));
    }

    @AfterAll
    static void close() {
        CONNECTION.close();
    }

    /**
     * A candidate whose bound (shared / own) equals the top score is still weighed: its items all
     * shared, it ties, and wins by its IRI. Role "target" holds six duties; 200 roles ("m000"...) share
     * four of them and hold two more (score 4 / 8), two whole requests of candidates (100 each), so the
     * tie ("a-subset": three of the six, score 3 / 6, bound 3 / 6) comes in a later one.
     */
    @Test
    void aCandidateThatCanOnlyTieIsWeighedAndWinsByItsIri() {
        DatasetGraph dataset = DatabaseMgr.createDatasetGraph();
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        Node graph = NodeFactory.createURI(IRIS.graph("ties"));
        Txn.executeWrite(dataset, () -> {
            java.util.function.BiConsumer<String, List<String>> role = (id, duties) -> {
                Node iri = NodeFactory.createURI(IRIS.role(id));
                dataset.add(graph, iri, RDF.type.asNode(), RG.Role.asNode());
                dataset.add(graph, iri, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang(id, "en"));
                duties.forEach(d -> dataset.add(graph, iri, SchemaOrg.responsibilities.asNode(),
                        NodeFactory.createURI(IRIS.responsibility(d))));
            };
            role.accept("target", List.of("t1", "t2", "t3", "t4", "t5", "t6"));
            for (int i = 0; i < 200; i++) {
                role.accept(String.format("m%03d", i), List.of("t1", "t2", "t3", "t4", "own-a-" + i, "own-b-" + i));
            }
            role.accept("a-subset", List.of("t4", "t5", "t6"));
        });
        try (RDFConnection connection = RDFConnection.connect(DatasetFactory.wrap(dataset))) {
            List<Similarity> top = new Comparisons(connection, IRIS).similar("target", 2);
            assertEquals(List.of("a-subset", "m000"), top.stream().map(s -> s.role().id()).toList());
            assertEquals(List.of(3, 4), top.stream().map(Similarity::shared).toList());
            assertEquals(List.of(6, 8), top.stream().map(Similarity::union).toList());
        }
    }

    /** similar.rq without a limit: each ?other once, in its order, kept when it is a role of the roles list. */
    private static List<String> rankedBySimilarRq(String id, Set<String> roles) {
        Query query = QueryBindings.substitute(QueryCatalog.get("similar"), Map.of("role", NodeFactory.createURI(IRIS.role(id))));
        LinkedHashSet<String> ranked = new LinkedHashSet<>();
        for (QuerySolution row : new Sparql(CONNECTION, java.time.Duration.ofSeconds(30)).select(query)) {
            String other = row.getResource("other").getURI();
            if (roles.contains(other)) {
                ranked.add(other);
            }
        }
        return new ArrayList<>(ranked);
    }

    @Test
    void ranksEveryRoleAsSimilarRqDoes() {
        Comparisons comparisons = new Comparisons(CONNECTION, IRIS);
        Set<String> roles = new Roles(CONNECTION, IRIS).list().stream().map(RoleSummary::iri).collect(Collectors.toSet());
        assertEquals(ROLES, roles.size(), "roles with an English label");
        int ties = 0;
        for (int i = 0; i < ROLES; i++) {
            String id = String.format("r%03d", i);
            List<String> expected = rankedBySimilarRq(id, roles);
            for (int top : new int[] {1, 3, 10, 100}) {
                List<Similarity> similar = comparisons.similar(id, top);
                assertEquals(expected.subList(0, Math.min(top, expected.size())),
                        similar.stream().map(s -> s.role().iri()).toList(), id + ", top " + top);
                for (int k = 1; k < similar.size(); k++) {
                    if (similar.get(k).shared() * similar.get(k - 1).union() == similar.get(k - 1).shared() * similar.get(k).union()) {
                        ties++;
                    }
                }
            }
        }
        assertTrue(ties > 100, "equal scores ranked by IRI: " + ties);
    }
}
