package org.rolegraph.model;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The schema.org terms RoleGraph uses, in the {@code http://schema.org/} namespace: the one schema.org's
 * own JSON-LD context expands to, and so the one embedded schema.org markup and most published data
 * use. (Jena's {@code SchemaDO} uses {@code https://schema.org/}, which would not join with that data.)
 */
public final class SchemaOrg {
    private SchemaOrg() {}

    public static final String NS = "http://schema.org/";

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
    /** schema.org article, the superclass of article sources. */
    public static final Resource Article = resource("Article");

    /** schema.org category code: an ISCO-08 group or O*NET-SOC code a role falls under. */
    public static final Resource CategoryCode = resource("CategoryCode");

    /** schema.org data set, the superclass of reference data set sources. */
    public static final Resource Dataset = resource("Dataset");

    /** schema.org defined term; responsibilities and skills are defined terms. */
    public static final Resource DefinedTerm = resource("DefinedTerm");

    /** schema.org credential, the superclass of certifications. */
    public static final Resource EducationalOccupationalCredential = resource("EducationalOccupationalCredential");

    /** schema.org distribution of money amounts, the superclass of salary estimates. */
    public static final Resource MonetaryAmountDistribution = resource("MonetaryAmountDistribution");

    /** schema.org occupation; every RoleGraph role is one. */
    public static final Resource Occupation = resource("Occupation");

    /** schema.org organisation: publishers, certifying bodies, salary data providers. */
    public static final Resource Organization = resource("Organization");

    // Properties
    /** An abbreviation or other name of an organisation. */
    public static final Property alternateName = property("alternateName");

    /** The code of a category code, such as 13-1082.00. */
    public static final Property codeValue = property("codeValue");

    /** The ISO 4217 code of a salary's currency. */
    public static final Property currency = property("currency");

    /** The period a salary is paid for, as an xsd:duration (P1Y a year, P1M a month). */
    public static final Property duration = property("duration");

    /** The education a role typically asks for, as text. */
    public static final Property educationRequirements = property("educationRequirements");

    /** A salary estimate for the role from one source. */
    public static final Property estimatedSalary = property("estimatedSalary");

    /** The name of the classification a category code belongs to. */
    public static final Property inCodeSet = property("inCodeSet");

    /** The high end of a salary range a source gives. */
    public static final Property maxValue = property("maxValue");

    /** The value of a quantity, such as a survey figure. */
    public static final Property value = property("value");

    /** The unit a value is given in, as text ("percent"). */
    public static final Property unitText = property("unitText");

    /** The median of a salary distribution. */
    public static final Property median = property("median");

    /** The low end of a salary range a source gives. */
    public static final Property minValue = property("minValue");

    /** The name of an organisation, certification or category code. */
    public static final Property name = property("name");

    /** A category code of a standard classification (ISCO-08, O*NET-SOC) the role falls under. */
    public static final Property occupationalCategory = property("occupationalCategory");

    /** The 10th percentile of a salary distribution. */
    public static final Property percentile10 = property("percentile10");

    /** The 90th percentile of a salary distribution. */
    public static final Property percentile90 = property("percentile90");

    /** A certification people in the role pursue or hold. */
    public static final Property qualifications = property("qualifications");

    /** The body that grants a certification. */
    public static final Property recognizedBy = property("recognizedBy");

    /** A duty of the role, as a shared responsibility resource. */
    public static final Property responsibilities = property("responsibilities");

    /** A skill the role needs, as a shared skill resource. */
    public static final Property skills = property("skills");

    /** The web address of an organisation or source. */
    public static final Property url = property("url");
}
