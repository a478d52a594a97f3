package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * {@code similar} on imported ESCO occupations ranks by the weighted Jaccard index of their essential
 * (weight 2) and optional (weight 1) skills. The expected ranking is computed here straight from the
 * excerpt's CSV files, not from the graph: the relations whose occupation and skill the release
 * contains, an occupation's weight of a skill being 2 when the relation is essential, else 1.
 */
class TaxonomySimilarityTest {

    private static final String OCCUPATION = "http://data.europa.eu/esco/occupation/";
    private static final String ICT_PROJECT_MANAGER = OCCUPATION + "8b6388a4-4904-471b-9331-d3b1211f5525";

    @Test
    void similarRanksOccupationsByTheirEssentialAndOptionalSkillsAsTheReleaseGivesThem(@TempDir Path dir) throws IOException {
        Path release = ImportCommandTest.FIXTURES.resolve("esco-1.1.1");
        Path store = dir.resolve("store");
        Cli imported = Cli.run("import", "esco", "-q", release.toString(), "--store", store.toString());
        assertEquals(0, imported.exitCode(), imported.err());

        Map<String, String> labels = new HashMap<>();
        for (Map<String, String> row : rows(release.resolve("occupations_en.csv"))) {
            labels.put(row.get("conceptUri"), row.get("preferredLabel"));
        }
        Set<String> skills = new HashSet<>();
        for (Map<String, String> row : rows(release.resolve("skills_en.csv"))) {
            skills.add(row.get("conceptUri"));
        }
        Map<String, Map<String, Integer>> weights = new HashMap<>();
        for (Map<String, String> row : rows(release.resolve("occupationSkillRelations.csv"))) {
            String occupation = row.get("occupationUri");
            if (labels.containsKey(occupation) && skills.contains(row.get("skillUri"))) {
                weights.computeIfAbsent(occupation, o -> new HashMap<>())
                        .merge(row.get("skillUri"), row.get("relationType").equals("essential") ? 2 : 1, Math::max);
            }
        }

        Map<String, Integer> mine = weights.get(ICT_PROJECT_MANAGER);
        List<long[]> ranked = new ArrayList<>();   // {shared, union, index into others}
        List<String> others = new ArrayList<>();
        for (Map.Entry<String, Map<String, Integer>> other : weights.entrySet()) {
            if (other.getKey().equals(ICT_PROJECT_MANAGER)) {
                continue;
            }
            long shared = 0;
            for (Map.Entry<String, Integer> skill : mine.entrySet()) {
                shared += Math.min(skill.getValue(), other.getValue().getOrDefault(skill.getKey(), 0));
            }
            if (shared > 0) {
                long union = total(mine) + total(other.getValue()) - shared;
                others.add(other.getKey());
                ranked.add(new long[] {shared, union, others.size() - 1});
            }
        }
        // Best score first (compared as fractions, exactly), then by IRI, as the query orders them.
        ranked.sort((a, b) -> {
            int byScore = Long.compare(b[0] * a[1], a[0] * b[1]);
            return byScore != 0 ? byScore : others.get((int) a[2]).compareTo(others.get((int) b[2]));
        });
        List<String> expected = new ArrayList<>();
        expected.add(String.format(Locale.ROOT, "%-4s %-6s %-8s %s", "RANK", "SCORE", "SHARED", "ROLE"));
        for (int i = 0; i < Math.min(5, ranked.size()); i++) {
            long[] r = ranked.get(i);
            String iri = others.get((int) r[2]);
            expected.add(String.format(Locale.ROOT, "%-4d %-6.3f %-8s %s (esco:%s)", i + 1, (double) r[0] / r[1],
                    r[0] + "/" + r[1], labels.get(iri), iri.substring(OCCUPATION.length())));
        }
        assertEquals(3, ranked.size(), "in the excerpt, three occupations share a skill with it");

        Cli similar = Cli.run("similar", "ICT project manager", "--top", "5", "--store", store.toString());
        assertEquals(0, similar.exitCode(), similar.err());
        assertEquals(expected, similar.out().lines().toList());
    }

    private static int total(Map<String, Integer> weights) {
        return weights.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static List<Map<String, String>> rows(Path csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.toFile())) {
            return it.readAll();
        }
    }
}
