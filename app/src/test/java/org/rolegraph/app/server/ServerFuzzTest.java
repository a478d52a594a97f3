package org.rolegraph.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.jena.fuseki.main.FusekiServer;
import org.rolegraph.app.EmbeddedData;
import org.rolegraph.model.IriScheme;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the server's request handling over real HTTP: a method, one of the server's paths with a
 * fuzzed tail, fuzzed query parameters, Accept and Content-Type headers, and a body. Whatever the
 * request, the answer is a well-formed HTTP response that is not a server error (5xx other than the
 * 503 of a query timeout), and the server keeps answering {@code /healthz}.
 *
 * <p>{@code mvn verify} replays the committed corpus (resources {@code ServerFuzzTestInputs}); the
 * reliability profile fuzzes for a bounded time with JAZZER_FUZZ=1.
 */
class ServerFuzzTest {
    private static final String[] METHODS = {"GET", "POST", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"};
    private static final String[] PATHS = {"/", "/role/", "/compare", "/sparql", "/rolegraph/sparql", "/rolegraph/query",
        "/rolegraph/data", "/rolegraph/update", "/rolegraph/get", "/ontology", "/download/", "/downloads", "/context.jsonld",
        "/shapes.ttl", "/static/", "/healthz", "/index.html", "/role-data.schema.json"};
    private static final String[] PARAMETERS = {"query", "roles", "format", "example", "q", "timeout", "default-graph-uri",
        "named-graph-uri", "graph", "default", "update"};
    private static final String[] TYPES = {"*/*", "text/html", "text/turtle", "application/ld+json", "application/n-triples",
        "application/sparql-results+json", "application/sparql-query", "application/x-www-form-urlencoded",
        "application/sparql-update", "application/json"};

    private static FusekiServer server;

    @FuzzTest(maxDuration = "30s")
    @SuppressWarnings("try") // the detector's allowance only needs to hold while the request is made
    void everyRequestGetsAnAnswerThatIsNotAServerError(FuzzedDataProvider data) throws IOException {
        if (server == null) {
            server = RoleGraphServer.create(EmbeddedData.load(IriScheme.DEFAULT)).port(0)
                    .timeout(Duration.ofSeconds(1)).maxBody(4096).start();
        }
        String method = data.pickValue(METHODS);
        StringBuilder target = new StringBuilder(data.pickValue(PATHS)).append(encode(data.consumeString(40)));
        int parameters = data.consumeInt(0, 3);
        for (int i = 0; i < parameters; i++) {
            target.append(i == 0 ? '?' : '&').append(data.pickValue(PARAMETERS)).append('=').append(encode(data.consumeString(200)));
        }
        String accept = data.consumeBoolean() ? data.pickValue(TYPES) : printable(data.consumeString(60));
        String contentType = data.pickValue(TYPES);
        byte[] body = data.consumeRemainingAsBytes();

        // Jazzer's SSRF detector stays on for every connection except this test's own to the server,
        // so a request that made the server call out anywhere would be a finding.
        int port = server.getHttpPort();
        try (SilentCloseable ownConnections = BugDetectors.allowNetworkConnections(
                (host, to) -> to == port && isLoopback(host))) {
            exchange(method, target.toString(), accept, contentType, body);
        }
    }

    private static void exchange(String method, String target, String accept, String contentType, byte[] body) throws IOException {
        int status = send(method, target.toString(), accept, contentType, body);
        assertTrue(status >= 100 && status < 500 || status == 503, method + " " + target + " answered " + status);
        assertEquals(200, send("GET", "/healthz", "*/*", "text/plain", new byte[0]), "the server still answers");
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Header values cannot hold line breaks or other control characters; HTTP itself forbids them. */
    private static String printable(String value) {
        return value.replaceAll("[\\x00-\\x1f\\x7f]", " ");
    }

    /** Sends one request on a fresh connection and returns the status code of the response line. */
    private static int send(String method, String target, String accept, String contentType, byte[] body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getHttpPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String head = method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept + "\r\nContent-Type: "
                    + contentType + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            String statusLine = firstLine(socket.getInputStream());
            assertTrue(statusLine.startsWith("HTTP/1.1 "), "a well-formed response to " + method + " " + target + ": " + statusLine);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    private static String firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1).trim();
    }
}
