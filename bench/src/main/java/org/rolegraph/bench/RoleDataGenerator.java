package org.rolegraph.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Writes a large, realistic role-data file in RoleGraph's format, the same for the same seed: N roles,
 * each with 10 responsibilities and 10 skills drawn from shared pools, a definition and focus, a
 * timeframe and decision level, two salary estimates from two surveys, and a reporting line to an
 * earlier role. One file holds the sources, the catalog and the roles, so it ingests on its own.
 *
 * <pre>java -cp rolegraph-bench.jar org.rolegraph.bench.RoleDataGenerator 100000 roles.json [seed]</pre>
 */
public final class RoleDataGenerator {

    public static final int DUTIES_PER_ROLE = 10;
    public static final int SKILLS_PER_ROLE = 10;

    private final int roles;
    private final long seed;

    public RoleDataGenerator(int roles, long seed) {
        this.roles = roles;
        this.seed = seed;
    }

    /** Pools grow with the data set, as a real job architecture's do, but far slower than the roles. */
    int poolSize() {
        return Math.max(200, roles / 20);
    }

    public void write(Path file) throws IOException {
        boolean yaml = file.getFileName().toString().endsWith(".yaml");
        JsonFactory factory = yaml ? YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build() : new JsonFactory();
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
            write(json);
        }
    }

    private void write(JsonGenerator g) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int pool = poolSize();
        g.writeStartObject();
        g.writeStringField("format", "rolegraph/1");
        g.writeStringField("defaultSource", "bench-curation");
        g.writeArrayFieldStart("sources");
        source(g, "bench-curation", "Benchmark curation", "curation");
        source(g, "bench-article", "Benchmark article on roles", "article");
        source(g, "bench-survey-a", "Benchmark salary survey A", "dataset");
        source(g, "bench-survey-b", "Benchmark salary survey B", "dataset");
        g.writeEndArray();
        g.writeArrayFieldStart("organizations");
        g.writeStartObject();
        g.writeStringField("id", "bench-statistics-office");
        g.writeStringField("name", "Benchmark Statistics Office");
        g.writeEndObject();
        g.writeEndArray();
        g.writeArrayFieldStart("families");
        for (int f = 0; f < 20; f++) {
            term(g, "family-" + f, "Family " + f);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("responsibilities");
        for (int r = 0; r < pool; r++) {
            term(g, "duty-" + r, "Duty number " + r);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("skills");
        for (int s = 0; s < pool; s++) {
            term(g, "skill-" + s, "Skill number " + s);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("roles");
        for (int i = 0; i < roles; i++) {
            role(g, i, random, pool);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void source(JsonGenerator g, String id, String title, String kind) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("title", title);
        g.writeStringField("kind", kind);
        g.writeEndObject();
    }

    private static void term(JsonGenerator g, String id, String label) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("label", label);
        g.writeEndObject();
    }

    public static String roleId(int i) {
        return String.format(Locale.ROOT, "role-%06d", i);
    }

    private static void role(JsonGenerator g, int i, SplittableRandom random, int pool) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", roleId(i));
        g.writeStringField("label", "Role " + i);
        g.writeStringField("family", "family-" + (i % 20));
        g.writeObjectFieldStart("definition");
        g.writeStringField("text", "Role " + i + " looks after area " + random.nextInt(1000) + " of the organisation.");
        g.writeStringField("source", "bench-article");
        g.writeEndObject();
        claims(g, "focus", "Focus on outcome " + random.nextInt(5000));
        value(g, "timeframe", random.nextBoolean() ? "continuous" : "time-bound");
        value(g, "decisionLevels", new String[] {"strategic", "tactical", "operational"}[random.nextInt(3)]);
        refs(g, "responsibilities", "duty-", DUTIES_PER_ROLE, random, pool);
        refs(g, "skills", "skill-", SKILLS_PER_ROLE, random, pool);
        g.writeArrayFieldStart("salaries");
        int median = 40_000 + random.nextInt(120_000);
        g.writeStartObject();
        g.writeNumberField("median", median);
        g.writeNumberField("percentile10", median * 6 / 10);
        g.writeNumberField("percentile90", median * 16 / 10);
        g.writeStringField("currency", "USD");
        g.writeStringField("period", "year");
        g.writeStringField("provider", "bench-statistics-office");
        g.writeStringField("year", "2024");
        g.writeStringField("source", "bench-survey-a");
        g.writeEndObject();
        g.writeStartObject();
        g.writeNumberField("average", median + random.nextInt(20_000) - 10_000);
        g.writeStringField("currency", "USD");
        g.writeStringField("period", "year");
        g.writeStringField("source", "bench-survey-b");
        g.writeEndObject();
        g.writeEndArray();
        if (i > 0) {
            g.writeArrayFieldStart("reportsTo");
            g.writeStartObject();
            g.writeStringField("ref", roleId(random.nextInt(i)));
            g.writeStringField("source", "bench-article");
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void claims(JsonGenerator g, String field, String text) throws IOException {
        g.writeArrayFieldStart(field);
        g.writeStartObject();
        g.writeStringField("text", text);
        g.writeStringField("source", "bench-article");
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void value(JsonGenerator g, String field, String value) throws IOException {
        g.writeArrayFieldStart(field);
        g.writeStartObject();
        g.writeStringField("value", value);
        g.writeStringField("source", "bench-article");
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void refs(JsonGenerator g, String field, String prefix, int count, SplittableRandom random, int pool)
            throws IOException {
        g.writeArrayFieldStart(field);
        int start = random.nextInt(pool);
        int step = 1 + random.nextInt(7);
        for (int k = 0; k < count; k++) {
            g.writeStartObject();
            g.writeStringField("ref", prefix + ((start + k * step) % pool));
            g.writeStringField("source", "bench-article");
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    public static void main(String[] args) throws IOException {
        int roles = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        new RoleDataGenerator(roles, seed).write(file);
        System.out.println("wrote " + roles + " roles to " + file + " (" + Files.size(file) + " bytes)");
    }
}
