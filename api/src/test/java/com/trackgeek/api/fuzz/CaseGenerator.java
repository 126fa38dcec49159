package com.trackgeek.api.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Makes the fuzz run's cases. Case {@code i} aims at endpoint {@code i mod n}, so every endpoint gets its share;
 * it starts as a valid request of that endpoint (valid parameters, its example body, the all-scopes key on a
 * write) and then takes one to three mutations, chosen by a {@link Random} seeded from the run's seed and
 * {@code i} alone: any case can be generated again on its own.
 */
final class CaseGenerator {

    /** Stand-ins that make a parameter valid: stored items, an existing bulk job and sync request. */
    record ValidValues(List<Long> storedIds, String bulkJobId, String syncRequestId) {
    }

    private static final List<String> TYPES = List.of("anime", "manga", "movie", "tv", "game", "book");

    private final List<Endpoint> endpoints;
    private final ValidValues valid;
    private final String keyHeader;
    private final String key;

    CaseGenerator(List<Endpoint> endpoints, ValidValues valid, String keyHeader, String key) {
        this.endpoints = List.copyOf(endpoints);
        this.valid = valid;
        this.keyHeader = keyHeader;
        this.key = key;
    }

    FuzzCase generate(long seed, int index) {
        Random random = new Random(new SplittableRandom(seed).split().nextLong() ^ (index * 0x9E3779B97F4A7C15L));
        Endpoint endpoint = endpoints.get(index % endpoints.size());
        Draft draft = validDraft(endpoint, random);
        List<String> labels = new ArrayList<>();
        int mutations = index < endpoints.size() ? 0 : 1 + (random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0);
        for (int m = 0; m < mutations; m++) {
            labels.add(mutate(draft, endpoint, random));
        }
        return new FuzzCase(seed, index, endpoint, labels.isEmpty() ? "valid" : String.join(" + ", labels),
                draft.bytes());
    }

    private Draft validDraft(Endpoint endpoint, Random random) {
        String path = endpoint.path();
        for (Endpoint.Parameter parameter : endpoint.parameters()) {
            if (parameter.in().equals("path")) {
                path = path.replace("{" + parameter.name() + "}", validValue(endpoint, parameter, random));
            }
        }
        Draft draft = new Draft(endpoint.method(), path);
        draft.header("Host", "localhost");
        for (Endpoint.Parameter parameter : endpoint.parameters()) {
            if (parameter.in().equals("query") && random.nextInt(3) > 0) {
                draft.query.add(parameter.name() + "=" + validValue(endpoint, parameter, random));
            }
        }
        if (!isSafe(endpoint.method()) || random.nextInt(4) == 0) {
            draft.header(keyHeader, key);
        }
        if (endpoint.takesBody()) {
            draft.header("Content-Type", "application/json");
            draft.body = endpoint.bodyExample().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        if (random.nextInt(3) == 0) {
            draft.header("Accept", "application/json");
        }
        return draft;
    }

    private String validValue(Endpoint endpoint, Endpoint.Parameter parameter, Random random) {
        String name = parameter.name().toLowerCase(Locale.ROOT);
        String path = endpoint.path();
        return switch (name) {
            case "type" -> FuzzValues.pick(random, TYPES);
            case "types" -> "anime,manga";
            case "id" -> path.contains("bulk-syncs") ? valid.bulkJobId()
                    : path.contains("sync-requests") ? valid.syncRequestId()
                    : Long.toString(random.nextBoolean() ? FuzzValues.pick(random, valid.storedIds())
                    : 1 + random.nextInt(1_000_000));
            case "wait" -> FuzzValues.pick(random, List.of("0", "PT0S", "0.05"));
            case "q" -> FuzzValues.pick(random, List.of("naruto", "fullmetal", "zzfuzz", "mushishi"));
            case "page" -> path.contains("bulk-syncs") ? "0" : "1";
            case "size", "limit" -> "5";
            case "status" -> "queued";
            case "outcome" -> "failed";
            default -> "integer".equals(parameter.type()) ? "1" : "x";
        };
    }

    /** One mutation of the draft; what it did. */
    private String mutate(Draft draft, Endpoint endpoint, Random random) {
        return switch (random.nextInt(20)) {
            case 0, 1, 2, 3 -> parameterValue(draft, endpoint, random);
            case 4, 5 -> PathTricks.apply(draft, random);
            case 6, 7 -> QueryTricks.apply(draft, random);
            case 8, 9 -> HeaderTricks.apply(draft, random);
            case 10 -> {
                String accept = FuzzValues.pick(random, FuzzValues.ACCEPT);
                draft.header("Accept", accept);
                yield "Accept: " + abbreviate(accept);
            }
            case 11 -> {
                String type = FuzzValues.pick(random, FuzzValues.CONTENT_TYPE);
                draft.header("Content-Type", type);
                if (draft.body == null && random.nextBoolean()) {
                    draft.body = Bodies.mutate(endpoint.bodyExample(), random).bytes();
                }
                yield "Content-Type: " + abbreviate(type);
            }
            case 12, 13, 14 -> {
                Bodies.Body body = Bodies.mutate(endpoint.bodyExample(), random);
                draft.body = body.bytes();
                if (random.nextInt(4) > 0) {
                    draft.header("Content-Type", "application/json");
                }
                yield "body: " + body.label();
            }
            case 15 -> {
                String method = FuzzValues.pick(random, FuzzValues.METHODS);
                draft.method = method;
                yield "method " + abbreviate(method);
            }
            case 16 -> apiKey(draft, random);
            case 17 -> ProtocolTricks.apply(draft, random);
            default -> {
                String name = FuzzValues.pick(random, List.of("If-None-Match", "If-Match", "If-Modified-Since",
                        "If-Unmodified-Since", "If-Range", "Range", "Accept-Charset", "Accept-Encoding", "Accept-Language",
                        "Origin", "Cookie", "Authorization", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host",
                        "Forwarded", "X-HTTP-Method-Override", "traceparent", "Referer", "User-Agent"));
                String value = random.nextBoolean() ? FuzzValues.pick(random, FuzzValues.HEADER)
                        : FuzzValues.pick(random, List.of("W/\"x\"", "\"x\", W/\"y\"", "*", "bytes=0-1",
                        "bytes=99999999999999999999-", "gzip, br, zstd;q=abc", "utf-16", "Tue, 31 Feb 1970 25:61:61 GMT",
                        "Bearer \u00ff", "Basic Zm9vOmJhcg==", "00-zz-zz-01", "00-" + "0".repeat(32) + "-" + "0".repeat(16)
                                + "-01", "http://evil.example", "JSESSIONID=x; a=b", "DELETE", "for=\"[::1]\";proto=https"));
                draft.header(name, value);
                yield name + ": " + abbreviate(value);
            }
        };
    }

    private String parameterValue(Draft draft, Endpoint endpoint, Random random) {
        List<Endpoint.Parameter> parameters = endpoint.parameters().stream()
                .filter(parameter -> !parameter.in().equals("cookie")).toList();
        String value = FuzzValues.target(random);
        if (parameters.isEmpty()) {
            draft.query.add("x=" + value);
            return "an unknown parameter x=" + abbreviate(value);
        }
        Endpoint.Parameter parameter = FuzzValues.pick(random, parameters);
        switch (parameter.in()) {
            case "path" -> draft.path = endpoint.path().replace("{" + parameter.name() + "}", value)
                    .replaceAll("\\{[^}]+}", "1");
            case "header" -> draft.header(parameter.name(), value);
            default -> {
                draft.query.removeIf(pair -> pair.startsWith(parameter.name() + "="));
                draft.query.add(parameter.name() + "=" + value);
            }
        }
        return parameter.in() + " parameter " + parameter.name() + "=" + abbreviate(value);
    }

    private String apiKey(Draft draft, Random random) {
        switch (random.nextInt(3)) {
            case 0 -> {
                draft.removeHeader(keyHeader);
                return "no API key";
            }
            case 1 -> {
                String value = FuzzValues.pick(random, FuzzValues.API_KEY);
                draft.header(keyHeader, value);
                return "API key '" + abbreviate(value) + "'";
            }
            default -> {
                draft.addHeader(keyHeader, "unknown-key");
                return "a second, unknown API key";
            }
        }
    }

    private static boolean isSafe(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    static String abbreviate(String text) {
        String printable = FuzzCase.printable(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "...";
    }
}
