package cn.gridwatch.grid;

import cn.gridwatch.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The JSON mapper for grid reports: the application's {@link Json#MAPPER} settings, pretty-printed.
 * Thread-safe once built.
 */
public final class GridJson {
    private static final ObjectMapper MAPPER = Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private GridJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code value} as indented JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName() + " to JSON", e);
        }
    }
}
