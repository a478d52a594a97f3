package org.rolegraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.dboe.base.file.ChannelManager;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.base.file.ProcessFileLock;

/**
 * What a store directory holds, read with plain file access before TDB2 opens it, and the atomic
 * creation of a new store.
 *
 * <p>TDB2 lays out a new store file by file; a process killed meanwhile can leave files TDB2 will
 * not open again ("Node block manager empty = true // Records block manager empty = false"). So a new
 * store is made under a temporary name beside the target, filled, closed, and only then renamed into
 * place: a kill at any instant leaves either no store or a whole one. A directory that still holds a
 * store whose creation never finished (made by an older RoleGraph or by TDB2 directly) is recognised
 * by its committed state: nothing was ever committed to it, so nothing can be lost by starting afresh.
 */
final class StoreDirectory {
    /** The name's marks of a store being created, and of an unfinished one being put aside. */
    private static final String CREATING = ".rolegraph-new-";
    private static final String DISCARDING = ".rolegraph-old-";
    private static final String LOCK = "tdb.lock";

    enum State {
        /** No such file or directory. */
        ABSENT,
        /** A directory with nothing in it. */
        EMPTY,
        /** TDB2's files, but nothing ever committed: a creation that never finished, or a store never written. */
        NEVER_COMMITTED,
        /** A TDB2 store that has committed data (or may have: a non-empty journal counts). */
        COMMITTED,
        /** Something else: a file, or a directory with entries that are not TDB2's. */
        NOT_A_STORE
    }

    private StoreDirectory() {}

    static State state(Path directory) {
        if (!Files.exists(directory)) {
            return State.ABSENT;
        }
        if (!Files.isDirectory(directory)) {
            return State.NOT_A_STORE;
        }
        List<Path> dataDirectories = new ArrayList<>();
        boolean empty = true;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                empty = false;
                String name = entry.getFileName().toString();
                if (name.startsWith("Data-") && Files.isDirectory(entry)) {
                    dataDirectories.add(entry);
                } else if (!name.equals(LOCK)) {
                    return State.NOT_A_STORE;
                }
            }
            if (empty) {
                return State.EMPTY;
            }
            // A second data directory only comes from compacting a store that held data.
            if (dataDirectories.size() > 1) {
                return State.COMMITTED;
            }
            for (Path data : dataDirectories) {
                if (mayHoldCommits(data)) {
                    return State.COMMITTED;
                }
            }
            return State.NEVER_COMMITTED;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the store directory " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * True unless the data directory shows that nothing was ever committed to it. Every quad has at
     * least one IRI (its predicate), and IRIs live in the node table, whose committed length TDB2 keeps
     * as the first 8 bytes of {@code nodes-data.bdf}: zero (or no file yet) means no quad and no node
     * ever committed. A journal that is not empty may hold a commit not yet written back, so it counts
     * as committed data.
     */
    private static boolean mayHoldCommits(Path data) throws IOException {
        Path journal = data.resolve("journal.jrnl");
        if (Files.exists(journal) && Files.size(journal) > 0) {
            return true;
        }
        for (String state : new String[] {"nodes-data.bdf", "prefixes-data.bdf"}) {
            Path file = data.resolve(state);
            if (Files.exists(file) && committedLength(file) != 0) {
                return true;
            }
        }
        return false;
    }

    private static long committedLength(Path stateFile) throws IOException {
        try (FileChannel channel = FileChannel.open(stateFile, StandardOpenOption.READ)) {
            ByteBuffer length = ByteBuffer.allocate(Long.BYTES);
            while (length.hasRemaining() && channel.read(length) > 0) {
                // read until 8 bytes or the end of the file
            }
            // Cut short while TDB2 was laying it out: it never recorded a commit.
            return length.hasRemaining() ? 0 : length.getLong(0);
        }
    }

    /**
     * The process that holds the store open: this one when TDB2 holds it in this JVM, else the other
     * process named in its lock file while that process holds the file locked; -1 when none does. A
     * lock file keeps the pid of the last process that opened the store, so only a held lock counts.
     */
    static long holder(Path directory) {
        Path lockFile = directory.resolve(LOCK);
        if (!Files.isRegularFile(lockFile)) {
            return -1;
        }
        long self = ProcessHandle.current().pid();
        // TDB2's own lock object when this JVM holds the store (no second file handle, whose closing
        // would drop the lock).
        ProcessFileLock lock = ProcessFileLock.create(Location.create(directory.toString()).getPath(LOCK));
        if (lock.isLockedHere()) {
            return self;
        }
        long named;
        try {
            named = Long.parseLong(Files.readString(lockFile).trim());
        } catch (IOException | NumberFormatException e) {
            named = 0;
        }
        try {
            if (named == self || lock.tryLock()) {
                // Released by this JVM earlier (TDB2 reopens such a store itself), or held by nobody.
                if (lock.isLockedHere()) {
                    lock.unlock();
                }
                return -1;
            }
            return named;
        } finally {
            ProcessFileLock.release(lock);
        }
    }

    /**
     * Lets go of the locks and files a failed TDB2 open leaves taken in this JVM (TDB2 locks the directory and
     * its data directory before it reads the files, and does not unlock when reading fails), so that
     * the store can be started afresh by this process. Only for a store TDB2 has not set up.
     */
    static void unlockAfterFailedOpen(Path directory) {
        // The files it opened stay registered as open (a later open would say "Already open").
        ChannelManager.releaseAll(Location.create(directory.toString()).getDirectoryPath());
        List<Path> locks = new ArrayList<>(List.of(directory.resolve(LOCK)));
        try (DirectoryStream<Path> data = Files.newDirectoryStream(directory, "Data-*")) {
            data.forEach(d -> locks.add(d.resolve(LOCK)));
        } catch (IOException e) {
            return;
        }
        for (Path path : locks) {
            if (Files.exists(path)) {
                ProcessFileLock lock = ProcessFileLock.create(path.toString());
                if (lock.isLockedHere()) {
                    lock.unlock();
                }
                ProcessFileLock.release(lock);
            }
        }
    }

    /**
     * Makes {@code target} a new store filled by {@code fill}, atomically: the store is created in a
     * temporary directory beside the target, filled and released, then renamed into place. If
     * {@code fill} throws, the temporary directory is deleted and the target is as it was. A target
     * that is an empty directory, or a store that never committed anything, is replaced.
     */
    static <T, E extends Exception> T create(Path target, Stores.StoreWork<T, E> fill) throws E {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        String name = absolute.getFileName().toString();
        try {
            Files.createDirectories(parent);
            removeLeftovers(parent, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the store " + target + ": " + e.getMessage(), e);
        }
        long pid = ProcessHandle.current().pid();
        Path creating = parent.resolve("." + name + CREATING + pid);
        T result;
        try {
            deleteTree(creating);
            result = Stores.withNewStore(creating, fill);
            State now = state(absolute);
            if (now == State.EMPTY || now == State.NEVER_COMMITTED) {
                // rename(2) replaces an empty directory only, so put the old one aside first; a kill
                // between the two renames leaves no store at the target, which the next creation makes.
                Path discarding = parent.resolve("." + name + DISCARDING + pid);
                move(absolute, discarding);
                move(creating, absolute);
                deleteTree(discarding);
            } else if (now == State.ABSENT) {
                move(creating, absolute);
            } else {
                throw new IllegalStateException("the store " + target + " appeared while it was being created");
            }
            syncDirectory(parent);
        } catch (IOException e) {
            deleteQuietly(creating);
            throw new UncheckedIOException("cannot create the store " + target + ": " + e.getMessage(), e);
        } catch (Exception | Error e) {
            deleteQuietly(creating);
            throw e;
        }
        return result;
    }

    /** Deletes what creations of this target killed before their end left beside it. */
    private static void removeLeftovers(Path parent, String name) throws IOException {
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, "." + name + ".rolegraph-*")) {
            for (Path sibling : siblings) {
                String rest = sibling.getFileName().toString().substring(name.length() + 1);
                String pid = rest.startsWith(CREATING) ? rest.substring(CREATING.length())
                        : rest.startsWith(DISCARDING) ? rest.substring(DISCARDING.length()) : null;
                if (pid != null && pid.chars().allMatch(Character::isDigit) && !pid.isEmpty()
                        && !ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)) {
                    deleteTree(sibling);
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot rename " + from + " to " + to + " atomically", e);
        }
    }

    /** Makes the renames durable: on Linux a directory's entries reach the disk with an fsync of it. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory for syncing; the rename has still happened.
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (IOException | RuntimeException e) {
            // Left for the next creation of this target to remove (its pid is then gone).
        }
    }
}
