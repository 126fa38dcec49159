package com.trackgeek.api.fuzz;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The endpoints to fuzz, read from the running app: every operation of springdoc's OpenAPI document (with its
 * parameters and, for a body, an example built from the documented schema), every link the actuator lists, and
 * the error paths. Sorted, so that a seed makes the same cases on every run.
 */
final class Endpoints {

    private static final List<String> METHODS = List.of("get", "head", "post", "put", "patch", "delete", "options");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{\\*?([^}]+)}");

    private Endpoints() {
    }

    static List<Endpoint> from(JsonNode openApi, JsonNode actuatorLinks, JsonMapper json) {
        List<Endpoint> endpoints = new ArrayList<>();
        JsonNode components = openApi.path("components").path("schemas");
        for (Map.Entry<String, JsonNode> path : openApi.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                List<Endpoint.Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : path.getValue().path("parameters")) {
                    parameters.add(parameter(parameter));
                }
                for (JsonNode parameter : operation.path("parameters")) {
                    parameters.add(parameter(parameter));
                }
                JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
                String body = schema.isMissingNode() ? null : json.writeValueAsString(example(schema, components, json, 0));
                endpoints.add(new Endpoint(method.toUpperCase(Locale.ROOT), path.getKey(), parameters, body));
            }
        }
        Map<String, Endpoint> actuator = new TreeMap<>();
        for (JsonNode link : actuatorLinks.path("_links")) {
            String path = java.net.URI.create(link.path("href").asString().replace("{*", "{").replace("{", "%7B")
                    .replace("}", "%7D")).getPath();
            List<Endpoint.Parameter> parameters = new ArrayList<>();
            Matcher variables = TEMPLATE_VARIABLE.matcher(path);
            while (variables.find()) {
                parameters.add(new Endpoint.Parameter(variables.group(1), "path", "string"));
            }
            actuator.put(path, new Endpoint("GET", path, parameters, null));
        }
        endpoints.addAll(actuator.values());
        // The error paths: the error controller called directly, and paths nothing maps.
        for (String method : List.of("GET", "POST")) {
            endpoints.add(new Endpoint(method, "/error", List.of(), null));
            endpoints.add(new Endpoint(method, "/", List.of(), null));
        }
        endpoints.add(new Endpoint("GET", "/api/v1/nothing/{id}", List.of(new Endpoint.Parameter("id", "path", "string")),
                null));
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return List.copyOf(endpoints);
    }

    private static Endpoint.Parameter parameter(JsonNode parameter) {
        return new Endpoint.Parameter(parameter.path("name").asString(), parameter.path("in").asString(),
                parameter.path("schema").path("type").asString("string"));
    }

    /**
     * A valid-looking value of a schema: its documented example where it has one (a JSON text in a string is
     * taken as JSON), else one built from its type, the first of a oneOf.
     */
    private static JsonNode example(JsonNode schema, JsonNode components, JsonMapper json, int depth) {
        var nodes = json.getNodeFactory();
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replaceFirst(".*/", "");
            return depth > 6 ? nodes.nullNode() : example(components.path(name), components, json, depth + 1);
        }
        if (schema.has("example")) {
            JsonNode example = schema.get("example");
            if (example.isString() && example.asString().trim().startsWith("{")) {
                try {
                    return json.readTree(example.asString());
                } catch (RuntimeException notJson) {
                    return example;
                }
            }
            return example;
        }
        for (String choice : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.has(choice) && !schema.get(choice).isEmpty()) {
                return example(schema.get(choice).get(0), components, json, depth + 1);
            }
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                var object = nodes.objectNode();
                for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                    object.set(property.getKey(), example(property.getValue(), components, json, depth + 1));
                }
                yield object;
            }
            case "array" -> nodes.arrayNode().add(example(schema.path("items"), components, json, depth + 1));
            case "integer", "number" -> nodes.numberNode(1);
            case "boolean" -> nodes.booleanNode(true);
            default -> "uuid".equals(schema.path("format").asString()) ? nodes.stringNode(
                    "0d9b2c71-3f5e-4a8b-9c6d-1e2f3a4b5c6d") : nodes.stringNode("x");
        };
    }
}
