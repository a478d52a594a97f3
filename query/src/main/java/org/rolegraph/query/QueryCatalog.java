package org.rolegraph.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;

/** The SPARQL queries shipped as {@code .rq} resources of this module, parsed once and cached. */
public final class QueryCatalog {
    private QueryCatalog() {}

    private static final String FOLDER = "org/rolegraph/query/";
    private static final Map<String, Query> CACHE = new ConcurrentHashMap<>();

    /** The catalog query {@code name} (the file name without {@code .rq}); callers get their own copy. */
    public static Query get(String name) {
        return CACHE.computeIfAbsent(name, QueryCatalog::load).cloneQuery();
    }

    /** The text of catalog query {@code name}, or null when there is none. */
    public static String text(String name) {
        try (InputStream in = QueryCatalog.class.getClassLoader().getResourceAsStream(FOLDER + name + ".rq")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query load(String name) {
        String text = text(name);
        if (text == null) {
            throw new IllegalArgumentException("no catalog query named '" + name + "'");
        }
        return QueryFactory.create(text);
    }
}
