package org.rolegraph.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.rolegraph.model.IriScheme;
import org.rolegraph.model.Names;

/**
 * Proposes links between curated roles and imported ESCO or O*NET occupations by their names, for a
 * person to review; it never writes into the graph.
 *
 * <p>A curated role's preferred and alternative labels are compared with each occupation's: the same
 * name (folded as lookups fold it) scores 1.0 preferred to preferred, 0.9 preferred to alternative or
 * the other way round, 0.8 alternative to alternative; otherwise the words of a curated name and an
 * occupation's preferred label are compared, and a Jaccard index of at least 0.5 scores 0.7 times that
 * index. The same preferred name is proposed as an exact match, everything else as a close match.
 * Pairs already linked are left out; each role keeps its best proposals.
 */
public final class Alignments {

    private final RDFConnection connection;
    private final IriScheme iris;
    private final Duration timeout;

    public Alignments(RDFConnection connection, IriScheme iris, Duration timeout) {
        this.connection = Objects.requireNonNull(connection);
        this.iris = Objects.requireNonNull(iris);
        this.timeout = Objects.requireNonNull(timeout);
    }

    private record Name(String role, int kind, String text) {}

    /** Up to {@code perRole} proposals for each curated role, best first, scores at least {@code minScore}. */
    public List<Alignment> propose(int perRole, double minScore) {
        GraphReader reader = new GraphReader(new Sparql(connection, timeout), iris);
        Map<String, List<Name>> curated = new LinkedHashMap<>();
        Map<String, List<Name>> importedByKey = new HashMap<>();
        Map<String, Name> importedPreferred = new LinkedHashMap<>();
        Set<String> linked = new HashSet<>();
        for (QuerySolution row : reader.sparql().select(QueryCatalog.get("role-names"))) {
            String role = row.getResource("role").getURI();
            String id = iris.roleId(role);
            int kind = row.getLiteral("kind").getInt();
            String value = GraphReader.text(row, "value");
            if (id == null) {
                continue;
            }
            if (kind >= 8) {
                linked.add(role + " " + value);
                continue;
            }
            Name name = new Name(role, kind, value);
            if (IriScheme.isImportedRoleId(id)) {
                importedByKey.computeIfAbsent(Names.fold(value), k -> new ArrayList<>()).add(name);
                if (kind == 1) {
                    importedPreferred.putIfAbsent(role, name);
                }
            } else {
                curated.computeIfAbsent(role, k -> new ArrayList<>()).add(name);
            }
        }
        record Proposal(String role, String occupation, boolean exact, double score, String evidence) {}
        List<Proposal> proposals = new ArrayList<>();
        for (var entry : curated.entrySet()) {
            Map<String, double[]> scores = new LinkedHashMap<>();
            Map<String, String> evidence = new HashMap<>();
            Map<String, Boolean> exact = new HashMap<>();
            for (Name mine : entry.getValue()) {
                for (Name theirs : importedByKey.getOrDefault(Names.fold(mine.text()), List.of())) {
                    double score = mine.kind() == 1 && theirs.kind() == 1 ? 1.0 : mine.kind() == 1 || theirs.kind() == 1 ? 0.9 : 0.8;
                    offer(scores, evidence, exact, theirs.role(), score, mine.kind() == 1 && theirs.kind() == 1,
                            kind(mine) + " '" + mine.text() + "' is the " + kind(theirs) + " '" + theirs.text() + "'");
                }
                Set<String> words = words(mine.text());
                for (Name theirs : importedPreferred.values()) {
                    Set<String> other = words(theirs.text());
                    Set<String> both = new TreeSet<>(words);
                    both.retainAll(other);
                    Set<String> either = new TreeSet<>(words);
                    either.addAll(other);
                    double jaccard = either.isEmpty() ? 0 : (double) both.size() / either.size();
                    if (jaccard >= 0.5 && jaccard < 1.0) {
                        offer(scores, evidence, exact, theirs.role(), 0.7 * jaccard, false, String.format(Locale.ROOT,
                                "%s '%s' and preferred label '%s' share %d of %d words", kind(mine), mine.text(), theirs.text(),
                                both.size(), either.size()));
                    }
                }
            }
            scores.entrySet().stream()
                    .filter(e -> e.getValue()[0] >= minScore && !linked.contains(entry.getKey() + " " + e.getKey()))
                    .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
                    .limit(perRole)
                    .forEach(e -> proposals.add(new Proposal(entry.getKey(), e.getKey(), exact.get(e.getKey()), e.getValue()[0],
                            evidence.get(e.getKey()))));
        }
        // Labels and ids of the roles and occupations proposed, in one query.
        Map<String, RoleSummary> summaries = new HashMap<>();
        List<String> ids = proposals.stream().flatMap(p -> java.util.stream.Stream.of(p.role(), p.occupation()))
                .distinct().map(iris::roleId).toList();
        if (!ids.isEmpty()) {
            reader.roles(ids).forEach(r -> summaries.put(r.iri(), r));
        }
        return proposals.stream().map(p -> new Alignment(summaries.get(p.role()), summaries.get(p.occupation()), p.exact(),
                p.score(), p.evidence())).toList();
    }

    private static void offer(Map<String, double[]> scores, Map<String, String> evidence, Map<String, Boolean> exact, String occupation,
            double score, boolean same, String why) {
        double[] known = scores.computeIfAbsent(occupation, k -> new double[] {-1});
        if (score > known[0]) {
            known[0] = score;
            evidence.put(occupation, why);
            exact.put(occupation, same);
        }
    }

    private static String kind(Name name) {
        return name.kind() == 1 ? "preferred label" : "alternative label";
    }

    /** The words of a name: letters and digits, lower case. */
    static Set<String> words(String text) {
        Set<String> words = new TreeSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
