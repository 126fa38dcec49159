package com.trackgeek.faults;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * How a provider's format drifts, each applied to a real recorded body ({@link DriftedBody}) so that everything the
 * drift leaves alone is exactly what the provider sends: a required field gone, a number sent as words, an object
 * where a list belongs, every value null, a title or a synopsis of 2 MB, the body cut off halfway, an empty object.
 * Each drift names the item's own id in the body (except where the id is what drifted), so a failure can only come
 * from the drift, never from "answered another item".
 */
enum Drift {

    ID_MISSING("the id field missing"),
    TITLE_MISSING("the title field missing"),
    NUMBER_AS_TEXT("words where a number belongs"),
    OBJECT_FOR_ARRAY("an object where a list belongs"),
    NULLS_EVERYWHERE("every value null"),
    HUGE_TITLE("a 2 MB title"),
    HUGE_TEXT("a 2 MB synopsis"),
    TRUNCATED("the body cut off halfway"),
    EMPTY_OBJECT("an empty object");

    /** 2 MiB of characters: far beyond any real title or synopsis, far below what a JSON parser refuses by default. */
    static final int HUGE = 2 * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String description;

    Drift(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** The recorded body of {@code shape}, naming {@code id}, drifted. */
    String apply(DriftedBody shape, long id) {
        ObjectNode body = shape.recorded(id);
        ObjectNode item = shape.item(body);
        switch (this) {
            case ID_MISSING -> item.remove(shape.idField());
            case TITLE_MISSING -> item.remove(shape.titleField());
            case NUMBER_AS_TEXT -> item.put(shape.numberField(), "about " + item.path(shape.numberField()).asString("twelve") + " or so");
            case OBJECT_FOR_ARRAY -> item.set(shape.listField(), firstOf(item.get(shape.listField())));
            case NULLS_EVERYWHERE -> {
                return JSON.writeValueAsString(nulled(body));
            }
            case HUGE_TITLE -> item.put(shape.titleField(), item.path(shape.titleField()).asString() + " " + huge());
            case HUGE_TEXT -> item.put(shape.textField(), huge());
            case TRUNCATED -> {
                String whole = JSON.writeValueAsString(body);
                return whole.substring(0, whole.length() / 2);
            }
            case EMPTY_OBJECT -> {
                return "{}";
            }
        }
        return JSON.writeValueAsString(body);
    }

    /** The list's first entry on its own (an object), or an object of one field if the list was empty. */
    private static JsonNode firstOf(JsonNode list) {
        if (list instanceof ArrayNode array && !array.isEmpty()) {
            return array.get(0);
        }
        return JSON.createObjectNode().put("name", "drifted");
    }

    /** The same structure with every scalar value null: objects keep their fields, lists their length. */
    private static JsonNode nulled(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                copy.set(field.getKey(), nulled(field.getValue()));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.createArrayNode();
            array.forEach(element -> copy.add(nulled(element)));
            return copy;
        }
        return JSON.nullNode();
    }

    /** Words, not one repeated letter: a synopsis a careless upstream export could really produce. */
    private static String huge() {
        StringBuilder text = new StringBuilder(HUGE + 64);
        List<String> words = List.of("drifted ", "payload ", "of ", "a ", "provider ", "that ", "repeats ", "itself ");
        for (int i = 0; text.length() < HUGE; i++) {
            text.append(words.get(i % words.size()));
        }
        text.setLength(HUGE);
        return text.toString();
    }
}
