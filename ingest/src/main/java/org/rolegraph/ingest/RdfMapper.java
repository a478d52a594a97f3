package org.rolegraph.ingest;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.rolegraph.model.SchemaOrg;
import org.rolegraph.model.IriScheme;
import org.rolegraph.model.Names;
import org.rolegraph.model.PROV;
import org.rolegraph.model.RG;
import org.rolegraph.model.records.CategoryClaim;
import org.rolegraph.model.records.Claim;
import org.rolegraph.model.records.Credential;
import org.rolegraph.model.records.DecisionLevel;
import org.rolegraph.model.records.LineManagement;
import org.rolegraph.model.records.LinkClaim;
import org.rolegraph.model.records.Organization;
import org.rolegraph.model.records.RefClaim;
import org.rolegraph.model.records.Role;
import org.rolegraph.model.records.Comparative;
import org.rolegraph.model.records.Salary;
import org.rolegraph.model.records.SurveyFigure;
import org.rolegraph.model.records.Source;
import org.rolegraph.model.records.Term;
import org.rolegraph.model.records.Timeframe;
import org.rolegraph.model.records.ValueClaim;

/**
 * Maps role-data records to quads in the RoleGraph ontology. Every triple goes into the named graph
 * of each source that states it, so provenance is the graph a triple stands in.
 */
final class RdfMapper {

    /** Where mapped quads go. */
    interface QuadSink {
        void add(Node graph, Node subject, Node predicate, Node object);
    }

    private final IriScheme iris;
    private final QuadSink sink;
    /** Salaries per role and source, numbered in file order so their IRIs are stable. */
    private final Map<String, Integer> salaryCounters = new HashMap<>();
    private final Map<String, Integer> surveyCounters = new HashMap<>();

    RdfMapper(IriScheme iris, QuadSink sink) {
        this.iris = iris;
        this.sink = sink;
    }

    private static final Node TYPE = RDF.type.asNode();

    private static Node n(Resource resource) {
        return resource.asNode();
    }

    private static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node text(String text, String lang) {
        return NodeFactory.createLiteralLang(text, lang);
    }

    private static Node english(String text) {
        return text(text, "en");
    }

    private static Node plain(String text) {
        return NodeFactory.createLiteralString(text);
    }

    private static Node decimal(BigDecimal value) {
        return NodeFactory.createLiteralDT(org.rolegraph.model.Decimals.canonical(value), XSDDatatype.XSDdecimal);
    }

    private Node graph(String sourceId) {
        return iri(iris.graph(sourceId));
    }

    /** Adds one triple to the graph of every source in {@code sources}. */
    private void say(List<String> sources, Node s, Node p, Node o) {
        for (String source : sources) {
            sink.add(graph(source), s, p, o);
        }
    }

    /**
     * A link to an occupation of another classification; its name there, when given, is that source's
     * skos:prefLabel of the occupation, so every reader shows the name (compare.rq's value labels).
     */
    private void link(Node role, org.apache.jena.rdf.model.Property property, LinkClaim link) {
        Node occupation = iri(link.iri());
        say(link.sources(), role, n(property), occupation);
        if (link.name() != null) {
            say(link.sources(), occupation, n(SKOS.prefLabel), english(link.name()));
        }
    }

    void source(Source source) {
        Node g = graph(source.id());
        Node s = iri(iris.source(source.id()));
        sink.add(g, s, TYPE, n(RG.Source));
        sink.add(g, s, TYPE, n(PROV.Entity));
        sink.add(g, s, TYPE, n(switch (source.kind()) {
            case ARTICLE -> RG.Article;
            case DATASET -> RG.ReferenceDataset;
            case CURATION -> RG.Curation;
        }));
        sink.add(g, s, n(DCTerms.title), english(source.title()));
        if (source.publisher() != null) {
            sink.add(g, s, n(DCTerms.publisher), iri(iris.organization(source.publisher())));
        }
        if (source.url() != null) {
            sink.add(g, s, n(SchemaOrg.url), iri(source.url()));
        }
        if (source.description() != null) {
            sink.add(g, s, n(DCTerms.description), english(source.description()));
        }
        if (source.issued() != null) {
            sink.add(g, s, n(DCTerms.issued), NodeFactory.createLiteralDT(source.issued(),
                    source.issued().length() == 4 ? XSDDatatype.XSDgYear : XSDDatatype.XSDdate));
        }
        sink.add(g, g, n(PROV.wasDerivedFrom), s);
    }

    void organization(Organization organization) {
        Node s = iri(iris.organization(organization.id()));
        List<String> by = organization.sources();
        say(by, s, TYPE, n(SchemaOrg.Organization));
        say(by, s, n(SchemaOrg.name), plain(organization.name()));
        if (organization.abbreviation() != null) {
            say(by, s, n(SchemaOrg.alternateName), plain(organization.abbreviation()));
        }
        if (organization.url() != null) {
            say(by, s, n(SchemaOrg.url), iri(organization.url()));
        }
    }

    void credential(Credential credential) {
        Node s = iri(iris.credential(credential.id()));
        List<String> by = credential.sources();
        say(by, s, TYPE, n(RG.Certification));
        say(by, s, TYPE, n(SchemaOrg.EducationalOccupationalCredential));
        say(by, s, n(SchemaOrg.name), english(credential.name()));
        say(by, s, n(SchemaOrg.recognizedBy), iri(iris.organization(credential.recognizedBy())));
        if (credential.description() != null) {
            say(by, s, n(DCTerms.description), english(credential.description()));
        }
    }

    void term(Term term) {
        List<String> by = term.sources();
        Node s = iri(switch (term.kind()) {
            case FAMILY -> iris.family(term.id());
            case RESPONSIBILITY -> iris.responsibility(term.id());
            case SKILL -> iris.skill(term.id());
        });
        if (term.label() != null) {
            switch (term.kind()) {
                case FAMILY -> {
                    say(by, s, TYPE, n(RG.RoleFamily));
                    say(by, s, n(SKOS.inScheme), n(RG.RoleFamilyScheme));
                }
                case RESPONSIBILITY -> {
                    say(by, s, TYPE, n(RG.Responsibility));
                    say(by, s, TYPE, n(SchemaOrg.DefinedTerm));
                    say(by, s, n(SKOS.inScheme), n(RG.ResponsibilityScheme));
                }
                case SKILL -> {
                    say(by, s, TYPE, n(RG.Skill));
                    say(by, s, TYPE, n(SchemaOrg.DefinedTerm));
                    say(by, s, n(SKOS.inScheme), n(RG.SkillScheme));
                }
                default -> throw new IllegalStateException();
            }
            say(by, s, TYPE, n(SKOS.Concept));
            say(by, s, n(SKOS.prefLabel), english(term.label()));
        }
        if (term.definition() != null) {
            say(by, s, n(SKOS.definition), english(term.definition()));
        }
        for (String area : term.areas()) {
            say(by, s, n(RG.area), english(area));
        }
        if (term.areaModel() != null) {
            say(by, s, n(RG.areaModel), english(term.areaModel()));
        }
    }

    void role(Role role) {
        Node s = iri(iris.role(role.id()));
        if (role.label() != null) {
            List<String> by = role.sources();
            say(by, s, TYPE, n(RG.Role));
            say(by, s, TYPE, n(SchemaOrg.Occupation));
            say(by, s, TYPE, n(SKOS.Concept));
            say(by, s, n(SKOS.inScheme), n(RG.RoleScheme));
            say(by, s, n(SKOS.prefLabel), english(role.label()));
            for (String alt : role.altLabels()) {
                say(by, s, n(SKOS.altLabel), english(alt));
            }
            // The names a role is found by, folded for an exact lookup (see rg:lookupKey).
            java.util.Set<String> keys = new java.util.TreeSet<>(List.of(Names.fold(role.id()), Names.fold(role.label())));
            role.altLabels().forEach(alt -> keys.add(Names.fold(alt)));
            for (String key : keys) {
                say(by, s, n(RG.lookupKey), plain(key));
            }
            if (role.family() != null) {
                say(by, s, n(RG.family), iri(iris.family(role.family())));
            }
        }
        if (role.definition() != null) {
            claim(s, SKOS.definition.asNode(), role.definition());
        }
        claims(s, n(RG.focus), role.focus());
        claims(s, n(RG.scope), role.scope());
        for (ValueClaim<Timeframe> claim : role.timeframe()) {
            say(claim.sources(), s, n(RG.timeframe), n(claim.value() == Timeframe.CONTINUOUS ? RG.Continuous : RG.TimeBound));
        }
        for (ValueClaim<DecisionLevel> claim : role.decisionLevels()) {
            say(claim.sources(), s, n(RG.decisionLevel), n(switch (claim.value()) {
                case STRATEGIC -> RG.Strategic;
                case TACTICAL -> RG.Tactical;
                case OPERATIONAL -> RG.Operational;
            }));
        }
        claims(s, n(RG.successMeasure), role.successMeasures());
        refs(s, n(SchemaOrg.responsibilities), role.responsibilities(), iris::responsibility);
        refs(s, n(SchemaOrg.skills), role.skills(), iris::skill);
        claims(s, n(SchemaOrg.educationRequirements), role.education());
        refs(s, n(SchemaOrg.qualifications), role.certifications(), iris::credential);
        claims(s, n(RG.workEnvironment), role.workEnvironment());
        for (SurveyFigure figure : role.surveyFigures()) {
            surveyFigure(role.id(), s, figure);
        }
        for (Salary salary : role.salaries()) {
            salary(role.id(), s, salary);
        }
        refs(s, n(RG.reportsTo), role.reportsTo(), iris::role);
        refs(s, n(RG.manages), role.manages(), iris::role);
        refs(s, n(RG.oftenConfusedWith), role.confusedWith(), iris::role);
        refs(s, n(RG.usedInterchangeablyWith), role.interchangeableWith(), iris::role);
        refs(s, n(RG.comparedWith), role.comparedWith(), iris::role);
        refs(s, n(SKOS.related), role.related(), iris::role);
        refs(s, n(RG.careerStep), role.careerSteps(), iris::role);
        refs(s, n(RG.mentors), role.mentors(), iris::role);
        claims(s, n(RG.team), role.teams());
        for (ValueClaim<LineManagement> claim : role.lineManagement()) {
            say(claim.sources(), s, n(RG.lineManagement),
                    n(claim.value() == LineManagement.LINE_MANAGER ? RG.LineManager : RG.NotNecessarilyLineManager));
        }
        claims(s, n(RG.reasonToLeave), role.reasonsToLeave());
        for (Comparative comparative : role.comparisons()) {
            Property property = switch (comparative.more()) {
                case PAY -> RG.earnsMoreThan;
                case RESPONSIBILITIES -> RG.hasMoreResponsibilitiesThan;
                case SCOPE -> RG.hasWiderScopeThan;
            };
            say(comparative.sources(), s, property.asNode(), iri(iris.role(comparative.than())));
        }
        claims(s, n(RG.whenToHire), role.whenToHire());
        claims(s, n(RG.typicalTerm), role.vocabulary());
        for (LinkClaim link : role.exactMatch()) {
            link(s, SKOS.exactMatch, link);
        }
        for (LinkClaim link : role.closeMatch()) {
            link(s, SKOS.closeMatch, link);
        }
        for (CategoryClaim category : role.occupationalCategories()) {
            say(category.sources(), s, n(SchemaOrg.occupationalCategory),
                    categoryCode(category.sources(), category.scheme(), category.code(), category.name()));
        }
    }

    /** A code of a classification as a schema:CategoryCode node, with its code, code set and name (if any). */
    private Node categoryCode(List<String> by, CategoryClaim.CodeSet scheme, String value, String name) {
        Node code = iri(scheme.iri(value));
        say(by, code, TYPE, n(SchemaOrg.CategoryCode));
        say(by, code, n(SchemaOrg.codeValue), plain(value));
        say(by, code, n(SchemaOrg.inCodeSet), plain(scheme.title()));
        if (name != null) {
            say(by, code, n(SchemaOrg.name), english(name));
        }
        return code;
    }

    private void salary(String roleId, Node role, Salary salary) {
        // One node per source: two sources stating the same figure stay two estimates, side by side.
        for (String source : salary.sources()) {
            int index = salaryCounters.merge(roleId + " " + source, 1, Integer::sum);
            Node s = iri(iris.salary(roleId, source, index));
            Node g = graph(source);
            sink.add(g, role, n(SchemaOrg.estimatedSalary), s);
            sink.add(g, s, TYPE, n(RG.SalaryEstimate));
            sink.add(g, s, TYPE, n(SchemaOrg.MonetaryAmountDistribution));
            sink.add(g, s, n(SchemaOrg.currency), plain(salary.currency()));
            if (salary.period().duration() == null) {
                // The source gives no period: said in the graph, so no query reads the figure as yearly.
                sink.add(g, s, n(RG.periodStated), NodeFactory.createLiteralDT("false", XSDDatatype.XSDboolean));
            } else {
                sink.add(g, s, n(SchemaOrg.duration),
                        NodeFactory.createLiteralDT(salary.period().duration(), XSDDatatype.XSDduration));
            }
            figure(g, s, RG.mean.asNode(), salary.average());
            figure(g, s, n(SchemaOrg.median), salary.median());
            figure(g, s, n(SchemaOrg.minValue), salary.min());
            figure(g, s, n(SchemaOrg.maxValue), salary.max());
            figure(g, s, n(SchemaOrg.percentile10), salary.percentile10());
            figure(g, s, n(SchemaOrg.percentile90), salary.percentile90());
            provenance(g, s, salary.provider(), salary.year(), salary.region(), salary.note());
            if (salary.measures() != null) {
                Salary.Occupation measured = salary.measures();
                sink.add(g, s, n(RG.measuredOccupation),
                        categoryCode(List.of(source), measured.scheme(), measured.code(), measured.name()));
                if (salary.proxy()) {
                    sink.add(g, s, n(RG.proxy), NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean));
                }
            }
        }
    }

    /** Who collected a figure, the year and region it covers, and its caveat: salaries and survey figures alike. */
    private void provenance(Node g, Node s, String provider, String year, String region, String note) {
        if (provider != null) {
            sink.add(g, s, n(RG.provider), iri(iris.organization(provider)));
        }
        if (year != null) {
            sink.add(g, s, n(RG.referenceYear), NodeFactory.createLiteralDT(year, XSDDatatype.XSDgYear));
        }
        if (region != null) {
            sink.add(g, s, n(RG.region), plain(region));
        }
        if (note != null) {
            sink.add(g, s, n(SKOS.note), english(note));
        }
    }

    private void surveyFigure(String roleId, Node role, SurveyFigure figure) {
        for (String source : figure.sources()) {
            int index = surveyCounters.merge(roleId + " " + source, 1, Integer::sum);
            Node f = iri(iris.surveyFigure(roleId, source, index));
            Node g = graph(source);
            sink.add(g, role, n(RG.surveyFigure), f);
            sink.add(g, f, TYPE, n(RG.SurveyFigure));
            sink.add(g, f, n(RG.measure), n(switch (figure.measure()) {
                case JOB_SATISFACTION -> RG.JobSatisfaction;
                case JOB_GROWTH -> RG.JobGrowth;
            }));
            figure(g, f, n(SchemaOrg.value), figure.value());
            figure(g, f, n(RG.outOf), figure.outOf());
            if (figure.percent()) {
                sink.add(g, f, n(SchemaOrg.unitText), plain("percent"));
            }
            if (figure.span() != null) {
                sink.add(g, f, n(RG.span), english(figure.span()));
            }
            provenance(g, f, figure.provider(), figure.year(), figure.region(), figure.note());
        }
    }

    private void figure(Node g, Node s, Node p, BigDecimal value) {
        if (value != null) {
            sink.add(g, s, p, decimal(value));
        }
    }

    private void claim(Node s, Node p, Claim claim) {
        say(claim.sources(), s, p, text(claim.text(), claim.lang()));
    }

    private void claims(Node s, Node p, List<Claim> claims) {
        for (Claim claim : claims) {
            claim(s, p, claim);
        }
    }

    private void refs(Node s, Node p, List<RefClaim> refs, java.util.function.Function<String, String> iriOf) {
        for (RefClaim ref : refs) {
            say(ref.sources(), s, p, iri(iriOf.apply(ref.ref())));
        }
    }
}
