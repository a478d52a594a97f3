package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.rolegraph.model.IriScheme;
import org.rolegraph.model.RG;
import org.rolegraph.model.SchemaOrg;

/**
 * docs/article-facts.md lists, article by article, every fact the article gives and where the data
 * holds it: a role (or {@code family:<id>} for a discipline), a property (the role-data format's key)
 * and a value. This test reads the table and
 * checks each fact marked "held" against the article's own named graph in the embedded data set, so
 * the table cannot claim what the graph does not say; and that every other row says why it is left
 * out, so no fact of an article is silently missing.
 */
class ArticleFactsTest {
    private static final Path TABLE = Path.of("..", "docs", "article-facts.md");
    private static final IriScheme IRIS = IriScheme.DEFAULT;
    private static final DatasetGraph STORE = EmbeddedData.load(IRIS);

    /** A section heading names the article's source id in backticks. */
    private static final Pattern SECTION = Pattern.compile("^## .*`([a-z0-9-]+)`\\s*$");

    /** One row of a section's table. */
    record Fact(String source, int line, String number, String fact, String role, String property, String value, String status) {}

    /** Properties whose value is another role, by the role-data key. */
    private static final Map<String, Node> ROLE_REFS = Map.ofEntries(
            Map.entry("reportsTo", RG.reportsTo.asNode()), Map.entry("manages", RG.manages.asNode()),
            Map.entry("confusedWith", RG.oftenConfusedWith.asNode()),
            Map.entry("interchangeableWith", RG.usedInterchangeablyWith.asNode()),
            Map.entry("comparedWith", RG.comparedWith.asNode()), Map.entry("related", SKOS.related.asNode()),
            Map.entry("careerSteps", RG.careerStep.asNode()), Map.entry("mentors", RG.mentors.asNode()),
            Map.entry("comparisons.pay", RG.earnsMoreThan.asNode()),
            Map.entry("comparisons.responsibilities", RG.hasMoreResponsibilitiesThan.asNode()),
            Map.entry("comparisons.scope", RG.hasWiderScopeThan.asNode()));

    /** Properties whose value is text; the table gives a fragment of it. */
    private static final Map<String, Node> TEXTS = Map.ofEntries(
            Map.entry("label", SKOS.prefLabel.asNode()), Map.entry("altLabels", SKOS.altLabel.asNode()),
            Map.entry("definition", SKOS.definition.asNode()), Map.entry("focus", RG.focus.asNode()),
            Map.entry("scope", RG.scope.asNode()), Map.entry("successMeasures", RG.successMeasure.asNode()),
            Map.entry("education", SchemaOrg.educationRequirements.asNode()),
            Map.entry("workEnvironment", RG.workEnvironment.asNode()), Map.entry("whenToHire", RG.whenToHire.asNode()),
            Map.entry("teams", RG.team.asNode()), Map.entry("reasonsToLeave", RG.reasonToLeave.asNode()),
            Map.entry("areas", RG.area.asNode()), Map.entry("areaModel", RG.areaModel.asNode()),
            Map.entry("vocabulary", RG.typicalTerm.asNode()));

    private static final Map<String, Node> SALARY_FIGURES = Map.of(
            "average", RG.mean.asNode(), "median", SchemaOrg.median.asNode(), "min", SchemaOrg.minValue.asNode(),
            "max", SchemaOrg.maxValue.asNode(), "percentile10", SchemaOrg.percentile10.asNode(),
            "percentile90", SchemaOrg.percentile90.asNode());

    private static final Map<String, Node> CONCEPTS = Map.of(
            "continuous", RG.Continuous.asNode(), "time-bound", RG.TimeBound.asNode(), "strategic", RG.Strategic.asNode(),
            "tactical", RG.Tactical.asNode(), "operational", RG.Operational.asNode(),
            "job-satisfaction", RG.JobSatisfaction.asNode(), "job-growth", RG.JobGrowth.asNode(),
            "line-manager", RG.LineManager.asNode(), "not-necessarily", RG.NotNecessarilyLineManager.asNode());

    static List<Fact> facts() throws IOException {
        List<Fact> facts = new ArrayList<>();
        String source = null;
        List<String> lines = Files.readAllLines(TABLE, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                source = section.group(1);
                continue;
            }
            if (source == null || !line.startsWith("|") || line.startsWith("| #") || line.startsWith("|--") || line.startsWith("| -")) {
                continue;
            }
            String[] cells = line.substring(1, line.lastIndexOf('|')).split("(?<!\\\\)\\|", -1);
            if (cells.length != 6) {
                fail(TABLE + ":" + (i + 1) + ": a fact row has 6 cells (#, fact, role, property, value, in the graph), not "
                        + cells.length);
            }
            facts.add(new Fact(source, i + 1, cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip(),
                    cells[4].strip().replace("\\|", "|"), cells[5].strip()));
        }
        return facts;
    }

    @Test
    void everyFactMarkedHeldIsInItsArticlesGraph() throws IOException {
        List<Fact> facts = facts();
        assertTrue(facts.size() > 50, "the table lists the articles' facts: " + facts.size());
        List<String> wrong = new ArrayList<>();
        int held = 0;
        for (Fact fact : facts) {
            if (fact.status().equals("held")) {
                held++;
                String problem = check(fact);
                if (problem != null) {
                    wrong.add(TABLE + ":" + fact.line() + " (" + fact.source() + " #" + fact.number() + "): " + problem);
                }
            } else if (!fact.status().startsWith("left out: ") || fact.status().length() < "left out: ".length() + 8) {
                wrong.add(TABLE + ":" + fact.line() + ": the last cell is 'held' or 'left out: why', not '" + fact.status() + "'");
            }
        }
        assertTrue(held > 0);
        assertEquals(List.of(), wrong, String.join("\n", wrong));
    }

    /** Null when the graph holds the fact, else what is missing. */
    private static String check(Fact fact) {
        Graph graph = STORE.getGraph(NodeFactory.createURI(IRIS.graph(fact.source())));
        if (graph.isEmpty()) {
            return "no graph for source " + fact.source();
        }
        // A fact about a family (the discipline) names it as family:<id>; everything else is about a role.
        Node role = NodeFactory.createURI(fact.role().startsWith("family:") ? IRIS.family(fact.role().substring("family:".length()))
                : IRIS.role(fact.role()));
        String property = fact.property();
        String value = fact.value();
        if (ROLE_REFS.containsKey(property)) {
            return has(graph, role, ROLE_REFS.get(property), NodeFactory.createURI(IRIS.role(value)));
        }
        if (TEXTS.containsKey(property)) {
            String wanted = value.toLowerCase(Locale.ROOT);
            return graph.find(role, TEXTS.get(property), Node.ANY).toList().stream()
                    .anyMatch(t -> t.getObject().isLiteral() && t.getObject().getLiteralLexicalForm().toLowerCase(Locale.ROOT)
                            .contains(wanted)) ? null : "no " + property + " of " + fact.role() + " contains '" + value + "'";
        }
        switch (property) {
            case "family":
                return has(graph, role, RG.family.asNode(), NodeFactory.createURI(IRIS.family(value)));
            case "responsibilities":
                return has(graph, role, SchemaOrg.responsibilities.asNode(), NodeFactory.createURI(IRIS.responsibility(value)));
            case "skills":
                return has(graph, role, SchemaOrg.skills.asNode(), NodeFactory.createURI(IRIS.skill(value)));
            case "certifications":
                return has(graph, role, SchemaOrg.qualifications.asNode(), NodeFactory.createURI(IRIS.credential(value)));
            case "timeframe":
                return has(graph, role, RG.timeframe.asNode(), CONCEPTS.get(value));
            case "decisionLevels":
                return has(graph, role, RG.decisionLevel.asNode(), CONCEPTS.get(value));
            case "lineManagement":
                return has(graph, role, RG.lineManagement.asNode(), CONCEPTS.get(value));
            default:
                break;
        }
        if (property.startsWith("salaries.") && SALARY_FIGURES.containsKey(property.substring("salaries.".length()))) {
            Node figure = SALARY_FIGURES.get(property.substring("salaries.".length()));
            return graph.find(role, SchemaOrg.estimatedSalary.asNode(), Node.ANY).toList().stream()
                    .anyMatch(s -> hasNumber(graph, s.getObject(), figure, value)) ? null
                    : "no salary of " + fact.role() + " with " + property + " " + value;
        }
        if (property.startsWith("surveyFigures.") && CONCEPTS.containsKey(property.substring("surveyFigures.".length()))) {
            Node measure = CONCEPTS.get(property.substring("surveyFigures.".length()));
            return graph.find(role, RG.surveyFigure.asNode(), Node.ANY).toList().stream()
                    .anyMatch(f -> graph.contains(f.getObject(), RG.measure.asNode(), measure)
                            && hasNumber(graph, f.getObject(), SchemaOrg.value.asNode(), value)) ? null
                    : "no " + property + " of " + fact.role() + " with value " + value;
        }
        return "unknown property '" + property + "' (a role-data key such as responsibilities, salaries.average or "
                + "surveyFigures.job-satisfaction)";
    }

    private static String has(Graph graph, Node role, Node property, Node value) {
        return value != null && graph.contains(Triple.create(role, property, value)) ? null
                : "no " + property.getLocalName() + " " + value + " of " + role.getURI();
    }

    private static boolean hasNumber(Graph graph, Node subject, Node property, String value) {
        BigDecimal wanted = new BigDecimal(value);
        return graph.find(subject, property, Node.ANY).toList().stream()
                .anyMatch(t -> t.getObject().isLiteral() && new BigDecimal(t.getObject().getLiteralLexicalForm()).compareTo(wanted) == 0);
    }
}
