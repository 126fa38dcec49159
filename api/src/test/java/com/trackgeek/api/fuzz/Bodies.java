package com.trackgeek.api.fuzz;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Bad JSON bodies made from an endpoint's valid example: cut short, nested past any sane depth, numbers too big
 * for any type, a value of the wrong type somewhere in the tree, a key twice, other encodings, and text that is
 * not JSON at all. Each returns the body's bytes and names what it did.
 */
final class Bodies {

    record Body(String label, byte[] bytes) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Bodies() {
    }

    static Body mutate(String example, Random random) {
        String valid = example == null ? "{}" : example;
        return switch (random.nextInt(22)) {
            case 0 -> body("truncated", valid.substring(0, random.nextInt(Math.max(1, valid.length()))));
            case 1 -> body("empty", "");
            case 2 -> body("a bare value", FuzzValues.pick(random, List.of("null", "1", "true", "\"x\"", "[]", "{}",
                    "[{}]", "-0", "\"\"")));
            case 3 -> body("nested arrays", "[".repeat(depth(random)) + "]".repeat(depth(random)));
            case 4 -> {
                int depth = depth(random);
                yield body("nested objects", "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
            }
            case 5 -> body("a huge number", replaceValue(valid, random, FuzzValues.pick(random, List.of("1e999999",
                    "-1e999999", "123456789012345678901234567890", "1" + "0".repeat(2000), "0." + "0".repeat(2000) + "1",
                    "1.7976931348623157e309", "-9223372036854775809", "4294967296", "1E+2147483648"))));
            case 6, 7, 8 -> wrongType(valid, random);
            case 9 -> body("a key twice", duplicateKey(valid, random));
            case 10 -> body("a field left out", leaveOut(valid, random));
            case 11 -> body("an unknown field", valid.replaceFirst("\\{", "{\"unknown\":" + FuzzValues.pick(random,
                    List.of("1", "null", "{}", "\"x\"")) + ","));
            case 12 -> new Body("a BOM first", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(valid)));
            case 13 -> {
                Charset charset = FuzzValues.pick(random, List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE,
                        StandardCharsets.UTF_16BE, Charset.forName("UTF-32"), StandardCharsets.ISO_8859_1));
                yield new Body("encoded as " + charset, (valid + "\"é鋼\"").getBytes(charset));
            }
            case 14 -> new Body("bytes that are not UTF-8 in a string", concat(utf8(valid.replaceFirst("\"", "\"\u0001")),
                    new byte[]{(byte) 0xFF, (byte) 0xC3, (byte) 0x28, (byte) 0xC0, (byte) 0xAF}));
            case 15 -> body("a lone surrogate or a control character", replaceValue(valid, random,
                    FuzzValues.pick(random, List.of("\"\\ud800\"", "\"\\udfff\\ud800\"", "\"a\u0000b\"", "\"\\u0000\"",
                            "\"\u0007\"", "\"\\x41\""))));
            case 16 -> body("not JSON's syntax", FuzzValues.pick(random, List.of(valid.replace('"', '\''),
                    valid.replaceFirst("}$", ",}"), "/* c */" + valid, valid + " trailing", valid + valid,
                    valid.replaceAll("\"([a-zA-Z]+)\":", "$1:"), "{\"a\":NaN}", "{\"a\":Infinity}", "<xml/>",
                    "a=1&b=2", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n")));
            case 17 -> body("a huge string", replaceValue(valid, random, "\"" + "a".repeat(1 << (10 + random.nextInt(11)))
                    + "\""));
            case 18 -> body("a huge list", replaceValue(valid, random, "[" + "1,".repeat(1 << (8 + random.nextInt(10)))
                    + "1]"));
            case 19 -> body("a huge body of blanks", " ".repeat(1 << (10 + random.nextInt(12))) + valid);
            case 20 -> body("random bytes", randomBytes(random));
            default -> body("valid", valid);
        };
    }

    private static int depth(Random random) {
        return new int[]{64, 500, 1001, 5000, 100_000}[random.nextInt(5)];
    }

    private static Body body(String label, String text) {
        return new Body(label, utf8(text));
    }

    private static String randomBytes(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(200)];
        random.nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Some value of the tree (the root included) replaced by a node of another JSON type. */
    private static Body wrongType(String valid, Random random) {
        JsonNode replacement = FuzzValues.pick(random, List.of(NODES.stringNode("x"), NODES.numberNode(123),
                NODES.numberNode(-1.5), NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode(),
                NODES.objectNode(), NODES.arrayNode().add(1).add("two"), NODES.objectNode().put("kind", "SEASON"),
                NODES.stringNode(""), NODES.numberNode(0)));
        return body("a " + replacement.getNodeType().name().toLowerCase() + " instead of a value",
                replaceValue(valid, random, JSON.writeValueAsString(replacement)));
    }

    /** The text with one value of the tree replaced by {@code json}; not JSON: the whole of it. */
    private static String replaceValue(String valid, Random random, String json) {
        JsonNode tree;
        try {
            tree = JSON.readTree(valid);
        } catch (RuntimeException notJson) {
            return json;
        }
        List<Map.Entry<JsonNode, String>> slots = new ArrayList<>();
        collect(tree, slots);
        if (slots.isEmpty() || random.nextInt(8) == 0) {
            return json;
        }
        String marker = "\"__fuzz_marker__\"";
        var slot = slots.get(random.nextInt(slots.size()));
        if (slot.getKey() instanceof ObjectNode object) {
            object.put(slot.getValue(), "__fuzz_marker__");
        } else if (slot.getKey() instanceof ArrayNode array) {
            array.set(Integer.parseInt(slot.getValue()), NODES.stringNode("__fuzz_marker__"));
        }
        return JSON.writeValueAsString(tree).replace(marker, json);
    }

    private static void collect(JsonNode node, List<Map.Entry<JsonNode, String>> slots) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                slots.add(Map.entry(object, name));
                collect(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(Map.entry(array, Integer.toString(i)));
                collect(array.get(i), slots);
            }
        }
    }

    /** The first key of an object written again, before it, with another value. */
    private static String duplicateKey(String valid, Random random) {
        int quote = valid.indexOf("{\"");
        if (quote < 0) {
            return "{\"a\":1,\"a\":2}";
        }
        int end = valid.indexOf('"', quote + 2);
        String key = valid.substring(quote + 1, end + 1);
        String other = FuzzValues.pick(random, List.of("null", "1", "\"x\"", "{}", "[]"));
        return valid.substring(0, quote + 1) + key + ":" + other + "," + valid.substring(quote + 1);
    }

    private static String leaveOut(String valid, Random random) {
        try {
            JsonNode tree = JSON.readTree(valid);
            List<Map.Entry<JsonNode, String>> slots = new ArrayList<>();
            collect(tree, slots);
            slots.removeIf(slot -> !(slot.getKey() instanceof ObjectNode));
            if (slots.isEmpty()) {
                return "{}";
            }
            var slot = slots.get(random.nextInt(slots.size()));
            ((ObjectNode) slot.getKey()).remove(slot.getValue());
            return JSON.writeValueAsString(tree);
        } catch (RuntimeException notJson) {
            return "{}";
        }
    }

    private static byte[] utf8(String text) {
        // ISO-8859-1 chars stand for raw bytes (randomBytes); everything else is UTF-8.
        boolean raw = text.chars().allMatch(c -> c < 0x100) && text.chars().anyMatch(c -> c >= 0x80);
        return text.getBytes(raw ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
