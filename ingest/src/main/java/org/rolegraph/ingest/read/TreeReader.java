package org.rolegraph.ingest.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/** Reads the value at the parser's current token into a {@link Node}, keeping positions. */
final class TreeReader {
    private TreeReader() {}

    /**
     * Reads one value. Returns null for a value that cannot be used (a YAML alias); the problem is
     * reported. Depth is bounded by the parser's nesting limit, so recursion is safe.
     */
    static Node read(JsonParser parser, Reporter reporter) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        long line = at.getLineNr();
        long column = at.getColumnNr();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, Node.Field> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation keyAt = parser.currentTokenLocation();
                    String name = parser.currentName();
                    parser.nextToken();
                    Node value = read(parser, reporter);
                    if (fields.containsKey(name)) {
                        Node.Field first = fields.get(name);
                        reporter.problem(keyAt.getLineNr(), keyAt.getColumnNr(),
                                "duplicate key '" + name + "' (first at line " + first.line() + ")");
                    } else if (value != null) {
                        fields.put(name, new Node.Field(name, keyAt.getLineNr(), keyAt.getColumnNr(), value));
                    }
                }
                return new Node.ObjectNode(line, column, fields);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    Node item = read(parser, reporter);
                    if (item != null) {
                        items.add(item);
                    }
                }
                return new Node.ArrayNode(line, column, items);
            }
            case VALUE_STRING:
                if (isAlias(parser)) {
                    reporter.problem(line, column, "YAML aliases (*" + parser.getText()
                            + ") are not supported in role data: write the value out");
                    return null;
                }
                return new Node.ScalarNode(line, column, Node.ScalarNode.Kind.STRING, parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Node.ScalarNode(line, column, Node.ScalarNode.Kind.NUMBER, parser.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node.ScalarNode(line, column, Node.ScalarNode.Kind.BOOLEAN, parser.getText());
            case VALUE_NULL:
                return new Node.ScalarNode(line, column, Node.ScalarNode.Kind.NULL, null);
            default:
                reporter.problem(line, column, "unexpected " + token);
                parser.skipChildren();
                return null;
        }
    }

    /** Whether the current token is a YAML alias (*name), looking through parser delegates. */
    static boolean isAlias(JsonParser parser) {
        JsonParser inner = parser;
        while (inner instanceof com.fasterxml.jackson.core.util.JsonParserDelegate delegate) {
            inner = delegate.delegate();
        }
        return inner instanceof YAMLParser yaml && yaml.isCurrentAlias();
    }
}
