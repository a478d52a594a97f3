package org.rolegraph.query;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.vocabulary.SKOS;
import org.rolegraph.model.SchemaOrg;
import org.rolegraph.model.RG;

/** The aspects of a role that descriptions and comparisons show, in the order they show them. */
public enum Aspect {
    DEFINITION("Definition", SKOS.definition),
    ALTERNATIVE_LABEL("Also called", SKOS.altLabel),
    FAMILY("Family", RG.family),
    FOCUS("Focus", RG.focus),
    SCOPE("Scope", RG.scope),
    TIMEFRAME("Timeframe", RG.timeframe),
    DECISION_LEVEL("Decision level", RG.decisionLevel),
    SUCCESS_MEASURE("Success measures", RG.successMeasure),
    RESPONSIBILITY("Responsibilities", SchemaOrg.responsibilities),
    SKILL("Skills", SchemaOrg.skills),
    EDUCATION("Education", SchemaOrg.educationRequirements),
    CERTIFICATION("Certifications", SchemaOrg.qualifications),
    WORK_ENVIRONMENT("Work environment", RG.workEnvironment),
    REPORTS_TO("Reports to", RG.reportsTo),
    MANAGES("Manages", RG.manages),
    LINE_MANAGEMENT("Line management", RG.lineManagement),
    TEAM("Teams under it", RG.team),
    MENTORS("Mentors", RG.mentors),
    CAREER_STEP("Career steps", RG.careerStep),
    EARNS_MORE_THAN("Earns more than", RG.earnsMoreThan),
    MORE_RESPONSIBILITIES_THAN("More responsibilities than", RG.hasMoreResponsibilitiesThan),
    WIDER_SCOPE_THAN("Wider scope than", RG.hasWiderScopeThan),
    CONFUSED_WITH("Often confused with", RG.oftenConfusedWith),
    INTERCHANGEABLE_WITH("Used interchangeably with", RG.usedInterchangeablyWith),
    COMPARED_WITH("Compared with", RG.comparedWith),
    RELATED("Related", SKOS.related),
    WHEN_TO_HIRE("When to hire", RG.whenToHire),
    REASON_TO_LEAVE("Why people leave", RG.reasonToLeave),
    TYPICAL_TERM("Typical vocabulary", RG.typicalTerm),
    EXACT_MATCH("Same occupation as", SKOS.exactMatch),
    CLOSE_MATCH("Close to occupation", SKOS.closeMatch),
    OCCUPATIONAL_CATEGORY("Occupational category", SchemaOrg.occupationalCategory);

    private final String title;
    private final Property property;

    Aspect(String title, Property property) {
        this.title = title;
        this.property = property;
    }

    /** The heading shown for this aspect. */
    public String title() {
        return title;
    }

    /** The property that carries it in the graph. */
    public Property property() {
        return property;
    }

    /** The aspect a property carries, or null when descriptions do not show it. */
    public static Aspect of(String propertyIri) {
        for (Aspect aspect : values()) {
            if (aspect.property.getURI().equals(propertyIri)) {
                return aspect;
            }
        }
        return null;
    }
}
