package dev.berth.schema;

import com.networknt.schema.InputFormat;
import com.networknt.schema.serialization.NodeReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the schema into a tree with Jackson's streaming parser alone. The schema library's default reader
 * builds a full object mapper first, which costs more start-up time than parsing and compiling the schema
 * together; berth only ever hands it its own JSON schema, so the mapper's binding machinery is never needed.
 */
final class JsonTreeReader implements NodeReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final JsonFactory json = new JsonFactory();

    @Override
    public JsonNode readTree(String content, InputFormat format) {
        requireJson(format);
        try (JsonParser parser = json.createParser(ObjectReadContext.empty(), content)) {
            JsonNode root = value(parser, parser.nextToken());
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after the JSON value at " + parser.currentLocation());
            }
            return root;
        }
    }

    @Override
    public JsonNode readTree(InputStream content, InputFormat format) {
        try {
            return readTree(new String(content.readAllBytes(), StandardCharsets.UTF_8), format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireJson(InputFormat format) {
        if (format != InputFormat.JSON) {
            throw new IllegalArgumentException("berth's schema is JSON, not " + format);
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token) {
        if (token == null) {
            throw new IllegalArgumentException("empty JSON document");
        }
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(value(parser, t));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.stringNode(parser.getString());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalArgumentException("unexpected JSON token " + token + " at " + parser.currentLocation());
        };
    }
}
