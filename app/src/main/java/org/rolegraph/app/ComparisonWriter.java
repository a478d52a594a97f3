package org.rolegraph.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.rolegraph.query.AspectValues;
import org.rolegraph.query.Comparison;
import org.rolegraph.query.Disagreement;
import org.rolegraph.query.LinkedOccupation;
import org.rolegraph.query.RoleSummary;
import org.rolegraph.query.SalaryFigure;
import org.rolegraph.query.SharedItem;
import org.rolegraph.query.SourceRef;
import org.rolegraph.query.Statement;

/**
 * Writes a {@link Comparison} as a wrapped side-by-side table for the terminal, or the same content
 * as Markdown, CSV (one row per value) or JSON. Every value carries its sources.
 */
public final class ComparisonWriter {

    /** The formats compare writes. */
    public enum Format { TEXT, MARKDOWN, CSV, JSON }

    private final Comparison comparison;
    private final Map<String, Integer> footnotes = new LinkedHashMap<>();

    public ComparisonWriter(Comparison comparison) {
        this.comparison = comparison;
        for (SourceRef source : comparison.sources()) {
            footnotes.put(source.iri(), footnotes.size() + 1);
        }
    }

    public void write(Format format, PrintWriter out, int width) {
        switch (format) {
            case TEXT -> text(out, width);
            case MARKDOWN -> markdown(out);
            case CSV -> csv(out);
            case JSON -> json(out);
        }
        out.flush();
    }

    // ---- the rows every format shares ------------------------------------------------------------

    /** One row of the table: a heading and, per role, the lines of its cell. */
    private record Row(String heading, List<List<String>> cells) {}

    private String marks(List<SourceRef> sources) {
        return Text.marks(sources, footnotes);
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        List<RoleSummary> roles = comparison.roles();
        for (AspectValues aspect : comparison.aspects()) {
            List<List<String>> cells = new ArrayList<>();
            for (RoleSummary role : roles) {
                cells.add(aspect.byRole().get(role.id()).stream()
                        .map(s -> shown(s) + " " + marks(s.sources())).toList());
            }
            rows.add(new Row(aspect.aspect().title(), cells));
            if (aspect.aspect() == org.rolegraph.query.Aspect.WORK_ENVIRONMENT) {
                rows.add(salaryRow());
                surveyRow().ifPresent(rows::add);
            }
        }
        if (rows.stream().noneMatch(r -> r.heading().startsWith("Salaries"))) {
            rows.add(salaryRow());
            surveyRow().ifPresent(rows::add);
        }
        if (comparison.linked().values().stream().anyMatch(l -> !l.isEmpty())) {
            List<List<String>> cells = new ArrayList<>();
            for (RoleSummary role : roles) {
                cells.add(comparison.linked().get(role.id()).stream().map(this::linkedSummary).toList());
            }
            rows.add(new Row("Linked occupations", cells));
        }
        return rows;
    }

    /** A linked occupation in one cell: what it is and how much it brings, credited to its release. */
    private String linkedSummary(LinkedOccupation linked) {
        List<SourceRef> sources = linked.statements().stream().flatMap(s -> s.sources().stream()).distinct().toList();
        return linked.occupation().label() + " (" + linked.occupation().id() + "), " + (linked.exact() ? "same" : "close")
                + " occupation: " + linked.statements(org.rolegraph.query.Aspect.SKILL).size() + " skills, "
                + linked.statements(org.rolegraph.query.Aspect.RESPONSIBILITY).size() + " tasks, "
                + linked.statements(org.rolegraph.query.Aspect.ALTERNATIVE_LABEL).size() + " other names " + marks(sources);
    }

    /** The survey figures' row, when any of the roles has one. */
    private java.util.Optional<Row> surveyRow() {
        if (comparison.surveys().values().stream().allMatch(List::isEmpty)) {
            return java.util.Optional.empty();
        }
        List<List<String>> cells = new ArrayList<>();
        for (RoleSummary role : comparison.roles()) {
            cells.add(comparison.surveys().get(role.id()).stream()
                    .map(s -> DescribeCommand.surveyText(s) + " " + marks(List.of(s.source()))).toList());
        }
        return java.util.Optional.of(new Row("Survey figures", cells));
    }

    private Row salaryRow() {
        List<List<String>> cells = new ArrayList<>();
        for (RoleSummary role : comparison.roles()) {
            cells.add(comparison.salaries().get(role.id()).stream()
                    .map(s -> DescribeCommand.salaryText(s) + " " + marks(List.of(s.source()))).toList());
        }
        return new Row("Salaries", cells);
    }

    private static String shown(Statement statement) {
        return statement.label();
    }

    private String label(String roleId) {
        return comparison.roles().stream().filter(r -> r.id().equals(roleId)).findFirst().map(RoleSummary::label)
                .orElse(roleId);
    }

    private List<String> sharedLines() {
        List<String> lines = new ArrayList<>();
        var su = comparison.sharedAndUnique();
        if (comparison.roles().size() > 1) {
            lines.add("Shared by all: " + items(su.shared()));
        }
        for (RoleSummary role : comparison.roles()) {
            lines.add("Only " + role.label() + ": " + items(su.unique().get(role.id())));
        }
        if (!su.partlyShared().isEmpty()) {
            lines.add("Shared by some: " + su.partlyShared().stream()
                    .map(i -> i.label() + " (" + i.holders().stream().map(this::label).collect(Collectors.joining(", ")) + ")")
                    .collect(Collectors.joining("; ")));
        }
        return lines;
    }

    private static String items(List<SharedItem> items) {
        if (items.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        List<String> duties = items.stream().filter(i -> i.kind().equals("responsibility")).map(SharedItem::label).toList();
        List<String> skills = items.stream().filter(i -> i.kind().equals("skill")).map(SharedItem::label).toList();
        if (!duties.isEmpty()) {
            parts.add("duties: " + String.join(", ", duties));
        }
        if (!skills.isEmpty()) {
            parts.add("skills: " + String.join(", ", skills));
        }
        return String.join("; ", parts);
    }

    private List<String> disagreementLines() {
        List<String> lines = new ArrayList<>();
        for (Disagreement d : comparison.disagreements()) {
            lines.add(label(d.roleId()) + ", " + d.subject() + ": " + d.side1() + " " + marks(List.of(d.source1())) + " vs "
                    + d.side2() + " " + marks(List.of(d.source2())));
        }
        return lines;
    }

    private List<String> sourceLines() {
        List<String> lines = new ArrayList<>();
        for (SourceRef source : comparison.sources()) {
            lines.add("[" + footnotes.get(source.iri()) + "] " + source.title() + " <" + source.iri() + ">");
        }
        return lines;
    }

    // ---- text ------------------------------------------------------------------------------------

    private void text(PrintWriter out, int width) {
        List<RoleSummary> roles = comparison.roles();
        int headingWidth = 18;
        int columns = roles.size();
        int cellWidth = Math.max(16, (width - headingWidth - 3 * columns) / columns);
        String rule = "-".repeat(headingWidth) + ("-+-" + "-".repeat(cellWidth)).repeat(columns);
        List<List<String>> header = new ArrayList<>();
        for (RoleSummary role : roles) {
            header.add(Text.wrap(role.label() + " (" + role.id() + ")", cellWidth, "", ""));
        }
        printRow(out, "", header, headingWidth, cellWidth);
        out.println(rule);
        for (Row row : rows()) {
            List<List<String>> wrapped = new ArrayList<>();
            for (List<String> cell : row.cells()) {
                List<String> lines = new ArrayList<>();
                for (String value : cell) {
                    lines.addAll(Text.wrap(value, cellWidth, "- ", "  "));
                }
                wrapped.add(lines);
            }
            printRow(out, row.heading(), wrapped, headingWidth, cellWidth);
            out.println(rule);
        }
        out.println();
        out.println("Responsibilities and skills");
        for (String line : sharedLines()) {
            Text.wrap(line, width, "  ", "    ").forEach(out::println);
        }
        if (!comparison.disagreements().isEmpty()) {
            out.println();
            out.println("Where sources disagree");
            for (String line : disagreementLines()) {
                Text.wrap(line, width, "  ", "    ").forEach(out::println);
            }
        }
        out.println();
        out.println("Sources");
        for (String line : sourceLines()) {
            Text.wrap(line, width, "  ", "      ").forEach(out::println);
        }
    }

    private static void printRow(PrintWriter out, String heading, List<List<String>> cells, int headingWidth, int cellWidth) {
        List<String> headingLines = Text.wrap(heading, headingWidth, "", "");
        int height = headingLines.size();
        for (List<String> cell : cells) {
            height = Math.max(height, cell.size());
        }
        height = Math.max(height, 1);
        for (int line = 0; line < height; line++) {
            StringBuilder text = new StringBuilder(pad(line < headingLines.size() ? headingLines.get(line) : "", headingWidth));
            for (List<String> cell : cells) {
                text.append(" | ").append(pad(line < cell.size() ? cell.get(line) : "", cellWidth));
            }
            out.println(text.toString().stripTrailing());
        }
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    // ---- markdown --------------------------------------------------------------------------------

    private void markdown(PrintWriter out) {
        StringBuilder header = new StringBuilder("| Aspect |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (RoleSummary role : comparison.roles()) {
            header.append(' ').append(cell(role.label() + " (" + role.id() + ")")).append(" |");
            rule.append(" --- |");
        }
        out.println(header);
        out.println(rule);
        for (Row row : rows()) {
            StringBuilder line = new StringBuilder("| ").append(cell(row.heading())).append(" |");
            for (List<String> values : row.cells()) {
                line.append(' ').append(values.stream().map(ComparisonWriter::cell).collect(Collectors.joining("<br>")))
                        .append(" |");
            }
            out.println(line);
        }
        out.println();
        out.println("**Responsibilities and skills**");
        out.println();
        sharedLines().forEach(l -> out.println("- " + cell(l)));
        if (!comparison.disagreements().isEmpty()) {
            out.println();
            out.println("**Where sources disagree**");
            out.println();
            disagreementLines().forEach(l -> out.println("- " + cell(l)));
        }
        out.println();
        out.println("**Sources**");
        out.println();
        sourceLines().forEach(l -> out.println("- " + cell(l)));
    }

    private static String cell(String text) {
        return Text.markdownCell(text);
    }

    // ---- csv -------------------------------------------------------------------------------------

    private void csv(PrintWriter out) {
        CsvSchema schema = CsvSchema.builder().addColumn("aspect").addColumn("role").addColumn("value")
                .addColumn("sources").setUseHeader(true).build();
        try (CsvGenerator csv = new CsvFactory().createGenerator(out)) {
            csv.setSchema(schema);
            for (AspectValues aspect : comparison.aspects()) {
                for (RoleSummary role : comparison.roles()) {
                    for (Statement s : aspect.byRole().get(role.id())) {
                        csvRow(csv, aspect.aspect().title(), role.id(), shown(s), s.sources());
                    }
                }
            }
            for (RoleSummary role : comparison.roles()) {
                for (SalaryFigure s : comparison.salaries().get(role.id())) {
                    csvRow(csv, "Salaries", role.id(), DescribeCommand.salaryText(s), List.of(s.source()));
                }
            }
            for (RoleSummary role : comparison.roles()) {
                for (org.rolegraph.query.SurveyFigure s : comparison.surveys().get(role.id())) {
                    csvRow(csv, "Survey figures", role.id(), DescribeCommand.surveyText(s), List.of(s.source()));
                }
            }
            for (RoleSummary role : comparison.roles()) {
                for (LinkedOccupation linked : comparison.linked().get(role.id())) {
                    for (Statement s : linked.statements()) {
                        csvRow(csv, s.aspect().title() + " (from " + linked.occupation().id() + ")", role.id(), shown(s), s.sources());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void csvRow(CsvGenerator csv, String aspect, String role, String value, List<SourceRef> sources)
            throws IOException {
        csv.writeStartArray();
        csv.writeString(aspect);
        csv.writeString(role);
        csv.writeString(value);
        csv.writeString(sources.stream().map(SourceRef::title).collect(Collectors.joining("; ")));
        csv.writeEndArray();
    }

    // ---- json ------------------------------------------------------------------------------------

    private void json(PrintWriter out) {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("roles");
            for (RoleSummary role : comparison.roles()) {
                json.writeStartObject();
                json.writeStringField("id", role.id());
                json.writeStringField("iri", role.iri());
                json.writeStringField("label", role.label());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("aspects");
            for (AspectValues aspect : comparison.aspects()) {
                json.writeObjectFieldStart(aspect.aspect().title());
                for (RoleSummary role : comparison.roles()) {
                    statements(json, role.id(), aspect.byRole().get(role.id()));
                }
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeObjectFieldStart("salaries");
            for (RoleSummary role : comparison.roles()) {
                json.writeArrayFieldStart(role.id());
                for (SalaryFigure s : comparison.salaries().get(role.id())) {
                    json.writeStartObject();
                    json.writeStringField("text", DescribeCommand.salaryText(s));
                    json.writeStringField("currency", s.currency());
                    json.writeStringField("period", s.period()); // null: the source does not say
                    number(json, "average", s.mean());
                    number(json, "median", s.median());
                    number(json, "min", s.min());
                    number(json, "max", s.max());
                    number(json, "percentile10", s.percentile10());
                    number(json, "percentile90", s.percentile90());
                    if (s.provider() != null) {
                        json.writeStringField("provider", s.provider());
                    }
                    if (s.measured() != null) {
                        json.writeStringField("measures", s.measured());
                        json.writeBooleanField("proxy", s.proxy());
                    }
                    sources(json, List.of(s.source()));
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeObjectFieldStart("surveys");
            for (RoleSummary role : comparison.roles()) {
                json.writeArrayFieldStart(role.id());
                for (org.rolegraph.query.SurveyFigure s : comparison.surveys().get(role.id())) {
                    json.writeStartObject();
                    json.writeStringField("text", DescribeCommand.surveyText(s));
                    json.writeStringField("measure", s.measure());
                    number(json, "value", s.value());
                    number(json, "outOf", s.outOf());
                    if (s.percent()) {
                        json.writeStringField("unit", "percent");
                    }
                    if (s.span() != null) {
                        json.writeStringField("span", s.span());
                    }
                    if (s.provider() != null) {
                        json.writeStringField("provider", s.provider());
                    }
                    sources(json, List.of(s.source()));
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            var su = comparison.sharedAndUnique();
            json.writeArrayFieldStart("shared");
            for (SharedItem item : su.shared()) {
                item(json, item);
            }
            json.writeEndArray();
            json.writeObjectFieldStart("unique");
            for (RoleSummary role : comparison.roles()) {
                json.writeArrayFieldStart(role.id());
                for (SharedItem item : su.unique().get(role.id())) {
                    item(json, item);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeArrayFieldStart("partlyShared");
            for (SharedItem item : su.partlyShared()) {
                item(json, item);
            }
            json.writeEndArray();
            json.writeObjectFieldStart("linked");
            for (RoleSummary role : comparison.roles()) {
                json.writeArrayFieldStart(role.id());
                for (LinkedOccupation linked : comparison.linked().get(role.id())) {
                    json.writeStartObject();
                    json.writeStringField("id", linked.occupation().id());
                    json.writeStringField("iri", linked.occupation().iri());
                    json.writeStringField("label", linked.occupation().label());
                    json.writeStringField("match", linked.exact() ? "exact" : "close");
                    for (org.rolegraph.query.Aspect aspect : List.of(org.rolegraph.query.Aspect.ALTERNATIVE_LABEL,
                            org.rolegraph.query.Aspect.RESPONSIBILITY, org.rolegraph.query.Aspect.SKILL)) {
                        statements(json, aspect.title(), linked.statements(aspect));
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeArrayFieldStart("disagreements");
            for (Disagreement d : comparison.disagreements()) {
                json.writeStartObject();
                json.writeStringField("role", d.roleId());
                json.writeStringField("aspect", d.aspect());
                json.writeStringField("value1", d.value1());
                json.writeStringField("source1", d.source1().iri());
                json.writeStringField("value2", d.value2());
                json.writeStringField("source2", d.source2().iri());
                if (d.currency() != null) {
                    json.writeStringField("currency", d.currency());
                    json.writeStringField("period", d.period());
                }
                if (d.isPayClaim()) {
                    json.writeStringField("than", d.than());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("sources");
            for (SourceRef source : comparison.sources()) {
                json.writeStartObject();
                json.writeNumberField("n", footnotes.get(source.iri()));
                json.writeStringField("iri", source.iri());
                json.writeStringField("title", source.title());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(JsonGenerator json, String name, BigDecimal value) throws IOException {
        if (value != null) {
            json.writeFieldName(name);
            json.writeNumber(value);
        }
    }

    private static void item(JsonGenerator json, SharedItem item) throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", item.kind());
        json.writeStringField("iri", item.iri());
        json.writeStringField("label", item.label());
        json.writeArrayFieldStart("holders");
        for (String holder : item.holders()) {
            json.writeString(holder);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** An array field of statements: each value, its IRI when it has one, and its sources. */
    private void statements(JsonGenerator json, String field, List<Statement> statements) throws IOException {
        json.writeArrayFieldStart(field);
        for (Statement s : statements) {
            json.writeStartObject();
            json.writeStringField("value", shown(s));
            if (s.iri()) {
                json.writeStringField("iri", s.value());
            }
            sources(json, s.sources());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void sources(JsonGenerator json, List<SourceRef> sources) throws IOException {
        json.writeArrayFieldStart("sources");
        // In footnote order, as the marks of the table are.
        for (int number : sources.stream().map(s -> footnotes.get(s.iri())).distinct().sorted().toList()) {
            json.writeNumber(number);
        }
        json.writeEndArray();
    }
}
