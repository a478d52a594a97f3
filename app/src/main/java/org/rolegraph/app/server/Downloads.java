package org.rolegraph.app.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Files the server hands out (data set downloads, the ontology, the context, the shapes) with what
 * caches need: an ETag from the content's hash, a Last-Modified time, and a gzipped copy. Each is made
 * once and kept, unless the store can change (--allow-update), when it is made per request.
 */
final class Downloads {

    /** One file: its bytes, gzipped bytes, media type, ETag and modification time. */
    record File(byte[] bytes, byte[] gzipped, String mediaType, String etag, Instant lastModified) {}

    private final Map<String, File> cache = new ConcurrentHashMap<>();
    private final boolean cacheable;
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    Downloads(boolean cacheable) {
        this.cacheable = cacheable;
    }

    File get(String name, String mediaType, Supplier<byte[]> maker) {
        if (!cacheable) {
            return make(mediaType, maker.get(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
        return cache.computeIfAbsent(name, n -> make(mediaType, maker.get(), started));
    }

    private static File make(String mediaType, byte[] bytes, Instant modified) {
        try {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(bytes);
            }
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return new File(bytes, zipped.toByteArray(), mediaType, "\"" + hash.substring(0, 32) + "\"", modified);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
