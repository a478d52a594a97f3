package org.rolegraph.ingest.read;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.rolegraph.model.records.Term;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads role-data files (YAML, JSON, CSV) with Jackson's streaming parsers, one entry at a time, so a
 * file of a million roles never sits in memory whole. Every problem found is reported with its line
 * and column; reading goes on after a problem where the parser can.
 */
public final class RoleDataReader {

    /** The format version this reader understands. */
    public static final String FORMAT = "rolegraph/1";

    /** Deeper nesting than this is refused at once; the format itself never nests more than 6 deep. */
    public static final int MAX_NESTING_DEPTH = 64;

    /** The largest string value accepted, in characters. */
    public static final int MAX_STRING_LENGTH = 1_000_000;

    /** How many entries pass between progress calls. */
    private static final int PROGRESS_EVERY = 1000;

    /** The file formats, told apart by file name extension. */
    public enum Format {
        YAML, JSON, CSV;

        /** The format of a file name, or null when the extension is not one of ours. */
        public static Format of(String fileName) {
            String name = fileName.toLowerCase(Locale.ROOT);
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return YAML;
            }
            if (name.endsWith(".json")) {
                return JSON;
            }
            if (name.endsWith(".csv")) {
                return CSV;
            }
            return null;
        }
    }

    /** Called every so many entries with the bytes (or characters) read so far and the entries read. */
    public interface Progress {
        void update(long offset, long entries);
    }

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .build();

    private final JsonFactory json = JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
    private final YAMLFactory yaml;
    private final CsvFactory csv = CsvFactory.builder().streamReadConstraints(CONSTRAINTS).build();

    public RoleDataReader() {
        LoaderOptions options = new LoaderOptions();
        // Role data never needs aliases; refusing any expansion makes alias bombs harmless.
        options.setMaxAliasesForCollections(10);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        // SnakeYAML's default stops at 3 MB; large role files are legitimate.
        options.setCodePointLimit(Integer.MAX_VALUE);
        yaml = YAMLFactory.builder().loaderOptions(options).streamReadConstraints(CONSTRAINTS).build();
    }

    /**
     * Reads one file. Problems go to {@code reporter}; good entries to {@code handler}, in file order.
     * Returns false when the file could not be read to its end (a syntax error, bad UTF-8, nesting
     * too deep): then declarations after that point are unknown.
     */
    public boolean read(InputStream in, Format format, Reporter reporter, EntryHandler handler, Progress progress)
            throws IOException {
        JsonFactory factory = switch (format) {
            case YAML -> yaml;
            case JSON -> json;
            case CSV -> csv;
        };
        // YAML and CSV parsers report bad UTF-8 without a position; the check gives line and column.
        Utf8Check checked = format == Format.JSON ? null : new Utf8Check(in);
        JsonParser parser = null;
        try {
            parser = factory.createParser(checked == null ? in : checked);
            if (format == Format.YAML) {
                checked.limitBytesBetweenTokens();
                parser = new TokenBoundaries(parser, checked);
            }
            if (format == Format.CSV) {
                ((CsvParser) parser).setSchema(CsvSchema.emptySchema().withHeader());
                readCsv((CsvParser) parser, reporter, handler, progress);
            } else {
                readDocument(parser, reporter, handler, progress);
            }
        } catch (Utf8Check.MalformedUtf8Exception e) {
            reporter.problem(e.line, e.column, e.getMessage());
            return false;
        } catch (JsonProcessingException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof Utf8Check.MalformedUtf8Exception bad) {
                    reporter.problem(bad.line, bad.column, bad.getMessage());
                    return false;
                }
            }
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
                YamlSyntax syntax = YamlSyntax.of(marked);
                reporter.problem(syntax.line(), syntax.column(), syntax.message());
                return false;
            }
            JsonLocation at = e.getLocation();
            if ((at == null || at.getLineNr() < 1) && parser != null) {
                at = parser.currentLocation();
            }
            reporter.problem(at == null ? 1 : Math.max(1, at.getLineNr()), at == null ? 1 : Math.max(1, at.getColumnNr()),
                    cleanMessage(e));
            return false;
        } catch (CharConversionException e) {
            reporter.problem(1, 1, "not valid UTF-8: " + e.getMessage());
            return false;
        } finally {
            if (parser != null) {
                parser.close();
            }
        }
        return true;
    }

    /** Jackson's message without the location and source excerpt it appends; we print our own. */
    private static String cleanMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        message = message.replace("\n", " ").replaceAll("\\[Source: [^;]*; ", "[").strip();
        if (message.toLowerCase(Locale.ROOT).contains("nesting depth")) {
            return "nesting deeper than " + MAX_NESTING_DEPTH + " levels";
        }
        if (message.contains("Number of aliases for non-scalar nodes exceeds")) {
            return "too many YAML aliases (refused as a possible alias bomb)";
        }
        return "syntax error: " + message;
    }

    private void readDocument(JsonParser parser, Reporter reporter, EntryHandler handler, Progress progress)
            throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            reporter.problem(1, 1, "file is empty: expected a mapping starting with 'format: " + FORMAT + "'");
            return;
        }
        if (token != JsonToken.START_OBJECT) {
            JsonLocation at = parser.currentTokenLocation();
            reporter.problem(at.getLineNr(), at.getColumnNr(),
                    "expected a mapping with 'format: " + FORMAT + "' at the top of the file, not " + token.asString());
            return;
        }
        RecordBinder binder = new RecordBinder(reporter, false);
        boolean formatSeen = false;
        boolean listSeen = false;
        long entries = 0;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            parser.nextToken();
            switch (name) {
                case "format" -> {
                    formatSeen = true;
                    Node value = TreeReader.read(parser, reporter);
                    if (!(value instanceof Node.ScalarNode s) || !FORMAT.equals(s.text())) {
                        reporter.problem(keyAt.getLineNr(), keyAt.getColumnNr(),
                                "unsupported format: this reader reads 'format: " + FORMAT + "'");
                    }
                }
                case "defaultSource" -> {
                    Node value = TreeReader.read(parser, reporter);
                    if (listSeen) {
                        reporter.problem(keyAt.getLineNr(), keyAt.getColumnNr(),
                                "'defaultSource' must come before the lists it applies to");
                    } else if (value instanceof Node.ScalarNode s && s.kind() == Node.ScalarNode.Kind.STRING
                            && org.rolegraph.model.IriScheme.isValidId(s.text())) {
                        binder.defaultSource(s.text());
                        reporter.reference(EntryKind.SOURCE, s.text(), value.line(), value.column());
                    } else if (value != null) {
                        reporter.problem(value.line(), value.column(), "'defaultSource' must be a source id");
                    }
                }
                case "sources", "organizations", "credentials", "families", "responsibilities", "skills", "roles" -> {
                    listSeen = true;
                    if (TreeReader.isAlias(parser)) {
                        JsonLocation at = parser.currentTokenLocation();
                        reporter.problem(at.getLineNr(), at.getColumnNr(), "YAML aliases (*" + parser.getText()
                                + ") are not supported in role data: write the value out");
                        continue;
                    }
                    if (parser.currentToken() != JsonToken.START_ARRAY) {
                        if (parser.currentToken() != JsonToken.VALUE_NULL) {
                            reporter.problem(keyAt.getLineNr(), keyAt.getColumnNr(), "'" + name + "' must be a list");
                        }
                        parser.skipChildren();
                        continue;
                    }
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        Node entry = TreeReader.read(parser, reporter);
                        if (entry != null) {
                            dispatch(name, entry, binder, handler);
                        }
                        if (++entries % PROGRESS_EVERY == 0) {
                            progress.update(offset(parser), entries);
                        }
                    }
                }
                default -> {
                    reporter.problem(keyAt.getLineNr(), keyAt.getColumnNr(), "unknown top-level field '" + name
                            + "' (known: format, defaultSource, sources, organizations, credentials, families, "
                            + "responsibilities, skills, roles)");
                    parser.skipChildren();
                }
            }
        }
        if (!formatSeen) {
            reporter.problem(1, 1, "missing 'format: " + FORMAT + "' at the top of the file");
        }
        progress.update(offset(parser), entries);
        if (parser.nextToken() != null) {
            JsonLocation at = parser.currentTokenLocation();
            reporter.problem(at.getLineNr(), at.getColumnNr(), "unexpected content after the end of the document");
        }
    }

    private static void dispatch(String list, Node entry, RecordBinder binder, EntryHandler handler) {
        long line = entry.line();
        long column = entry.column();
        boolean accepted = switch (list) {
            case "sources" -> accept(binder.source(entry), s -> handler.source(s, line, column));
            case "organizations" -> accept(binder.organization(entry), o -> handler.organization(o, line, column));
            case "credentials" -> accept(binder.credential(entry), c -> handler.credential(c, line, column));
            case "families" -> accept(binder.term(entry, Term.Kind.FAMILY), t -> handler.term(t, line, column));
            case "responsibilities" -> accept(binder.term(entry, Term.Kind.RESPONSIBILITY), t -> handler.term(t, line, column));
            case "skills" -> accept(binder.term(entry, Term.Kind.SKILL), t -> handler.term(t, line, column));
            case "roles" -> accept(binder.role(entry), r -> handler.role(r, line, column));
            default -> throw new IllegalArgumentException(list);
        };
        if (!accepted) {
            rejected(list, entry, handler);
        }
    }

    /** Tells the handler the id of an entry that had problems, so references to it do not cascade. */
    private static void rejected(String list, Node entry, EntryHandler handler) {
        if (entry instanceof Node.ObjectNode object && object.fields().get("id") != null
                && object.fields().get("id").value() instanceof Node.ScalarNode id && id.text() != null) {
            EntryKind kind = switch (list) {
                case "sources" -> EntryKind.SOURCE;
                case "organizations" -> EntryKind.ORGANIZATION;
                case "credentials" -> EntryKind.CREDENTIAL;
                case "families" -> EntryKind.FAMILY;
                case "responsibilities" -> EntryKind.RESPONSIBILITY;
                case "skills" -> EntryKind.SKILL;
                default -> EntryKind.ROLE;
            };
            handler.rejected(kind, id.text());
        }
    }

    private static <T> boolean accept(T record, java.util.function.Consumer<T> consumer) {
        if (record != null) {
            consumer.accept(record);
            return true;
        }
        return false;
    }

    private static final Set<String> ROLE_COLUMNS = Set.of("id", "label", "family", "definition", "source");
    private static final Set<String> SALARY_COLUMNS = Set.of("role", "currency", "period", "average", "median",
            "min", "max", "percentile10", "percentile90", "provider", "year", "region", "note", "source");

    private void readCsv(CsvParser parser, Reporter reporter, EntryHandler handler, Progress progress)
            throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_ARRAY) {
            token = parser.nextToken();
        }
        CsvSchema schema = parser.getSchema();
        if (schema.size() == 0) {
            reporter.problem(1, 1, "file is empty: expected a header row (roles: id,label,family,definition,source; "
                    + "salaries: role,currency,period,average,...,source)");
            return;
        }
        Set<String> header = new java.util.LinkedHashSet<>(schema.getColumnNames());
        boolean salaries = header.contains("role");
        Set<String> allowed = salaries ? SALARY_COLUMNS : ROLE_COLUMNS;
        int index = 1;
        boolean headerOk = true;
        for (String column : schema.getColumnNames()) {
            if (!allowed.contains(column)) {
                reporter.problem(1, index, "unknown column '" + column + "' in a " + (salaries ? "salaries" : "roles")
                        + " table (known columns: " + String.join(",", allowed) + ")");
                headerOk = false;
            }
            index++;
        }
        if (!headerOk) {
            return;
        }
        RecordBinder binder = new RecordBinder(reporter, true);
        long entries = 0;
        while (token == JsonToken.START_OBJECT) {
            Node row = firstCellOnItsRow(TreeReader.read(parser, reporter));
            if (row != null) {
                long line = row.line();
                long column = row.column();
                boolean accepted = accept(salaries ? binder.salaryRow(row) : binder.roleRow(row),
                        r -> handler.role(r, line, column));
                if (!accepted && !salaries) {
                    rejected("roles", row, handler);
                }
            }
            if (++entries % PROGRESS_EVERY == 0) {
                progress.update(offset(parser), entries);
            }
            token = parser.nextToken();
        }
        progress.update(offset(parser), entries);
    }

    /**
     * Jackson's CSV parser places the start of a row at the end of the previous line; the row starts
     * where its first cell does.
     */
    private static Node firstCellOnItsRow(Node row) {
        if (!(row instanceof Node.ObjectNode object) || object.fields().isEmpty()) {
            return row;
        }
        Node.Field first = object.fields().values().iterator().next();
        return new Node.ObjectNode(first.line(), first.column(), object.fields());
    }

    private static long offset(JsonParser parser) {
        JsonLocation at = parser.currentLocation();
        return Math.max(at.getByteOffset(), at.getCharOffset());
    }

    /** Tells the byte check each time the parser produces a token, so one value's bytes are bounded. */
    private static final class TokenBoundaries extends com.fasterxml.jackson.core.util.JsonParserDelegate {
        private final Utf8Check input;

        TokenBoundaries(JsonParser parser, Utf8Check input) {
            super(parser);
            this.input = input;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            input.tokenRead();
            return token;
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            // Skips through nextToken above, so skipped values are bounded too.
            if (currentToken() != JsonToken.START_OBJECT && currentToken() != JsonToken.START_ARRAY) {
                return this;
            }
            for (int open = 1; open > 0; ) {
                JsonToken token = nextToken();
                if (token == null) {
                    break;
                }
                open += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
            }
            return this;
        }
    }
}
