package com.trackgeek.simulator;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asserts that a body has a recorded body's shape: the same keys in the same order at every level, and
 * the same kind of value (object, array, string, number, boolean) wherever both are non-null. Jikan
 * sends null for unknown scalars, so a null scalar matches anything; objects and arrays are never null.
 */
public final class JsonShape {

    private JsonShape() {
    }

    public static void assertSameShape(JsonNode expected, JsonNode actual) {
        compare(expected, actual, "$");
    }

    private static void compare(JsonNode expected, JsonNode actual, String path) {
        if (expected == null || expected.isNull()) {
            return;
        }
        if (expected.isContainer()) {
            assertThat(actual).as("%s", path).isNotNull();
            assertThat(actual.isNull()).as("%s is null", path).isFalse();
        }
        if (actual == null || actual.isNull()) {
            return;
        }
        assertThat(kind(actual)).as("kind of %s", path).isEqualTo(kind(expected));
        if (expected.isObject()) {
            assertThat(actual.propertyNames()).as("keys of %s", path)
                    .containsExactlyElementsOf(expected.propertyNames());
            for (String key : expected.propertyNames()) {
                compare(expected.get(key), actual.get(key), path + "." + key);
            }
        } else if (expected.isArray() && !expected.isEmpty()) {
            for (int i = 0; i < actual.size(); i++) {
                compare(expected.get(0), actual.get(i), path + "[" + i + "]");
            }
        }
    }

    private static String kind(JsonNode node) {
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isNumber()) {
            return "number";
        }
        return node.isBoolean() ? "boolean" : "string";
    }
}
