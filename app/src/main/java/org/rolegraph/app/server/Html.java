package org.rolegraph.app.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What the page templates (src/main/jte) call to format values; jte itself escapes every value for
 * where it lands (text or attribute).
 */
public final class Html {
    private Html() {}

    /** Encodes a query-string value (the template then escapes it for the attribute). */
    public static String url(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A count with thousands separators, the same in every locale: 2,942. */
    public static String count(long number) {
        return String.format(Locale.ROOT, "%,d", number);
    }
}
