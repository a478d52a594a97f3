package org.rolegraph.app;

import java.io.PrintWriter;
import java.util.Locale;

import org.rolegraph.export.ExportListener;
import org.rolegraph.ingest.IngestListener;

/**
 * Shows how a long ingest, import or export is going on one rewritten terminal line: file, entries
 * (or rows), quads per second and time left; statements written and their rate. Silent unless output
 * is a terminal and --quiet is off.
 */
final class TerminalProgress implements IngestListener, ExportListener {

    private static final long INTERVAL_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final long totalBytes;
    private final long start = System.nanoTime();
    private long doneBytes;
    private long fileSize;
    private String file = "";
    private long lastShown;
    private boolean shown;
    /** What is counted and timed: role-data entries and quads, or the rows of a taxonomy release. */
    private final boolean rows;

    TerminalProgress(PrintWriter err, long totalBytes, boolean rows) {
        this.err = err;
        this.totalBytes = totalBytes;
        this.rows = rows;
    }

    /** A listener that shows progress only when stderr is a terminal and the user did not ask for quiet. */
    static IngestListener forTerminal(PrintWriter err, boolean quiet, long totalBytes) {
        return quiet || System.console() == null ? IngestListener.NONE : new TerminalProgress(err, totalBytes, false);
    }

    /** A display of an export's progress when stderr is a terminal and the user did not ask for quiet; else null. */
    static TerminalProgress forExport(PrintWriter err, boolean quiet) {
        return quiet || System.console() == null ? null : new TerminalProgress(err, 0, false);
    }

    /** As {@link #forTerminal}, counting the rows of a release's files and their rate. */
    static IngestListener forImport(PrintWriter err, boolean quiet, long totalBytes) {
        return quiet || System.console() == null ? IngestListener.NONE : new TerminalProgress(err, totalBytes, true);
    }

    @Override
    public void fileStarted(String name, int index, int total, long size) {
        doneBytes += Math.max(0, fileSize);
        fileSize = size;
        file = "file " + index + "/" + total + " " + name;
    }

    @Override
    public void progress(long bytesRead, long entries, long quads) {
        long now = System.nanoTime();
        if (now - lastShown < INTERVAL_NANOS) {
            return;
        }
        lastShown = now;
        double seconds = (now - start) / 1e9;
        double rate = (rows ? entries : quads) / Math.max(seconds, 1e-9);
        String left = "";
        long read = doneBytes + Math.max(0, bytesRead);
        if (totalBytes > 0 && read > 0) {
            double remaining = seconds * (totalBytes - read) / read;
            left = String.format(Locale.ROOT, ", about %.0f s left", Math.max(0, remaining));
        }
        show(String.format(Locale.ROOT, rows ? "%s: %,d rows, %,d quads, %,.0f rows/s%s" : "%s: %,d entries, %,d quads, %,.0f quads/s%s",
                file, entries, quads, rate, left));
    }

    /** An export's statements written so far, and their rate. */
    @Override
    public void written(long statements) {
        double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-9);
        show(String.format(Locale.ROOT, "exported %,d statements, %,.0f statements/s", statements, statements / seconds));
    }

    private void show(String line) {
        err.print("\r" + line + "\u001b[K");
        err.flush();
        shown = true;
    }

    @Override
    public void validating() {
        if (shown) {
            show("checking the SHACL shapes");
        }
    }

    /** Clears the progress line before the summary is printed. */
    void finish() {
        if (shown) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
