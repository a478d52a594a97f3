package org.rolegraph.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.rolegraph.ingest.read.RoleDataReader;

/** Expands FILE arguments: a directory stands for the role-data files in it, in name order. */
final class FileArguments {
    private FileArguments() {}

    static List<Path> expand(List<Path> arguments) {
        List<Path> files = new ArrayList<>();
        for (Path argument : arguments) {
            if (Files.isDirectory(argument)) {
                int before = files.size();
                // Links followed: a data directory is often a link to a checkout elsewhere.
                try (Stream<Path> walk = Files.walk(argument, FileVisitOption.FOLLOW_LINKS)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> RoleDataReader.Format.of(p.getFileName().toString()) != null)
                            .sorted()
                            .forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    throw new UserFacingException(argument + ": cannot read this directory (" + e.getMessage() + ")",
                            RoleGraphCommand.EXIT_PROBLEMS);
                }
                if (files.size() == before) {
                    throw new UserFacingException(argument + ": no role-data files in this directory (.yaml, .yml, "
                            + ".json or .csv)", RoleGraphCommand.EXIT_PROBLEMS);
                }
            } else {
                files.add(argument);
            }
        }
        return files;
    }

    static long totalSize(List<Path> files) {
        long total = 0;
        for (Path file : files) {
            try {
                total += Files.size(file);
            } catch (IOException e) {
                return -1;
            }
        }
        return total;
    }
}
