package org.rolegraph.app.server;

import java.util.List;

/**
 * Server-rendered HTML: escaping and the page frame. Pages use one small stylesheet and no scripts or
 * fonts from anywhere, so they work offline and on a phone.
 */
final class Html {
    private Html() {}

    /** Escapes text for HTML content and attribute values. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Encodes a query-string value. */
    static String url(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A whole page: title, navigation, the body given, and a footer. */
    static String page(String title, String body, List<String[]> alternates) {
        StringBuilder links = new StringBuilder();
        for (String[] alternate : alternates) {
            links.append("<link rel=\"alternate\" type=\"").append(esc(alternate[0])).append("\" href=\"")
                    .append(esc(alternate[1])).append("\">\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · RoleGraph</title>
                <link rel="stylesheet" href="/static/style.css">
                <link rel="icon" href="data:,">
                %s</head>
                <body>
                <header><a class="brand" href="/">RoleGraph</a>
                <nav><a href="/">Roles</a><a href="/compare">Compare</a><a href="/sparql">SPARQL</a><a href="/ontology">Ontology</a><a href="/downloads">Downloads</a></nav></header>
                <main>
                %s
                </main>
                <footer>RoleGraph: job roles as linked data. Every claim cites its source. Data <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>.</footer>
                </body>
                </html>
                """.formatted(esc(title), links, body);
    }
}
