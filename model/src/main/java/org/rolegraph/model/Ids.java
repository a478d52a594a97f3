package org.rolegraph.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Helpers for RoleGraph ids: the nearest known ids to one that was mistyped. */
public final class Ids {
    private Ids() {}

    /**
     * The {@code limit} known ids closest to {@code id} by edit distance (ties in id order), keeping
     * only those near enough to be a plausible typo or an id that contains the given one.
     */
    public static List<String> closest(String id, Collection<String> known, int limit) {
        int threshold = Math.max(2, id.length() / 2);
        return known.stream()
                .filter(candidate -> candidate.contains(id) || id.contains(candidate)
                        || editDistance(id, candidate) <= threshold)
                .sorted(Comparator.comparingInt((String candidate) -> editDistance(id, candidate))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(limit)
                .toList();
    }

    /**
     * The valid id nearest to {@code text}, for a suggestion: accents dropped, camel case split,
     * lower case, every other run of characters a single hyphen ("Growth_PM" gives "growth-pm",
     * "Chef de Produit" gives "chef-de-produit"); {@code fallback} when nothing of it is left.
     */
    public static String asId(String text, String fallback) {
        String plain = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String id = plain.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return IriScheme.isValidId(id) ? id : fallback;
    }

    /** Levenshtein distance between two strings. */
    public static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
