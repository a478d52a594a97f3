package org.rolegraph.ingest.read;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.rolegraph.model.Ids;
import org.rolegraph.model.IriScheme;
import org.rolegraph.model.records.CategoryClaim;
import org.rolegraph.model.records.Comparative;
import org.rolegraph.model.records.Claim;
import org.rolegraph.model.records.Credential;
import org.rolegraph.model.records.DecisionLevel;
import org.rolegraph.model.records.LineManagement;
import org.rolegraph.model.records.LinkClaim;
import org.rolegraph.model.records.Organization;
import org.rolegraph.model.records.RefClaim;
import org.rolegraph.model.records.Role;
import org.rolegraph.model.records.Salary;
import org.rolegraph.model.records.SalaryPeriod;
import org.rolegraph.model.records.Source;
import org.rolegraph.model.records.SourceKind;
import org.rolegraph.model.records.SurveyFigure;
import org.rolegraph.model.records.Term;
import org.rolegraph.model.records.Timeframe;
import org.rolegraph.model.records.ValueClaim;

/**
 * Turns the {@link Node} tree of one entry into a record, reporting every problem it finds (unknown
 * fields, missing or mistyped values, bad ids, IRIs and figures) rather than stopping at the first.
 * Returns null when the entry has problems.
 */
final class RecordBinder {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern DATE_OR_YEAR = Pattern.compile("\\d{4}(-\\d{2}-\\d{2})?");

    private final Reporter reporter;
    /** Numbers may come as text (CSV cells are all text). */
    private final boolean numbersAsText;
    private String defaultSource;
    private int problems;

    RecordBinder(Reporter reporter, boolean numbersAsText) {
        this.reporter = reporter;
        this.numbersAsText = numbersAsText;
    }

    void defaultSource(String sourceId) {
        this.defaultSource = sourceId;
    }

    private void problem(long line, long column, String message) {
        problems++;
        reporter.problem(line, column, message);
    }

    private void problem(Node at, String message) {
        problem(at.line(), at.column(), message);
    }

    // ---- entries -------------------------------------------------------------------------------

    Source source(Node node) {
        Fields f = fields(node, "source", "id", "title", "kind", "publisher", "url", "description", "issued");
        if (f == null) {
            return null;
        }
        int before = problems;
        String id = f.id("id", true);
        String title = f.text("title", true);
        SourceKind kind = f.choice("kind", SourceKind.values(), SourceKind::key, false);
        String publisher = f.ref("publisher", EntryKind.ORGANIZATION);
        String url = f.iri("url");
        String description = f.text("description", false);
        String issued = f.text("issued", false);
        if (issued != null && !DATE_OR_YEAR.matcher(issued).matches()) {
            problem(f.get("issued"), "'issued' must be a date (YYYY-MM-DD) or a year, not '" + issued + "'");
        }
        return problems > before ? null
                : new Source(id, title, kind == null ? SourceKind.ARTICLE : kind, publisher, url, description, issued);
    }

    Organization organization(Node node) {
        Fields f = fields(node, "organization", "id", "name", "abbreviation", "url", "source");
        if (f == null) {
            return null;
        }
        int before = problems;
        Organization result = new Organization(f.id("id", true), f.text("name", true), f.text("abbreviation", false),
                f.iri("url"), f.sources(f.object()));
        return problems > before ? null : result;
    }

    Credential credential(Node node) {
        Fields f = fields(node, "credential", "id", "name", "recognizedBy", "description", "source");
        if (f == null) {
            return null;
        }
        int before = problems;
        String id = f.id("id", true);
        String name = f.text("name", true);
        String body = f.ref("recognizedBy", EntryKind.ORGANIZATION);
        if (body == null && f.get("recognizedBy") == null) {
            problem(f.object(), "credential is missing required field 'recognizedBy' (an organization id)");
        }
        Credential result = new Credential(id, name, body, f.text("description", false), f.sources(f.object()));
        return problems > before ? null : result;
    }

    Term term(Node node, Term.Kind kind) {
        String what = kind.name().toLowerCase(Locale.ROOT);
        boolean family = kind == Term.Kind.FAMILY;
        Fields f = family ? fields(node, what, "id", "label", "definition", "areas", "areaModel", "source")
                : fields(node, what, "id", "label", "definition", "source");
        if (f == null) {
            return null;
        }
        int before = problems;
        String id = f.id("id", true);
        // A family entry without a label adds its source's claims to a family declared elsewhere.
        String label = f.text("label", !family);
        List<String> areas = family ? f.list("areas", item -> scalarText(item, "areas")) : List.of();
        String areaModel = family ? f.text("areaModel", false) : null;
        if (family && label == null && f.get("definition") == null && areas.isEmpty() && areaModel == null && problems == before) {
            problem(f.object(), "family '" + id + "' has no label and adds nothing: give 'label' to declare it, "
                    + "or 'definition', 'areas' or 'areaModel' to add to it");
        }
        Term result = new Term(kind, id, label, f.text("definition", false), areas, areaModel, f.sources(f.object()));
        return problems > before ? null : result;
    }

    private static final String[] ROLE_FIELDS = {"id", "label", "altLabels", "family", "source", "definition",
        "focus", "scope", "timeframe", "decisionLevels", "successMeasures", "responsibilities", "skills",
        "education", "certifications", "workEnvironment", "salaries", "surveyFigures", "reportsTo", "manages", "confusedWith",
        "interchangeableWith", "comparedWith", "related", "careerSteps", "comparisons", "mentors", "teams", "lineManagement", "reasonsToLeave", "whenToHire", "vocabulary",
        "exactMatch", "closeMatch", "occupationalCategories"};

    Role role(Node node) {
        Fields f = fields(node, "role", ROLE_FIELDS);
        if (f == null) {
            return null;
        }
        int before = problems;
        String id = f.id("id", true);
        String label = f.text("label", false);
        List<String> altLabels = f.list("altLabels", item -> scalarText(item, "altLabels"));
        String family = f.ref("family", EntryKind.FAMILY);
        List<String> sources = f.sources(f.object());
        Node definitionNode = f.get("definition");
        Claim definition = definitionNode == null ? null : claim(definitionNode, "definition");
        Role role = Role.builder(id).label(label).altLabels(altLabels).family(family).sources(sources).definition(definition)
                .focus(f.list("focus", n -> claim(n, "focus")))
                .scope(f.list("scope", n -> claim(n, "scope")))
                .timeframe(f.list("timeframe", n -> valueClaim(n, "timeframe", Timeframe.values(), Timeframe::key)))
                .decisionLevels(f.list("decisionLevels", n -> valueClaim(n, "decisionLevels", DecisionLevel.values(), DecisionLevel::key)))
                .successMeasures(f.list("successMeasures", n -> claim(n, "successMeasures")))
                .responsibilities(f.list("responsibilities", n -> refClaim(n, "responsibilities", EntryKind.RESPONSIBILITY)))
                .skills(f.list("skills", n -> refClaim(n, "skills", EntryKind.SKILL)))
                .education(f.list("education", n -> claim(n, "education")))
                .certifications(f.list("certifications", n -> refClaim(n, "certifications", EntryKind.CREDENTIAL)))
                .workEnvironment(f.list("workEnvironment", n -> claim(n, "workEnvironment")))
                .salaries(f.list("salaries", this::salary))
                .surveyFigures(f.list("surveyFigures", this::surveyFigure))
                .reportsTo(f.list("reportsTo", n -> refClaim(n, "reportsTo", EntryKind.ROLE)))
                .manages(f.list("manages", n -> refClaim(n, "manages", EntryKind.ROLE)))
                .confusedWith(f.list("confusedWith", n -> refClaim(n, "confusedWith", EntryKind.ROLE)))
                .interchangeableWith(f.list("interchangeableWith", n -> refClaim(n, "interchangeableWith", EntryKind.ROLE)))
                .comparedWith(f.list("comparedWith", n -> refClaim(n, "comparedWith", EntryKind.ROLE)))
                .related(f.list("related", n -> refClaim(n, "related", EntryKind.ROLE)))
                .careerSteps(f.list("careerSteps", n -> refClaim(n, "careerSteps", EntryKind.ROLE)))
                .comparisons(f.list("comparisons", this::comparative))
                .mentors(f.list("mentors", n -> refClaim(n, "mentors", EntryKind.ROLE)))
                .teams(f.list("teams", n -> claim(n, "teams")))
                .lineManagement(f.list("lineManagement", n -> valueClaim(n, "lineManagement", LineManagement.values(), LineManagement::key)))
                .reasonsToLeave(f.list("reasonsToLeave", n -> claim(n, "reasonsToLeave")))
                .whenToHire(f.list("whenToHire", n -> claim(n, "whenToHire")))
                .vocabulary(f.list("vocabulary", n -> claim(n, "vocabulary")))
                .exactMatch(f.list("exactMatch", n -> linkClaim(n, "exactMatch")))
                .closeMatch(f.list("closeMatch", n -> linkClaim(n, "closeMatch")))
                .occupationalCategories(f.list("occupationalCategories", this::categoryClaim))
                .build();
        if (id != null && label == null && family != null) {
            problem(f.get("family"), "role '" + id + "' gives a family but no label: "
                    + "a role entry without a label only adds claims to a role declared elsewhere");
        }
        for (String selfField : List.of("reportsTo", "manages", "confusedWith", "interchangeableWith",
                "comparedWith", "related", "careerSteps", "mentors")) {
            Node list = f.get(selfField);
            if (id != null && list instanceof Node.ArrayNode array) {
                for (Node item : array.items()) {
                    if (item instanceof Node.ObjectNode obj && obj.fields().get("ref") != null
                            && obj.fields().get("ref").value() instanceof Node.ScalarNode s && id.equals(s.text())) {
                        problem(item, "role '" + id + "' cannot name itself in '" + selfField + "'");
                    }
                }
            }
        }
        return problems > before ? null : role;
    }

    /** A salary row of a CSV table, bound to a role entry that only carries that salary. */
    Role salaryRow(Node node) {
        if (!(node instanceof Node.ObjectNode row)) {
            problem(node, "expected a row");
            return null;
        }
        int before = problems;
        Node roleCell = row.fields().get("role") == null ? null : row.fields().get("role").value();
        String roleId = null;
        if (roleCell == null) {
            problem(row, "salary row is missing required column 'role'");
        } else {
            roleId = idText(roleCell, "role");
            if (roleId != null) {
                reporter.reference(EntryKind.ROLE, roleId, roleCell.line(), roleCell.column());
            }
        }
        var cells = new java.util.LinkedHashMap<>(row.fields());
        cells.remove("role");
        Salary salary = salary(new Node.ObjectNode(row.line(), row.column(), cells));
        if (problems > before || salary == null) {
            return null;
        }
        return Role.builder(roleId).sources(salary.sources()).salaries(List.of(salary)).build();
    }

    /** A row of a CSV roles table: id, label, family, definition and source. */
    Role roleRow(Node node) {
        Fields f = fields(node, "role row", "id", "label", "family", "definition", "source");
        if (f == null) {
            return null;
        }
        int before = problems;
        String id = f.id("id", true);
        String label = f.text("label", true);
        String family = f.ref("family", EntryKind.FAMILY);
        List<String> sources = f.sources(f.object());
        String definition = f.text("definition", false);
        Claim claim = definition == null ? null : new Claim(definition, "en", sources);
        if (problems > before) {
            return null;
        }
        return Role.builder(id).label(label).family(family).sources(sources).definition(claim).build();
    }

    // ---- claims --------------------------------------------------------------------------------

    private Claim claim(Node node, String field) {
        Fields f = fields(node, "'" + field + "' claim ({text, source})", "text", "source", "lang");
        if (f == null) {
            return null;
        }
        String text = f.text("text", true);
        String lang = f.text("lang", false);
        if (lang != null && !LANGUAGE.matcher(lang).matches()) {
            problem(f.get("lang"), "'" + lang + "' is not a language tag (such as en or en-GB)");
            lang = null;
        }
        List<String> sources = f.sources(node);
        return text == null || sources.isEmpty() ? null : new Claim(text, lang == null ? "en" : lang, sources);
    }

    private RefClaim refClaim(Node node, String field, EntryKind kind) {
        Fields f = fields(node, "'" + field + "' claim ({ref, source})", "ref", "source");
        if (f == null) {
            return null;
        }
        String ref = f.ref("ref", kind);
        if (ref == null && f.get("ref") == null) {
            problem(node, "'" + field + "' claim is missing required field 'ref' (a " + kind.noun() + " id)");
        }
        List<String> sources = f.sources(node);
        return ref == null || sources.isEmpty() ? null : new RefClaim(ref, sources);
    }

    private <E extends Enum<E>> ValueClaim<E> valueClaim(Node node, String field, E[] values, Function<E, String> key) {
        Fields f = fields(node, "'" + field + "' claim ({value, source})", "value", "source");
        if (f == null) {
            return null;
        }
        E value = f.choice("value", values, key, true);
        List<String> sources = f.sources(node);
        return value == null || sources.isEmpty() ? null : new ValueClaim<>(value, sources);
    }

    private Comparative comparative(Node node) {
        Fields f = fields(node, "'comparisons' claim ({more, than, source})", "more", "than", "source");
        if (f == null) {
            return null;
        }
        int before = problems;
        Comparative.Quality more = f.choice("more", Comparative.Quality.values(), Comparative.Quality::key, true);
        String than = f.ref("than", EntryKind.ROLE);
        if (than == null && f.get("than") == null) {
            problem(node, "'comparisons' claim is missing required field 'than' (a role id)");
        }
        List<String> sources = f.sources(node);
        return problems > before || sources.isEmpty() ? null : new Comparative(more, than, sources);
    }

    private LinkClaim linkClaim(Node node, String field) {
        Fields f = fields(node, "'" + field + "' claim ({iri, name, source})", "iri", "name", "source");
        if (f == null) {
            return null;
        }
        String iri = f.iri("iri");
        if (iri == null && f.get("iri") == null) {
            problem(node, "'" + field + "' claim is missing required field 'iri'");
        }
        String name = f.text("name", false);
        List<String> sources = f.sources(node);
        return iri == null || sources.isEmpty() ? null : new LinkClaim(iri, name, sources);
    }

    private CategoryClaim categoryClaim(Node node) {
        Fields f = fields(node, "'occupationalCategories' claim ({code, scheme, name, source})",
                "code", "scheme", "name", "source");
        if (f == null) {
            return null;
        }
        String code = f.text("code", true);
        CategoryClaim.CodeSet scheme = f.choice("scheme", CategoryClaim.CodeSet.values(), CategoryClaim.CodeSet::key, true);
        if (code != null && !code.matches("[0-9][0-9.-]*[0-9]")) {
            problem(f.get("code"), "'" + code + "' is not a classification code (digits, dots and hyphens)");
            code = null;
        }
        String name = f.text("name", false);
        List<String> sources = f.sources(node);
        return code == null || scheme == null || sources.isEmpty() ? null
                : new CategoryClaim(code, scheme, name, sources);
    }

    private Salary salary(Node node) {
        Fields f = fields(node, "salary", "average", "median", "min", "max", "percentile10", "percentile90",
                "currency", "period", "provider", "year", "region", "measures", "proxy", "note", "source");
        if (f == null) {
            return null;
        }
        int before = problems;
        BigDecimal average = f.figure("average");
        BigDecimal median = f.figure("median");
        BigDecimal min = f.figure("min");
        BigDecimal max = f.figure("max");
        BigDecimal p10 = f.figure("percentile10");
        BigDecimal p90 = f.figure("percentile90");
        String currency = f.text("currency", false);
        if (currency == null && f.get("currency") == null) {
            problem(node, "salary has no currency: give 'currency' as an ISO 4217 code such as USD");
        } else if (currency != null && !CURRENCY.matcher(currency).matches()) {
            problem(f.get("currency"), "'" + currency + "' is not an ISO 4217 currency code (three capital letters, such as USD)");
        }
        SalaryPeriod period = f.choice("period", SalaryPeriod.values(), SalaryPeriod::key, true);
        if (problems == before) {
            if (average == null && median == null && min == null && max == null && p10 == null && p90 == null) {
                problem(node, "salary gives no figure: give at least one of average, median, min and max, percentile10, percentile90");
            }
            if ((min == null) != (max == null)) {
                problem(node, "salary range needs both 'min' and 'max'");
            } else if (min != null && min.compareTo(max) > 0) {
                problem(f.get("min"), "salary range is reversed: min " + min.toPlainString() + " is above max "
                        + max.toPlainString());
            }
        }
        String provider = f.ref("provider", EntryKind.ORGANIZATION);
        String year = f.text("year", false);
        if (year != null && !YEAR.matcher(year).matches()) {
            problem(f.get("year"), "'year' must be a four-digit year, not '" + year + "'");
        }
        String region = f.text("region", false);
        Salary.Occupation measures = f.get("measures") == null ? null : measuredOccupation(f.get("measures"));
        boolean proxy = f.flag("proxy");
        if (proxy && f.get("measures") == null) {
            problem(f.get("proxy"), "a proxy salary must say what it measures: give 'measures' ({code, scheme, name})");
        }
        String note = f.text("note", false);
        List<String> sources = f.sources(node);
        if (problems > before || sources.isEmpty()) {
            return null;
        }
        return new Salary(average, median, min, max, p10, p90, currency, period, provider, year, region, measures, proxy,
                note, sources);
    }

    private SurveyFigure surveyFigure(Node node) {
        Fields f = fields(node, "survey figure", "measure", "value", "outOf", "percent", "span", "provider", "year",
                "region", "note", "source");
        if (f == null) {
            return null;
        }
        int before = problems;
        SurveyFigure.Measure measure = f.choice("measure", SurveyFigure.Measure.values(), SurveyFigure.Measure::key, true);
        BigDecimal value = f.figure("value", "survey figure");
        if (value == null && f.get("value") == null) {
            problem(node, "survey figure is missing required field 'value'");
        }
        BigDecimal outOf = f.figure("outOf", "survey figure");
        if (value != null && outOf != null && value.compareTo(outOf) > 0) {
            problem(f.get("value"), "survey figure " + value.toPlainString() + " is above its scale's top, outOf "
                    + outOf.toPlainString());
        }
        boolean percent = f.flag("percent");
        if (percent && outOf != null) {
            problem(f.get("percent"), "a survey figure is a percentage or out of a scale ('outOf'), not both");
        }
        String span = f.text("span", false);
        String provider = f.ref("provider", EntryKind.ORGANIZATION);
        String year = f.text("year", false);
        if (year != null && !YEAR.matcher(year).matches()) {
            problem(f.get("year"), "'year' must be a four-digit year, not '" + year + "'");
        }
        String region = f.text("region", false);
        String note = f.text("note", false);
        List<String> sources = f.sources(node);
        return problems > before || sources.isEmpty() ? null
                : new SurveyFigure(measure, value, outOf, percent, span, provider, year, region, note, sources);
    }

    /** The occupation a salary figure measures: {code, scheme, name}, all required. */
    private Salary.Occupation measuredOccupation(Node node) {
        Fields f = fields(node, "'measures' ({code, scheme, name})", "code", "scheme", "name");
        if (f == null) {
            return null;
        }
        int before = problems;
        String code = f.text("code", true);
        CategoryClaim.CodeSet scheme = f.choice("scheme", CategoryClaim.CodeSet.values(), CategoryClaim.CodeSet::key, true);
        String name = f.text("name", true);
        if (code != null && !code.matches("[0-9][0-9.-]*[0-9]")) {
            problem(f.get("code"), "'" + code + "' is not a classification code (digits, dots and hyphens)");
        }
        return problems > before ? null : new Salary.Occupation(code, scheme, name);
    }

    // ---- scalar helpers ------------------------------------------------------------------------

    private String scalarText(Node node, String field) {
        if (node instanceof Node.ScalarNode s && (s.kind() == Node.ScalarNode.Kind.STRING
                || s.kind() == Node.ScalarNode.Kind.NUMBER)) {
            if (s.text().isBlank()) {
                problem(node, "'" + field + "' must not be empty");
                return null;
            }
            return s.text().strip();
        }
        problem(node, "'" + field + "' must be a string, not " + node.describe());
        return null;
    }

    private String idText(Node node, String field) {
        String text = scalarText(node, field);
        if (text != null && !IriScheme.isValidId(text)) {
            problem(node, "'" + text + "' is not a valid id in '" + field
                    + "': use lower-case kebab-case, such as '" + Ids.asId(text, "product-manager") + "'");
            return null;
        }
        return text;
    }

    private Fields fields(Node node, String what, String... allowed) {
        if (!(node instanceof Node.ObjectNode object)) {
            problem(node, "expected " + what + " as a mapping, not " + node.describe());
            return null;
        }
        Set<String> known = Set.of(allowed);
        for (Node.Field field : object.fields().values()) {
            if (!known.contains(field.name())) {
                List<String> near = Ids.closest(field.name(), known, 1);
                problem(field.line(), field.column(), "unknown field '" + field.name() + "' in " + what
                        + (near.isEmpty() ? " (known fields: " + String.join(", ", allowed) + ")"
                                : ": did you mean '" + near.get(0) + "'?"));
            }
        }
        return new Fields(object);
    }

    /** The fields of one mapping, read with the checks their kind needs. */
    private final class Fields {
        private final Node.ObjectNode object;

        Fields(Node.ObjectNode object) {
            this.object = object;
        }

        Node.ObjectNode object() {
            return object;
        }

        boolean has(String name) {
            return object.fields().containsKey(name);
        }

        /** The value of a field, or null when absent, null, or an empty CSV cell. */
        Node get(String name) {
            Node.Field field = object.fields().get(name);
            if (field == null) {
                return null;
            }
            if (field.value() instanceof Node.ScalarNode s && (s.kind() == Node.ScalarNode.Kind.NULL
                    || (numbersAsText && s.text().isEmpty()))) {
                return null;
            }
            return field.value();
        }

        String text(String name, boolean required) {
            Node value = get(name);
            if (value == null) {
                if (required) {
                    problem(object, "missing required field '" + name + "'");
                }
                return null;
            }
            return scalarText(value, name);
        }

        String id(String name, boolean required) {
            Node value = get(name);
            if (value == null) {
                if (required) {
                    problem(object, "missing required field '" + name + "'");
                }
                return null;
            }
            return idText(value, name);
        }

        String ref(String name, EntryKind kind) {
            Node value = get(name);
            if (value == null) {
                return null;
            }
            String id = idText(value, name);
            if (id != null) {
                reporter.reference(kind, id, value.line(), value.column());
            }
            return id;
        }

        String iri(String name) {
            Node value = get(name);
            if (value == null) {
                return null;
            }
            String text = scalarText(value, name);
            if (text == null) {
                return null;
            }
            try {
                IRIx iri = IRIx.create(text);
                if (!iri.isAbsolute() || !(text.startsWith("http://") || text.startsWith("https://"))) {
                    problem(value, "'" + text + "' in '" + name + "' is not an absolute http(s) IRI");
                    return null;
                }
                return text;
            } catch (IRIException e) {
                problem(value, "'" + text + "' in '" + name + "' is not a valid IRI: " + e.getMessage());
                return null;
            }
        }

        <E extends Enum<E>> E choice(String name, E[] values, Function<E, String> key, boolean required) {
            String text = text(name, required);
            if (text == null) {
                return null;
            }
            for (E value : values) {
                if (key.apply(value).equals(text)) {
                    return value;
                }
            }
            problem(get(name), "'" + text + "' is not a valid '" + name + "' (one of: "
                    + String.join(", ", Arrays.stream(values).map(key).toList()) + ")");
            return null;
        }

        /** A yes-or-no field: true, false, or absent (false). */
        boolean flag(String name) {
            Node value = get(name);
            if (value == null) {
                return false;
            }
            if (value instanceof Node.ScalarNode s && (s.kind() == Node.ScalarNode.Kind.BOOLEAN
                    || numbersAsText) && (s.text().strip().equals("true") || s.text().strip().equals("false"))) {
                return s.text().strip().equals("true");
            }
            problem(value, "'" + name + "' must be true or false, not " + value.describe());
            return false;
        }

        BigDecimal figure(String name) {
            return figure(name, "salary figure");
        }

        /** A non-negative number; {@code what} names it in problems ("salary figure", "survey figure"). */
        BigDecimal figure(String name, String what) {
            Node value = get(name);
            if (value == null) {
                return null;
            }
            if (!(value instanceof Node.ScalarNode s) || !(s.kind() == Node.ScalarNode.Kind.NUMBER
                    || (numbersAsText && s.kind() == Node.ScalarNode.Kind.STRING))) {
                problem(value, what + " '" + name + "' must be a number, not " + value.describe());
                return null;
            }
            BigDecimal figure;
            try {
                figure = new BigDecimal(s.text().strip());
            } catch (NumberFormatException e) {
                problem(value, what + " '" + name + "' must be a number, not '" + s.text() + "'");
                return null;
            }
            if (figure.signum() < 0) {
                problem(value, what + " '" + name + "' must not be negative: " + s.text());
                return null;
            }
            return figure;
        }

        <T> List<T> list(String name, Function<Node, T> item) {
            Node value = get(name);
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof Node.ArrayNode array)) {
                problem(value, "'" + name + "' must be a list, not " + value.describe());
                return List.of();
            }
            List<T> result = new ArrayList<>(array.items().size());
            for (Node node : array.items()) {
                T bound = item.apply(node);
                if (bound != null) {
                    result.add(bound);
                }
            }
            return result;
        }

        /** The sources a claim or entry cites: its own 'source' (an id or a list), else the default. */
        List<String> sources(Node at) {
            Node value = get("source");
            if (value == null) {
                if (defaultSource == null) {
                    problem(at, "no source: give 'source' or set 'defaultSource' at the top of the file");
                    return List.of();
                }
                return List.of(defaultSource);
            }
            List<Node> items = value instanceof Node.ArrayNode array ? array.items() : List.of(value);
            List<String> ids = new ArrayList<>(items.size());
            for (Node item : items) {
                String id = idText(item, "source");
                if (id != null) {
                    reporter.reference(EntryKind.SOURCE, id, item.line(), item.column());
                    ids.add(id);
                }
            }
            if (items.isEmpty()) {
                problem(value, "'source' must name at least one source");
            }
            return ids;
        }
    }
}
