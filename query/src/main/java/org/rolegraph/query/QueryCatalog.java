package org.rolegraph.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;

/**
 * The SPARQL queries shipped as {@code .rq} resources of this module, one per question, parsed once
 * and cached. Each file starts with a comment saying what it answers, and declares its parameters
 * in lines of the form {@code # @param name kind} ({@code kind} is {@code role}, {@code iri},
 * {@code concept}, {@code text} or {@code term}; a trailing {@code ...} means one or more values).
 */
public final class QueryCatalog {
    private QueryCatalog() {}

    private static final String FOLDER = "org/rolegraph/query/";

    /** The catalog's query names, in the order the documentation lists them. */
    public static final List<String> NAMES = List.of("roles", "compare", "shared-and-unique", "similar", "similar-candidates", "similar-weights", "salaries",
            "survey-figures", "disagreements", "reporting-lines", "fit", "claim-sources", "certifications", "resolve", "linked", "role-names", "releases", "browse", "groups", "group-roles", "search", "source", "entry", "source-graphs", "graph", "graph-size", "labels");

    private static final Map<String, Query> CACHE = new ConcurrentHashMap<>();
    private static final Pattern PARAM = Pattern.compile("^#\\s*@param\\s+(\\w+)\\s+(\\w+)(\\.\\.\\.)?(\\s+alternatives)?",
            Pattern.MULTILINE);

    /** The catalog query {@code name} (the file name without {@code .rq}); callers get their own copy. */
    public static Query get(String name) {
        return CACHE.computeIfAbsent(name, QueryCatalog::load).cloneQuery();
    }

    /** Whether {@code name} is a catalog query. */
    public static boolean has(String name) {
        return NAMES.contains(name);
    }

    /** The text of catalog query {@code name}, or null when there is none. */
    public static String text(String name) {
        try (InputStream in = QueryCatalog.class.getClassLoader().getResourceAsStream(FOLDER + name + ".rq")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The opening sentence of a query's header comment: what it answers (up to its parameters). */
    public static String summary(String text) {
        StringBuilder summary = new StringBuilder();
        for (String line : text.lines().toList()) {
            String comment = line.replaceFirst("^#\\s*", "");
            if (!line.startsWith("#") || comment.matches("(Parameters|Columns):.*|@param.*")) {
                break;
            }
            summary.append(summary.length() == 0 ? "" : " ").append(comment.strip());
        }
        return summary.toString();
    }

    /** The parameters a query text declares with {@code # @param} lines. */
    public static List<QueryParameter> parameters(String text) {
        List<QueryParameter> parameters = new ArrayList<>();
        Matcher matcher = PARAM.matcher(text);
        while (matcher.find()) {
            QueryParameter.Kind kind;
            try {
                kind = QueryParameter.Kind.valueOf(matcher.group(2).toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown parameter kind '" + matcher.group(2) + "' in: " + matcher.group());
            }
            parameters.add(new QueryParameter(matcher.group(1), kind, matcher.group(3) != null, matcher.group(4) != null));
        }
        return parameters;
    }

    private static Query load(String name) {
        String text = text(name);
        if (text == null) {
            throw new IllegalArgumentException("no catalog query named '" + name + "'");
        }
        return QueryFactory.create(text);
    }
}
