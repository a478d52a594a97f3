package org.rolegraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.rolegraph.model.IriScheme;
import org.rolegraph.model.RG;
import org.rolegraph.model.records.DecisionLevel;
import org.rolegraph.model.records.Timeframe;

/** The comparison queries on a small hand-written graph ({@code small.trig}: six roles), answers worked out by hand. */
class ComparisonsTest {

    private static final RDFConnection CONNECTION = connect();
    private static final Comparisons COMPARISONS = new Comparisons(CONNECTION, IriScheme.DEFAULT);

    private static RDFConnection connect() {
        DatasetGraph dataset = DatabaseMgr.createDatasetGraph();
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        Txn.executeWrite(dataset, () -> RDFParser.source(ComparisonsTest.class.getResource("/small.trig").toString())
                .parse(dataset));
        return RDFConnection.connect(DatasetFactory.wrap(dataset));
    }

    @AfterAll
    static void close() {
        CONNECTION.close();
    }

    @Test
    void sharedAndUniqueSplitDutiesAndSkills() {
        SharedAndUnique result = COMPARISONS.sharedAndUnique(List.of("lead", "member"));
        assertEquals(Set.of("Plan", "Talk"), result.shared().stream().map(SharedItem::label).collect(Collectors.toSet()));
        assertEquals(List.of("Hire"), result.unique().get("lead").stream().map(SharedItem::label).toList());
        assertEquals(Set.of("Build", "Code"), result.unique().get("member").stream().map(SharedItem::label).collect(Collectors.toSet()));
        assertEquals(List.of(), result.partlyShared());
        SharedAndUnique three = COMPARISONS.sharedAndUnique(List.of("lead", "member", "intern"));
        assertEquals(List.of(), three.shared());
        // Build is held by member and intern, in the order the roles were given.
        assertTrue(three.partlyShared().stream().anyMatch(i -> i.label().equals("Build") && i.holders().equals(List.of("member", "intern"))));
    }

    @Test
    void similarIsTheJaccardIndex() {
        // lead {plan, hire, talk}; member {plan, build, talk, code}: 2 shared of 5 -> 0.4.
        // intern {build}: shares nothing with lead, so it is not listed.
        List<Similarity> similar = COMPARISONS.similar("lead", 5);
        assertEquals(1, similar.size());
        assertEquals("member", similar.get(0).role().id());
        assertEquals(2, similar.get(0).shared());
        assertEquals(5, similar.get(0).union());
        assertEquals(0.4, similar.get(0).score(), 1e-9);
        // member vs intern: {build} shared of 4 -> 0.25; vs lead 0.4: lead first.
        assertEquals(List.of("lead", "intern"), COMPARISONS.similar("member", 5).stream().map(s -> s.role().id()).toList());
        assertEquals(List.of("lead"), COMPARISONS.similar("member", 1).stream().map(s -> s.role().id()).toList());
    }

    @Test
    void similarWeighsEssentialSkillsTwice() {
        // Weights (essential 2, optional 1): analyst {model 2, sql 2, present 1} = 5,
        // architect {model 2, sql 1, draw 1} = 4, tester {present 2, model 1} = 3.
        // analyst-architect: smaller weights model 2 + sql 1 = 3, larger 5 + 4 - 3 = 6 -> 0.5.
        // analyst-tester: model 1 + present 1 = 2 of 5 + 3 - 2 = 6 -> 1/3. Unweighted, tester would
        // come first (2 of 3 items against 2 of 4).
        List<Similarity> similar = COMPARISONS.similar("analyst", 5);
        assertEquals(List.of("architect", "tester"), similar.stream().map(s -> s.role().id()).toList());
        assertEquals(List.of(3, 2), similar.stream().map(Similarity::shared).toList());
        assertEquals(List.of(6, 6), similar.stream().map(Similarity::union).toList());
        assertEquals(0.5, similar.get(0).score(), 1e-9);
        assertEquals(1.0 / 3, similar.get(1).score(), 1e-6);
        // tester-architect: model min(1, 2) = 1 of 3 + 4 - 1 = 6.
        Similarity architect = COMPARISONS.similar("tester", 5).stream().filter(s -> s.role().id().equals("architect"))
                .findFirst().orElseThrow();
        assertEquals(1.0 / 6, architect.score(), 1e-6);
    }

    @Test
    void chainFollowsReportsToAndTheInverseOfManages() {
        ReportingChain intern = COMPARISONS.chain("intern");
        assertEquals(List.of("member", "lead"), intern.above().stream().map(RoleSummary::id).toList());
        ReportingChain lead = COMPARISONS.chain("lead");
        assertEquals(List.of("member", "intern"), lead.below().stream().map(RoleSummary::id).toList());
        // member -> lead is said by source one (reportsTo) and source two (manages).
        ReportingLine line = lead.lines().stream().filter(l -> l.report().id().equals("member")).findFirst().orElseThrow();
        assertEquals(Set.of("one", "two"), line.sources().stream().map(SourceRef::id).collect(Collectors.toSet()));
    }

    @Test
    void wordsBoundAsAlternativesGiveWhatAValuesBlockGives() {
        // The search query binds its words as a UNION of BINDs (Virtuoso needs it); same rows as VALUES.
        Query search = QueryBindings.substitute(QueryCatalog.get("search"), Map.of("text",
                org.apache.jena.graph.NodeFactory.createLiteralString("team lead"), "first", org.apache.jena.graph.NodeFactory.createLiteralString("team"),
                "words", org.apache.jena.graph.NodeFactory.createLiteralDT("2", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)));
        List<org.apache.jena.graph.Node> words = List.of(org.apache.jena.graph.NodeFactory.createLiteralString("team"),
                org.apache.jena.graph.NodeFactory.createLiteralString("lead"));
        Query alternatives = QueryBindings.withAlternatives(search, "word", words);
        assertTrue(alternatives.toString().contains("UNION") && !alternatives.toString().contains("VALUES"), alternatives.toString());
        List<String> viaValues = new java.util.ArrayList<>();
        List<String> viaAlternatives = new java.util.ArrayList<>();
        CONNECTION.querySelect(QueryBindings.withValues(search, "word", words), row -> viaValues.add(row.toString()));
        CONNECTION.querySelect(alternatives, row -> viaAlternatives.add(row.toString()));
        assertEquals(viaValues, viaAlternatives);
        // "team lead" is a name of the lead (fit 1: a name is the text); the member has "team" only.
        assertEquals(1, viaAlternatives.size(), viaAlternatives.toString());
        assertTrue(viaAlternatives.get(0).contains("role/lead") && viaAlternatives.get(0).contains("1"), viaAlternatives.toString());
    }

    @Test
    void salariesStaySideBySideAndDisagreementsAreShown() {
        List<SalaryFigure> lead = COMPARISONS.salaries(List.of("lead")).get("lead");
        assertEquals(2, lead.size());
        assertEquals(Set.of("one", "two"), lead.stream().map(s -> s.source().id()).collect(Collectors.toSet()));
        List<Disagreement> disagreements = COMPARISONS.disagreements(List.of());
        Map<String, Disagreement> byAspect = disagreements.stream().collect(Collectors.toMap(Disagreement::aspect, d -> d));
        Disagreement mean = byAspect.get(RG.mean.getURI());
        assertEquals(new BigDecimal("100000"), new BigDecimal(mean.value1()).stripTrailingZeros().setScale(0));
        assertEquals(new BigDecimal("120000"), new BigDecimal(mean.value2()).stripTrailingZeros().setScale(0));
        assertEquals("USD", mean.currency());
        Disagreement timeframe = byAspect.get(RG.timeframe.getURI());
        assertEquals(Set.of("continuous", "time-bound"), Set.of(timeframe.value1(), timeframe.value2()));
        // Source one says a member earns more than a lead; source two's averages say 90,000 against 120,000.
        Disagreement pay = byAspect.get(RG.earnsMoreThan.getURI());
        assertEquals("member", pay.roleId());
        assertEquals(List.of("one", "two"), List.of(pay.source1().id(), pay.source2().id()));
        assertEquals("pay", pay.subject());
        assertEquals("earns more than Lead", pay.side1());
        assertEquals("90,000 USD per year against 120,000 USD per year for Lead", pay.side2());
        assertEquals(3, disagreements.size());
    }

    @Test
    void compareShowsEveryAspectWithItsSources() {
        Comparison comparison = COMPARISONS.compare(List.of("lead", "member"));
        AspectValues timeframe = comparison.aspects().stream().filter(a -> a.aspect() == Aspect.TIMEFRAME).findFirst().orElseThrow();
        assertEquals(List.of("continuous", "time-bound"), timeframe.byRole().get("lead").stream().map(Statement::label).toList());
        assertEquals(List.of("one"), timeframe.byRole().get("lead").get(0).sources().stream().map(SourceRef::id).toList());
        assertEquals(List.of("time-bound"), timeframe.byRole().get("member").stream().map(Statement::label).toList());
        assertEquals(List.of("Source one", "Source two"), comparison.sources().stream().map(SourceRef::title).toList());
    }

    @Test
    void fitCombinesAspectValuesAndKeywords() {
        assertEquals(List.of("lead"), ids(COMPARISONS.fitting(new Need(Timeframe.CONTINUOUS, null, List.of()))));
        assertEquals(List.of("lead", "member"), ids(COMPARISONS.fitting(new Need(Timeframe.TIME_BOUND, null, List.of()))));
        assertEquals(List.of("member"), ids(COMPARISONS.fitting(new Need(null, DecisionLevel.TACTICAL, List.of()))));
        assertEquals(List.of("lead"), ids(COMPARISONS.fitting(new Need(null, null, List.of("CLIENT")))));
        assertEquals(List.of(), ids(COMPARISONS.fitting(new Need(null, DecisionLevel.TACTICAL, List.of("client")))));
    }

    private static List<String> ids(List<RoleMatch> matches) {
        return matches.stream().map(m -> m.role().id()).sorted().toList();
    }

    // ---- no injection ----------------------------------------------------------------------------

    private static final List<String> HOSTILE = List.of(
            "\"}) } UNION { ?role ?p ?o } #",
            "x\" . } ; DROP ALL ; SELECT * { ?s ?p ?o",
            "client>\n} UNION {\n?role a ?type",
            "'; DELETE WHERE { ?s ?p ?o } #",
            "{ } } } >>> \"\"\" '''");

    @Test
    void hostileKeywordsAreValuesNotQueryText() {
        for (String keyword : HOSTILE) {
            // Injected, the UNION would match every role; bound, the keyword is a literal no text contains.
            assertEquals(List.of(), COMPARISONS.fitting(new Need(null, null, List.of(keyword))), keyword);
        }
    }

    @Test
    void hostileRoleIdsAreUnknownRolesNotQueryText() {
        for (String id : HOSTILE) {
            UnknownRoleException e = assertThrows(UnknownRoleException.class, () -> COMPARISONS.compare(List.of("lead", id)));
            assertEquals(id, e.id());
        }
        assertEquals(6, new Roles(CONNECTION, IriScheme.DEFAULT).list().size(), "the graph is untouched (its six roles)");
    }

    @Test
    void boundQueriesKeepTheirShapeWhateverTheValue() {
        Query fit = QueryCatalog.get("fit");
        String original = fit.toString();
        for (String value : HOSTILE) {
            Query bound = QueryBindings.bind(fit, QueryCatalog.parameters(QueryCatalog.text("fit")),
                    Map.of("keyword", List.of(value)), IriScheme.DEFAULT);
            // The serialized query parses back to the same query: the value stayed one literal.
            Query reparsed = QueryFactory.create(bound.toString());
            assertEquals(bound, reparsed, value);
            assertEquals(original.length(), fit.toString().length(), "binding must not change the catalog's copy");
            assertEquals(fit.getProjectVars(), bound.getProjectVars());
        }
        List<QueryParameter> declared = QueryCatalog.parameters(QueryCatalog.text("salaries"));
        for (String value : HOSTILE) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QueryBindings.bind(
                    QueryCatalog.get("salaries"), declared, Map.of("role", List.of(value)), IriScheme.DEFAULT));
            assertTrue(e.getMessage().contains("is not a role id"), e.getMessage());
        }
        List<QueryParameter> claim = QueryCatalog.parameters(QueryCatalog.text("claim-sources"));
        assertThrows(IllegalArgumentException.class, () -> QueryBindings.bind(QueryCatalog.get("claim-sources"), claim,
                Map.of("subject", List.of("http://example.org/x> } ; DROP ALL #")), IriScheme.DEFAULT));
    }

    @Test
    void everyCatalogQueryParsesAndDeclaresItsParameters() {
        for (String name : QueryCatalog.NAMES) {
            String text = QueryCatalog.text(name);
            Query query = QueryCatalog.get(name);
            assertTrue(QueryCatalog.summary(text).startsWith(name + ":"), name);
            for (QueryParameter parameter : QueryCatalog.parameters(text)) {
                assertTrue(query.toString().contains("?" + parameter.name()), name + " declares ?" + parameter.name());
            }
        }
    }
}
