package org.rolegraph.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The IRIs RoleGraph mints for data, all under one configurable base: roles {@code {base}role/{id}},
 * skills {@code {base}skill/{id}}, responsibilities, sources, a source's named graph
 * {@code {base}graph/{id}}, and so on. Ids are lower-case kebab-case slugs.
 */
public record IriScheme(String base) {

    /** The base IRI used unless the user configures another. */
    public static final String DEFAULT_BASE = "https://w3id.org/rolegraph/";

    /** The default scheme. */
    public static final IriScheme DEFAULT = new IriScheme(DEFAULT_BASE);

    /** What an id must look like: lower-case letters and digits in groups joined by single hyphens. */
    public static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public IriScheme {
        Objects.requireNonNull(base, "base");
        if (!base.matches("https?://[^\\s<>\"{}|\\\\^`]+") || !(base.endsWith("/") || base.endsWith("#"))) {
            throw new IllegalArgumentException(
                    "base IRI must be an absolute http(s) IRI ending in '/' or '#': " + base);
        }
    }

    /** Whether {@code id} is the id of a role: a curated id, {@code esco:UUID} or {@code onet:CODE}. */
    public static boolean isRoleId(String id) {
        return isValidId(id) || id != null && (id.startsWith(ESCO_ID) && id.length() > ESCO_ID.length()
                || id.startsWith(ONET_ID) && id.length() > ONET_ID.length());
    }

    /** Whether a role id names an occupation imported from a taxonomy ({@code esco:...}, {@code onet:...}). */
    public static boolean isImportedRoleId(String id) {
        return id != null && (id.startsWith(ESCO_ID) || id.startsWith(ONET_ID));
    }

    /** Whether {@code id} is a valid RoleGraph id. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The IRIs of ESCO's occupations, which an import keeps (link, do not mint). */
    public static final String ESCO_OCCUPATION = "http://data.europa.eu/esco/occupation/";
    /** The id prefixes of roles imported from a taxonomy: {@code esco:UUID}, {@code onet:O*NET-SOC code}. */
    public static final String ESCO_ID = "esco:";
    public static final String ONET_ID = "onet:";

    /**
     * The IRI of role {@code id}: a curated role under {@code role/}, an ESCO occupation ({@code esco:}
     * and ESCO's UUID, ESCO's own IRI) or an O*NET occupation ({@code onet:} and its O*NET-SOC code).
     */
    public String role(String id) {
        if (id.startsWith(ESCO_ID)) {
            return ESCO_OCCUPATION + id.substring(ESCO_ID.length());
        }
        if (id.startsWith(ONET_ID)) {
            return onetOccupation(id.substring(ONET_ID.length()));
        }
        return base + "role/" + id;
    }

    public String skill(String id) {
        return base + "skill/" + id;
    }

    public String responsibility(String id) {
        return base + "responsibility/" + id;
    }

    public String source(String id) {
        return base + "source/" + id;
    }

    /** The named graph holding what source {@code id} says. */
    public String graph(String id) {
        return base + "graph/" + id;
    }

    /**
     * Whether a graph IRI names a taxonomy release's graph ({@code graph/esco-1.1.1}): release ids keep
     * their version's dots, which the ids of role-data sources cannot have.
     */
    public static boolean isReleaseGraph(String graphIri) {
        if (graphIri == null) {
            return false;
        }
        int slash = graphIri.lastIndexOf('/');
        return graphIri.substring(0, slash + 1).endsWith("/graph/") && graphIri.indexOf('.', slash) > 0;
    }

    public String family(String id) {
        return base + "family/" + id;
    }

    public String organization(String id) {
        return base + "organization/" + id;
    }

    public String credential(String id) {
        return base + "credential/" + id;
    }

    /**
     * An O*NET occupation, which O*NET itself names by no IRI: {@code onet/occupation/{O*NET-SOC code}}
     * under our base, linking to its O*NET OnLine page with schema:url.
     */
    public String onetOccupation(String code) {
        return base + "onet/occupation/" + code;
    }

    /** An O*NET task statement, by its Task ID. */
    public String onetTask(String taskId) {
        return base + "onet/task/" + taskId;
    }

    /** An element of O*NET's content model (a skill such as 2.A.2.a Critical Thinking), by its Element ID. */
    public String onetElement(String elementId) {
        return base + "onet/element/" + elementId;
    }

    /** A technology class of O*NET's technology skills, by its UNSPSC commodity code. */
    public String onetTechnology(String commodityCode) {
        return base + "onet/technology/" + commodityCode;
    }

    /** A major group of the SOC on which O*NET-SOC codes are built, by its code ({@code 15-0000}). */
    public String onetGroup(String majorGroupCode) {
        return base + "onet/group/" + majorGroupCode;
    }

    /** One of O*NET's five job zones (how much preparation an occupation needs). */
    public String onetJobZone(String zone) {
        return base + "onet/job-zone/" + zone;
    }

    /** A salary estimate: a fragment of its role's IRI, numbered per source in file order. */
    public String salary(String roleId, String sourceId, int index) {
        return role(roleId) + "#salary-" + sourceId + "-" + index;
    }

    /** A survey figure: a fragment of its role's IRI, numbered per source in file order. */
    public String surveyFigure(String roleId, String sourceId, int index) {
        return role(roleId) + "#survey-" + sourceId + "-" + index;
    }

    /**
     * The id of a role IRI: a curated role's id, {@code esco:UUID} for an ESCO occupation,
     * {@code onet:CODE} for an O*NET occupation; null when the IRI names no role of these kinds.
     * Derived from the IRI alone, so it is stable across releases (ESCO's UUIDs and O*NET-SOC codes are).
     */
    public String roleId(String iri) {
        if (iri == null) {
            return null;
        }
        if (iri.startsWith(ESCO_OCCUPATION)) {
            String uuid = iri.substring(ESCO_OCCUPATION.length());
            return uuid.matches("[0-9a-f-]{8,}") ? ESCO_ID + uuid : null;
        }
        String onet = base + "onet/occupation/";
        if (iri.startsWith(onet)) {
            String code = iri.substring(onet.length());
            return code.matches("\\d{2}-\\d{4}\\.\\d{2}") ? ONET_ID + code : null;
        }
        String prefix = base + "role/";
        if (!iri.startsWith(prefix)) {
            return null;
        }
        String id = iri.substring(prefix.length());
        return isValidId(id) ? id : null;
    }

    /** The id of a named-graph IRI under this base, or null. */
    public String graphId(String iri) {
        String prefix = base + "graph/";
        return iri != null && iri.startsWith(prefix) ? iri.substring(prefix.length()) : null;
    }
}
