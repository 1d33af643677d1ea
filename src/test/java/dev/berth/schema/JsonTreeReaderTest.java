package dev.berth.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The light reader builds the same tree as Jackson's full mapper. */
class JsonTreeReaderTest {
    private final JsonTreeReader reader = new JsonTreeReader();

    @Test
    void theSchemaReadsAsTheMapperReadsIt() {
        String schema = SchemaText.read();
        assertTrue(JsonMapper.builder().build().readTree(schema).equals(reader.readTree(schema, InputFormat.JSON)),
                "the trees differ");
    }

    @Test
    void everyKindOfValue() {
        String json = "{\"a\": [1, -2, 12345678901, 123456789012345678901234567890, 1.5, true, false, null, \"s\"], \"b\": {}}";
        assertEquals(JsonMapper.builder().build().readTree(json), reader.readTree(json, InputFormat.JSON));
    }

    @Test
    void refusesWhatIsNotOneJsonValue() {
        assertThrows(IllegalArgumentException.class, () -> reader.readTree("", InputFormat.JSON));
        assertThrows(IllegalArgumentException.class, () -> reader.readTree("{} {}", InputFormat.JSON));
        assertThrows(IllegalArgumentException.class, () -> reader.readTree("a: 1", InputFormat.YAML));
    }
}
