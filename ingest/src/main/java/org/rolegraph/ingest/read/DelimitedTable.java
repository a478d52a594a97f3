package org.rolegraph.ingest.read;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Reads a delimited text file of a taxonomy release (ESCO's CSV, O*NET's tab-separated text) row by
 * row with Jackson's CSV parser, each row with the line it starts on. Quoted fields may span lines
 * (ESCO's lists of labels do) and double a quote inside (O*NET's tasks do).
 *
 * <p>The header names the columns. A column a reader needs and the header lacks is a problem at
 * 1:1; columns a later release adds are ignored. A row with another number of fields than the
 * header is a problem at its line, and reading goes on; a quote never closed or bytes that are not
 * UTF-8 end the file with a problem where they are.
 */
public final class DelimitedTable {

    /** Where problems go: a position in the file and a message. */
    public interface Problems {
        void problem(long line, long column, String message);
    }

    /** One row: its first line and its fields, by column name. */
    public static final class Row {
        private final Map<String, Integer> columns;
        private final List<String> fields;
        private final long line;

        Row(Map<String, Integer> columns, List<String> fields, long line) {
            this.columns = columns;
            this.fields = fields;
            this.line = line;
        }

        /** The line the row starts on (from 1). */
        public long line() {
            return line;
        }

        /** The field of a column the reader declared as required, stripped of surrounding blanks. */
        public String get(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                throw new IllegalArgumentException("column '" + column + "' was not declared as required");
            }
            return fields.get(index).strip();
        }

        /** The field of an optional column, or "" when the header does not have it. */
        public String getOptional(String column) {
            Integer index = columns.get(column);
            return index == null ? "" : fields.get(index).strip();
        }
    }

    /** Receives rows in file order. */
    public interface RowHandler {
        void row(Row row);
    }

    /** Hears how far reading has come, every so many rows. */
    public interface Progress {
        void update(long charsRead, long rows);
    }

    private static final int PROGRESS_EVERY = 4096;

    private final CsvFactory factory = CsvFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(RoleDataReader.MAX_STRING_LENGTH).build())
            .build();
    private final char separator;
    private final List<String> required;
    private final List<String> optional;
    private final String hint;

    /**
     * A table whose fields are split by {@code separator}, with the columns {@code required} must
     * have and the {@code optional} ones it reads when present.
     */
    public DelimitedTable(char separator, List<String> required, List<String> optional) {
        this(separator, required, optional, "");
    }

    /**
     * As above, with a {@code hint} added to the message of a missing column (say which releases have
     * it, so a user holding an older layout knows what differs).
     */
    public DelimitedTable(char separator, List<String> required, List<String> optional, String hint) {
        this.separator = separator;
        this.required = List.copyOf(required);
        this.optional = List.copyOf(optional);
        this.hint = hint;
    }

    /**
     * Reads every row of {@code in}. Returns the number of rows read, or -1 when the file could not
     * be read to its end (its header lacks a column, a quote is never closed, bad UTF-8).
     */
    public long read(InputStream in, Problems problems, RowHandler handler, Progress progress) throws IOException {
        Utf8Check checked = new Utf8Check(in, "the release's files must be UTF-8");
        CsvParser parser;
        try {
            // The parser reads its first block here already, so bad bytes can fail it at creation.
            parser = factory.createParser(checked);
        } catch (Utf8Check.MalformedUtf8Exception e) {
            problems.problem(e.line, e.column, e.getMessage());
            return -1;
        }
        long rows = 0;
        try (parser) {
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator).withQuoteChar('"').withoutEscapeChar());
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            List<String> fields = new ArrayList<>();
            Map<String, Integer> columns = null;
            int width = 0;
            long rowLine = 1;
            JsonLocation after = null;
            int depth = 0;
            try {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token == JsonToken.START_ARRAY) {
                        if (++depth == 2) {
                            fields.clear();
                            rowLine = parser.currentLocation().getLineNr();
                        }
                    } else if (token == JsonToken.VALUE_STRING) {
                        fields.add(parser.getText());
                        after = parser.currentLocation();
                    } else if (token == JsonToken.END_ARRAY && --depth == 1) {
                        if (columns == null) {
                            columns = header(fields, problems);
                            if (columns == null) {
                                return -1;
                            }
                            width = fields.size();
                        } else if (fields.size() == 1 && fields.get(0).isEmpty()) {
                            continue; // a blank line, such as one at the end of the file
                        } else if (fields.size() != width) {
                            problems.problem(rowLine, 1, "this row has " + fields.size() + " fields where the header has "
                                    + width + (fields.size() < width ? " (a row cut short?)" : " (a quote or separator too many?)"));
                        } else {
                            rows++;
                            handler.row(new Row(columns, List.copyOf(fields), rowLine));
                            if (rows % PROGRESS_EVERY == 0) {
                                progress.update(parser.currentLocation().getCharOffset(), rows);
                            }
                        }
                    }
                }
            } catch (Utf8Check.MalformedUtf8Exception e) {
                problems.problem(e.line, e.column, e.getMessage());
                return -1;
            } catch (JsonProcessingException e) {
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    if (cause instanceof Utf8Check.MalformedUtf8Exception bad) {
                        problems.problem(bad.line, bad.column, bad.getMessage());
                        return -1;
                    }
                }
                if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Missing closing quote")) {
                    // Jackson reports the end of the file; the quote opened in the field after the last one read.
                    long line = after == null ? rowLine : Math.max(rowLine, after.getLineNr());
                    long column = after == null || after.getLineNr() < rowLine ? 1 : after.getColumnNr();
                    problems.problem(line, column, "a quote opened in this row is never closed (the file ends inside it)");
                } else {
                    JsonLocation at = e.getLocation();
                    problems.problem(at == null ? rowLine : Math.max(1, at.getLineNr()), at == null ? 1 : Math.max(1, at.getColumnNr()),
                            e.getOriginalMessage());
                }
                return -1;
            } catch (CharConversionException e) {
                problems.problem(rowLine, 1, "not valid UTF-8: " + e.getMessage());
                return -1;
            }
            if (columns == null) {
                problems.problem(1, 1, "the file is empty: it has no header");
                return -1;
            }
            progress.update(parser.currentLocation().getCharOffset(), rows);
        }
        return rows;
    }

    /** The column index of each required and optional column, or null (and a problem) when one is missing. */
    private Map<String, Integer> header(List<String> names, Problems problems) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            columns.putIfAbsent(names.get(i).strip(), i);
        }
        List<String> missing = required.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            problems.problem(1, 1, (missing.size() == 1 ? "missing column '" + missing.get(0) + "'"
                    : "missing columns '" + String.join("', '", missing) + "'")
                    + " (the header has: " + String.join(", ", names) + ")" + hint);
            return null;
        }
        Map<String, Integer> wanted = new HashMap<>();
        for (String column : required) {
            wanted.put(column, columns.get(column));
        }
        for (String column : optional) {
            if (columns.containsKey(column)) {
                wanted.put(column, columns.get(column));
            }
        }
        return wanted;
    }
}
