package org.rolegraph.ingest.taxonomy;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One release of a taxonomy, as a source of claims: its graph and source id ({@code esco-1.1.1}),
 * title, version, publisher, where to download it, its terms of reuse and the attribution its licence
 * asks for. The id keeps the version's dots, so it can never be the id of a role-data source (those
 * are kebab-case slugs) and an import never replaces curated claims.
 */
public record Release(String id, String title, String version, Publisher publisher, String url, String licence,
        String rights, String attribution) {

    /** The organisation that publishes a taxonomy. */
    public record Publisher(String id, String name, String abbreviation, String url) {}

    private static final Pattern VERSION = Pattern.compile("^\\d+(\\.\\d+){1,2}$");
    private static final Pattern VERSION_IN_NAME = Pattern.compile("(?<![0-9.])v?(\\d+\\.\\d+(?:\\.\\d+)?)(?![0-9.])");

    public Release {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(version);
        Objects.requireNonNull(publisher);
    }

    /** Whether {@code version} looks like a release version: two or three numbers with dots. */
    public static boolean isVersion(String version) {
        return version != null && VERSION.matcher(version).matches();
    }

    /** The version a release folder's name carries ({@code esco-1.1.1}, {@code ESCO dataset - v1.2.0 - ...}), or null. */
    public static String versionInName(Path folder) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        if (name == null) {
            return null;
        }
        Matcher m = VERSION_IN_NAME.matcher(name.toString());
        return m.find() ? m.group(1) : null;
    }
}
