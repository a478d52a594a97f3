package org.rolegraph.ingest.read;

import java.util.List;
import java.util.Map;

/**
 * A value read from a role-data file with the line and column it starts at: a small tree for one
 * entry at a time, because Jackson's own trees forget where their values came from.
 */
public sealed interface Node permits Node.ObjectNode, Node.ArrayNode, Node.ScalarNode {

    long line();

    long column();

    /** What the value is, for messages ("a list", "a number"). */
    String describe();

    /** A mapping; {@code fields} keeps the order of the file. */
    record ObjectNode(long line, long column, Map<String, Field> fields) implements Node {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A key of a mapping, where the key stands, and its value. */
    record Field(String name, long line, long column, Node value) {}

    record ArrayNode(long line, long column, List<Node> items) implements Node {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A string, number, boolean or null, with its text as written. */
    record ScalarNode(long line, long column, Kind kind, String text) implements Node {
        public enum Kind {
            STRING, NUMBER, BOOLEAN, NULL
        }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "a string";
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "empty (null)";
            };
        }
    }
}
