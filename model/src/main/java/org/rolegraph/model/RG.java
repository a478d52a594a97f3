package org.rolegraph.model;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Vocabulary of the RoleGraph ontology ({@code rolegraph.ttl}), in the style of Jena's vocabulary
 * classes. The namespace is fixed: the configurable base IRI ({@link IriScheme}) names data, not terms,
 * so data from every RoleGraph deployment shares one vocabulary. A test checks these constants
 * against the ontology file.
 */
public final class RG {
    private RG() {}

    /** The namespace of the vocabulary as a string. */
    public static final String NS = "https://w3id.org/rolegraph/ontology#";

    /** The ontology's own IRI. */
    public static final String ONTOLOGY_IRI = "https://w3id.org/rolegraph/ontology";

    /** The namespace of the vocabulary as a string. */
    public static String getURI() {
        return NS;
    }

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS, local);
    }
    // Classes
    /** A job role as organisations use the title, such as product manager or delivery manager. Also a SKOS concept in the role scheme, so it links to ESCO and O*NET occupations with SKOS mapping properties. */
    public static final Resource Role = resource("Role");

    /** A group of related roles, such as product management or project management. */
    public static final Resource RoleFamily = resource("RoleFamily");

    /** A duty a role carries. Roles that share a duty point at the same responsibility, so shared duties are found by a join. */
    public static final Resource Responsibility = resource("Responsibility");

    /** An ability a role needs. Roles that need the same skill point at the same resource. */
    public static final Resource Skill = resource("Skill");

    /** A professional certification, recognised by the body that grants it (schema:recognizedBy). */
    public static final Resource Certification = resource("Certification");

    /** One salary figure or range for a role as one source states it, with its currency, period and, where named, the provider that collected it. Estimates from different sources are kept side by side, never merged. */
    public static final Resource SalaryEstimate = resource("SalaryEstimate");

    /** Where claims come from: an article, a reference data set or the editors' own curation. Each source's claims are kept in a named graph that prov:wasDerivedFrom the source. */
    public static final Resource Source = resource("Source");

    /** A published text about roles, such as a comparison of two job titles. */
    public static final Resource Article = resource("Article");

    /** A published classification or statistics release, such as ESCO, O*NET or a wage survey. */
    public static final Resource ReferenceDataset = resource("ReferenceDataset");

    /** Statements the data set's editors make themselves, such as a role's preferred label and family. */
    public static final Resource Curation = resource("Curation");

    /** How long a role's engagement lasts: continuous or bound to the end of a piece of work. */
    public static final Resource Timeframe = resource("Timeframe");

    /** The level at which a role makes decisions: strategic, tactical or operational. */
    public static final Resource DecisionLevel = resource("DecisionLevel");

    // Properties
    /** The role family a role belongs to. */
    public static final Property family = property("family");

    /** What a role concentrates on, in a phrase. */
    public static final Property focus = property("focus");

    /** How much a role covers, for example one project or many projects and services. */
    public static final Property scope = property("scope");

    /** Whether a role's engagement is continuous or time-bound. */
    public static final Property timeframe = property("timeframe");

    /** A level at which a role makes decisions; a role may have several. */
    public static final Property decisionLevel = property("decisionLevel");

    /** How the success of someone in a role is judged. */
    public static final Property successMeasure = property("successMeasure");

    /** Where and how the work of a role is done, such as office work with travel to clients. */
    public static final Property workEnvironment = property("workEnvironment");

    /** The situation in which an organisation needs this role. */
    public static final Property whenToHire = property("whenToHire");

    /** A word people in this role typically use, one word or short phrase per value. */
    public static final Property typicalTerm = property("typicalTerm");

    /** A role this role reports to. Transitive: the reporting chain above a role follows it. */
    public static final Property reportsTo = property("reportsTo");

    /** A role this role manages; the inverse of reports to. */
    public static final Property manages = property("manages");

    /** Another role people often mistake this one for. */
    public static final Property oftenConfusedWith = property("oftenConfusedWith");

    /** Another role whose title organisations often use for the same job. */
    public static final Property usedInterchangeablyWith = property("usedInterchangeablyWith");

    /** Another role that a source contrasts with this one. */
    public static final Property comparedWith = property("comparedWith");

    /** A role people in this role typically move up to next. */
    public static final Property careerStep = property("careerStep");

    /** One of the areas a role family's discipline divides into, in words (strategic product management). */
    public static final Property area = property("area");

    /** The model a division of a discipline into areas comes from, in words. */
    public static final Property areaModel = property("areaModel");

    /** A role whose holders people in this role mentor (a senior product manager, the junior ones). */
    public static final Property mentors = property("mentors");

    /** A team or office that works under the role, in words (the PMO under a project manager). */
    public static final Property team = property("team");

    /** Whether the role is the line manager of the people it leads: a concept of rg:LineManagementScheme. */
    public static final Property lineManagement = property("lineManagement");

    /** A reason people give for leaving the role. */
    public static final Property reasonToLeave = property("reasonToLeave");

    /** Whether a role is the line manager of the people it leads. */
    public static final Resource LineManagement = resource("LineManagement");

    /** The line-management concepts. */
    public static final Resource LineManagementScheme = resource("LineManagementScheme");

    /** The role is the line manager of the people it leads. */
    public static final Resource LineManager = resource("LineManager");

    /** The role leads people who may report to someone else. */
    public static final Resource NotNecessarilyLineManager = resource("NotNecessarilyLineManager");

    /** A source's claim that people in the role typically earn more than in another role. */
    public static final Property earnsMoreThan = property("earnsMoreThan");

    /** A source's claim that the role carries more responsibilities than another role. */
    public static final Property hasMoreResponsibilitiesThan = property("hasMoreResponsibilitiesThan");

    /** A source's claim that the role takes a wider view (of a business, its initiatives) than another role. */
    public static final Property hasWiderScopeThan = property("hasWiderScopeThan");

    /** The average (arithmetic mean) of a salary distribution; schema.org has the median but no mean. */
    public static final Property mean = property("mean");

    /** The organisation that collected a salary figure, as the source names it (for example a salary survey or career site). */
    public static final Property provider = property("provider");

    /** The year a salary figure refers to. */
    public static final Property referenceYear = property("referenceYear");

    /** The country or region a salary figure covers, as an ISO 3166 code or a name. */
    public static final Property region = property("region");

    /** A figure about a role from a survey or labour statistic that is not pay. */
    public static final Resource SurveyFigure = resource("SurveyFigure");

    /** What a survey figure measures: a class of concepts. */
    public static final Resource SurveyMeasure = resource("SurveyMeasure");

    /** A survey figure about the role. */
    public static final Property surveyFigure = property("surveyFigure");

    /** What a survey figure measures: a concept of rg:SurveyMeasureScheme. */
    public static final Property measure = property("measure");

    /** The top of the scale a survey figure is given on (5 for "4 out of 5"). */
    public static final Property outOf = property("outOf");

    /** The time a survey figure covers, in words ("the past ten years"). */
    public static final Property span = property("span");

    /** The measures survey figures may have. */
    public static final Resource SurveyMeasureScheme = resource("SurveyMeasureScheme");

    /** How satisfied people in a role say they are with their job. */
    public static final Resource JobSatisfaction = resource("JobSatisfaction");

    /** How much the number of jobs in a role has grown. */
    public static final Resource JobGrowth = resource("JobGrowth");

    /** False when the source gives a salary figure without saying what period it is paid for. */
    public static final Property periodStated = property("periodStated");

    /** The occupation, in a standard classification, whose pay a salary figure measures. */
    public static final Property measuredOccupation = property("measuredOccupation");

    /** True when a salary figure measures another occupation that stands in for the role. */
    public static final Property proxy = property("proxy");

    // Concept schemes and aspect values
    /** The concept scheme of all roles in a RoleGraph data set. */
    public static final Resource RoleScheme = resource("RoleScheme");

    /** The concept scheme of role families. */
    public static final Resource RoleFamilyScheme = resource("RoleFamilyScheme");

    /** The concept scheme of responsibilities shared between roles. */
    public static final Resource ResponsibilityScheme = resource("ResponsibilityScheme");

    /** The concept scheme of skills shared between roles. */
    public static final Resource SkillScheme = resource("SkillScheme");

    /** The timeframes of a role's engagement. */
    public static final Resource TimeframeScheme = resource("TimeframeScheme");

    /** The engagement goes on with no planned end, across projects or services. */
    public static final Resource Continuous = resource("Continuous");

    /** The engagement has a defined start and end, such as one project. */
    public static final Resource TimeBound = resource("TimeBound");

    /** The levels at which roles decide. */
    public static final Resource DecisionLevelScheme = resource("DecisionLevelScheme");

    /** Decisions on direction and long-term goals. */
    public static final Resource Strategic = resource("Strategic");

    /** Decisions on how to reach a goal within a plan, such as one project's approach. */
    public static final Resource Tactical = resource("Tactical");

    /** Day-to-day decisions on running the work. */
    public static final Resource Operational = resource("Operational");

    /** A skill or knowledge a taxonomy (ESCO) marks as essential for an occupation. Importers also state schema:skills, so queries that do not know this property see the skill. */
    public static final Property essentialSkill = property("essentialSkill");

    /** A skill or knowledge a taxonomy (ESCO) marks as optional for an occupation: useful in some jobs of it, not needed in all. Importers also state schema:skills. */
    public static final Property optionalSkill = property("optionalSkill");

    /** Whether a skill is know-how (a skill or competence) or knowledge, as ESCO's skill-type concepts say. */
    public static final Property skillType = property("skillType");

    /** How widely a skill applies across occupations, as ESCO's reuse-level concepts say. */
    public static final Property reuseLevel = property("reuseLevel");

    /** The sentence a source's licence asks those who reuse it to show, word for word as the publisher gives it. */
    public static final Property attribution = property("attribution");

    /** How important a skill is for an occupation, and at what level it is used, as a taxonomy (O*NET) rates it: one rating per occupation and skill. */
    public static final Resource SkillRating = resource("SkillRating");

    /** A rating of one skill for this occupation (importance and level, as O*NET gives them). */
    public static final Property skillRating = property("skillRating");

    /** The skill a skill rating is about. */
    public static final Property ratedSkill = property("ratedSkill");

    /** How important the skill is for the occupation, on O*NET's importance scale from 1 to 5. */
    public static final Property importance = property("importance");

    /** The level at which the occupation uses the skill, on O*NET's level scale from 0 to 7. */
    public static final Property level = property("level");

    /** A class of software or technology people in the occupation use (O*NET's technology skills). */
    public static final Property technologySkill = property("technologySkill");

    /** A named product people in the occupation use, such as Microsoft Project. */
    public static final Property technologyExample = property("technologyExample");

    /** How much preparation the occupation needs, as one of O*NET's five job zones. */
    public static final Property jobZone = property("jobZone");

    /** One of the names a role is found by (its id, code, preferred, alternative or hidden label), folded: blanks around it dropped, runs of blanks one space, lower case. */
    public static final Property lookupKey = property("lookupKey");

    /** How long a SPARQL endpoint lets a query run (in its service description). */
    public static final Property queryTimeout = property("queryTimeout");

    /** The most rows a SPARQL endpoint returns for one query (in its service description). */
    public static final Property resultCap = property("resultCap");

    /** The Graph Store Protocol address where a SPARQL service takes writes (in its service description). */
    public static final Property graphStore = property("graphStore");

    /** The largest request body in bytes a SPARQL endpoint accepts (in its service description). */
    public static final Property maxRequestBody = property("maxRequestBody");
}
