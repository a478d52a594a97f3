package org.rolegraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Adler32;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.base.file.ProcessFileLock;

/**
 * Cuts a TDB2 transaction journal torn by a killed process back to its last whole entry, before TDB2
 * opens the store.
 *
 * <p>A process killed while it writes the journal can leave an entry whose header or data never
 * reached the file. That entry belongs to a transaction that had not committed (a commit returns only
 * after the journal is synced), yet TDB2's recovery stops on it with "Failed to read the journal entry
 * data" and the store will not open. Recovery cannot be retried in the same JVM once it has failed,
 * because the failed open keeps the journal and the directory lock, so the cut happens here, with
 * plain file access, and only while this process holds the store's lock: a journal another process is
 * writing is never touched.
 *
 * <p>The journal format (TDB2's {@code Journal}): entries of a 28-byte header (data length, Adler-32
 * checksum of header and data, entry type, 16-byte component id) followed by the data.
 */
final class TornJournals {
    static final int HEADER_LENGTH = 28;
    private static final String JOURNAL = "journal.jrnl";
    private static final String LOCK = "tdb.lock";

    private TornJournals() {}

    /**
     * Repairs every journal of the TDB2 store in {@code directory}; returns the journals that were cut.
     * Does nothing for a directory that is not a store yet, or a store another process (or this one)
     * holds open.
     */
    static List<Path> repair(Path directory) {
        List<Path> cut = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return cut;
        }
        try (DirectoryStream<Path> dataDirectories = Files.newDirectoryStream(directory, "Data-*")) {
            for (Path data : dataDirectories) {
                Path journal = data.resolve(JOURNAL);
                if (!Files.exists(journal) || Files.size(journal) == 0) {
                    continue;
                }
                if (whileLocked(directory, () -> whileLocked(data, () -> cutTornTail(journal)))) {
                    cut.add(journal);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the journal of the store " + directory + ": " + e.getMessage(), e);
        }
        return cut;
    }

    /** Cuts the journal back to the end of its last whole, checksum-valid entry; true when it cut. */
    static boolean cutTornTail(Path journal) throws IOException {
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long whole = 0;
            ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH);
            while (whole < size) {
                long entryEnd = wholeEntryEnd(channel, whole, size, header);
                if (entryEnd < 0) {
                    break;
                }
                whole = entryEnd;
            }
            if (whole == size) {
                return false;
            }
            channel.truncate(whole);
            channel.force(true);
            return true;
        }
    }

    /** The end of the entry starting at {@code start}, or -1 when it is incomplete or its checksum fails. */
    private static long wholeEntryEnd(FileChannel channel, long start, long size, ByteBuffer header) throws IOException {
        if (size - start < HEADER_LENGTH) {
            return -1;
        }
        header.clear();
        readFully(channel, header, start);
        int length = header.getInt(0);
        int checksum = header.getInt(4);
        if (length < 0 || length > size - start - HEADER_LENGTH) {
            return -1;
        }
        Adler32 adler = new Adler32();
        header.putInt(4, 0);
        adler.update(header.array());
        if (length > 0) {
            ByteBuffer data = ByteBuffer.allocate(length);
            readFully(channel, data, start + HEADER_LENGTH);
            adler.update(data.array());
        }
        return (int) adler.getValue() == checksum ? start + HEADER_LENGTH + length : -1;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("journal ended early at " + at);
            }
            at += read;
        }
    }

    private interface IoAction {
        boolean run() throws IOException;
    }

    /**
     * Runs {@code action} while holding TDB2's own lock on the store (the same in-process lock object
     * TDB2 takes on open, so a store open in this JVM is recognised without a second file handle,
     * whose closing would drop the lock). A store open anywhere else is left alone: returns false.
     */
    private static boolean whileLocked(Path directory, IoAction action) throws IOException {
        Path lockFile = directory.resolve(LOCK);
        if (!Files.exists(lockFile)) {
            return action.run();
        }
        ProcessFileLock lock = ProcessFileLock.create(Location.create(directory.toString()).getPath(LOCK));
        if (lock.isLockedHere()) {
            return false;
        }
        try {
            return lock.tryLock() && action.run();
        } finally {
            // Forget this lock object: once unlocked it cannot be locked again, and TDB2 takes its own.
            if (lock.isLockedHere()) {
                lock.unlock();
            }
            ProcessFileLock.release(lock);
        }
    }
}
