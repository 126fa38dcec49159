package com.trackgeek.simulator.hardcover;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hardcover's GraphQL endpoint as far as TrackGeek uses it: a {@code query} on the {@code books} root field
 * with the ids in the variable {@code ids}, answered like Hasura: {@code {data: {books: [...]}}} holding the
 * known books (unknown ids are simply absent) with the top-level fields the document names; or, with the variable
 * {@code pattern} (and {@code limit}, {@code offset}), the search document's books whose title matches that
 * ILIKE pattern ({@link HardcoverBooks#search}; by id, not by Hardcover's {@code users_count}). Anything else is
 * Hasura's validation error with HTTP 200. A missing or refused token is Hardcover's 401.
 */
@RestController
class HardcoverController {

    static final String PATH = "/hardcover/v1/graphql";

    private static final Pattern COMMENT = Pattern.compile("#[^\\n]*");
    /** The operation keyword (if any) and the first field of the first selection set. */
    private static final Pattern OPERATION = Pattern.compile("^\\s*(query|mutation|subscription)?[^{]*\\{\\s*(?:\\w+\\s*:\\s*)?(\\w+)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final HardcoverBooks books;
    private final HardcoverProperties properties;
    private final JsonMapper json;

    HardcoverController(HardcoverBooks books, HardcoverProperties properties, JsonMapper json) {
        this.books = books;
        this.properties = properties;
        this.json = json;
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> graphql(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                   @RequestBody JsonNode request) {
        if (!properties.accepts(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(HardcoverErrors.invalidToken());
        }
        String document = COMMENT.matcher(request.path("query").asString("")).replaceAll("");
        Matcher operation = OPERATION.matcher(document);
        if (!operation.find()) {
            return ResponseEntity.ok(HardcoverErrors.validationFailed("not a valid graphql query", "$.query"));
        }
        String kind = operation.group(1) == null ? "query" : operation.group(1);
        String root = operation.group(2);
        if (kind.equals("query") && root.equals("books_trending")) {
            return trending(request.path("variables"));
        }
        if (!kind.equals("query") || !root.equals("books")) {
            return ResponseEntity.ok(HardcoverErrors.validationFailed(
                    "field '" + root + "' not found in type: '" + kind + "_root'", "$.selectionSet." + root));
        }
        JsonNode pattern = request.at("/variables/pattern");
        if (pattern.isString()) {
            return search(pattern.asString(), request.at("/variables/limit"), request.at("/variables/offset"),
                    selected(document, operation.end()));
        }
        JsonNode ids = request.at("/variables/ids");
        if (!ids.isArray()) {
            return ResponseEntity.ok(HardcoverErrors.validationFailed(
                    "expecting a value for non-nullable variable: \"ids\"", "$"));
        }
        return ResponseEntity.ok(answer(ids, selected(document, operation.end())));
    }

    /** The search document's answer: {@code books(where: {title: {_ilike: $pattern}}, limit: $limit, offset: $offset)}. */
    private ResponseEntity<Object> search(String pattern, JsonNode limit, JsonNode offset, Set<String> selected) {
        if (!limit.canConvertToInt() || limit.asInt() < 0 || (!offset.isMissingNode() && (!offset.canConvertToInt() || offset.asInt() < 0))) {
            return ResponseEntity.ok(HardcoverErrors.validationFailed(
                    "expecting a non-negative Int for the variables \"limit\" and \"offset\"", "$"));
        }
        ArrayNode found = json.createArrayNode();
        for (ObjectNode book : books.search(pattern, limit.asInt(), offset.isMissingNode() ? 0 : offset.asInt())) {
            book.retain(selected);
            found.add(book);
        }
        return ResponseEntity.ok(envelope(found));
    }

    /**
     * {@code books_trending(from: $from, to: $to, limit: $limit, offset: $offset) { ids error }}: one page of
     * {@link HardcoverBooks#trending()}; the dates must be dates ({@code YYYY-MM-DD}), as Hasura's {@code date} type.
     */
    private ResponseEntity<Object> trending(JsonNode variables) {
        JsonNode limit = variables.path("limit");
        JsonNode offset = variables.path("offset");
        if (!isDate(variables.path("from")) || !isDate(variables.path("to"))) {
            return ResponseEntity.ok(HardcoverErrors.validationFailed(
                    "expecting a date (YYYY-MM-DD) for the variables \"from\" and \"to\"", "$"));
        }
        if (!limit.canConvertToInt() || limit.asInt() < 0 || !offset.canConvertToInt() || offset.asInt() < 0) {
            return ResponseEntity.ok(HardcoverErrors.validationFailed(
                    "expecting a non-negative Int for the variables \"limit\" and \"offset\"", "$"));
        }
        ObjectNode trending = json.createObjectNode();
        ArrayNode ids = trending.putArray("ids");
        books.trending().stream().skip(offset.asInt()).limit(limit.asInt()).forEach(ids::add);
        trending.putNull("error");
        ObjectNode body = json.createObjectNode();
        body.putObject("data").set("books_trending", trending);
        return ResponseEntity.ok(body);
    }

    private static boolean isDate(JsonNode value) {
        if (!value.isString()) {
            return false;
        }
        try {
            LocalDate.parse(value.asString());
            return true;
        } catch (DateTimeParseException notADate) {
            return false;
        }
    }

    private ObjectNode answer(JsonNode ids, Set<String> selected) {
        Set<Long> distinct = new LinkedHashSet<>();
        ids.forEach(id -> distinct.add(id.asLong()));
        ArrayNode found = json.createArrayNode();
        for (long id : distinct) {
            books.book(id).ifPresent(book -> {
                book.retain(selected);
                found.add(book);
            });
        }
        return envelope(found);
    }

    private ObjectNode envelope(ArrayNode found) {
        ObjectNode data = json.createObjectNode();
        data.set("books", found);
        ObjectNode body = json.createObjectNode();
        body.set("data", data);
        return body;
    }

    /**
     * The fields selected directly under the root field, which starts right before {@code from}: a book field
     * the document does not name is not answered. Nested selections and arguments are skipped.
     */
    static Set<String> selected(String document, int from) {
        Set<String> fields = new HashSet<>();
        int depth = 0;
        int parentheses = 0;
        for (int i = from; i < document.length(); i++) {
            char c = document.charAt(i);
            if (c == '(') {
                parentheses++;
            } else if (c == ')') {
                parentheses--;
            } else if (parentheses > 0) {
                continue;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (--depth == 0) {
                    break;
                }
            } else if (depth == 1 && Character.isJavaIdentifierStart(c) && document.charAt(i - 1) != '.') {
                Matcher name = NAME.matcher(document).region(i, document.length());
                if (name.lookingAt()) {
                    fields.add(name.group());
                    i = name.end() - 1;
                }
            }
        }
        return fields;
    }
}
