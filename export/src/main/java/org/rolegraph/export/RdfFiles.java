package org.rolegraph.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.Context;
import org.rolegraph.export.internal.TurtleInputLimits;

/**
 * Reads RDF files the way RoleGraph reads everything: with no network. A JSON-LD document whose
 * {@code @context} (or any document it refers to) is a URL is refused at once, with the URL in the
 * message, instead of being fetched; Jena's default loader would fetch it, or wait forever on a host
 * that never answers.
 */
public final class RdfFiles {
    private RdfFiles() {}

    /** Thrown for a JSON-LD document that needs a remote context. */
    public static final class RemoteContextRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RemoteContextRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Starts the message of every refusal. */
    private static final String REFUSED = "refused to load ";

    /** JSON-LD options whose document loader refuses every URL, telling {@code refused} which. */
    private static JsonLdOptions offline(java.util.function.Consumer<String> refused) {
        JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader((url, loaderOptions) -> {
            refused.accept(url.toString());
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    REFUSED + url + ": RoleGraph never fetches remote JSON-LD contexts; embed the context");
        });
        return options;
    }

    /**
     * Makes every JSON-LD parse that reads this context refuse remote contexts (see the class comment).
     * Given Jena's global context ({@code RIOT.getContext()}), that holds for every parser of the
     * process, Fuseki's own included.
     */
    public static void refuseRemoteContexts(Context context) {
        context.set(LangJSONLD11.JSONLD_OPTIONS, offline(url -> { }));
    }

    /**
     * {@code in} read within {@link TurtleInputLimits} when {@code lang} is Turtle, TriG, N-Triples or
     * N-Quads (no term over 4 MiB, no nesting over 256 levels); as it is otherwise.
     */
    public static InputStream bounded(InputStream in, Lang lang) {
        boolean turtleFamily = lang != null && (RDFLanguages.sameLang(lang, Lang.TURTLE) || RDFLanguages.sameLang(lang, Lang.TRIG)
                || RDFLanguages.sameLang(lang, Lang.NTRIPLES) || RDFLanguages.sameLang(lang, Lang.NQUADS));
        return turtleFamily ? new TurtleInputLimits(in) : in;
    }

    /**
     * Parses {@code in} in {@code lang} into {@code sink}, offline. Turtle, TriG, N-Triples and N-Quads
     * are read within {@link TurtleInputLimits}: no term over 4 MiB, no nesting over 256 levels.
     */
    public static void parse(InputStream in, Lang lang, StreamRDF sink) {
        Context context = new Context();
        // The loader notes what it refused: Jena and Titanium pass its error on in words of their own.
        java.util.List<String> refused = new java.util.ArrayList<>();
        context.set(LangJSONLD11.JSONLD_OPTIONS, offline(refused::add));
        InputStream source = bounded(in, lang);
        try {
            RDFParser.source(source).lang(lang).context(context).parse(sink);
        } catch (RuntimeException e) {
            if (!refused.isEmpty()) {
                throw new RemoteContextRefused(REFUSED + refused.get(0)
                        + ": RoleGraph never fetches remote JSON-LD contexts; embed the context", e);
            }
            throw e;
        }
    }

    /** Reads a file (format from its extension) into a new in-memory dataset, offline. */
    public static DatasetGraph read(Path file) throws IOException {
        Lang lang = org.apache.jena.riot.RDFLanguages.filenameToLang(file.toString());
        if (lang == null) {
            throw new IllegalArgumentException(file + ": unknown RDF format");
        }
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        try (InputStream in = Files.newInputStream(file)) {
            parse(in, lang, StreamRDFLib.dataset(dataset));
        }
        return dataset;
    }
}
