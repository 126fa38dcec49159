package com.trackgeek.simulator.igdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of an Apicalypse body the simulated IGDB understands: {@code fields ...;} must be there,
 * {@code where id = (1,2,3);} or {@code where id = 7;} selects games, {@code limit N;} caps the answer
 * (IGDB's default 10, at most 500). Anything else in a {@code where} is a syntax error here.
 */
record ApicalypseQuery(List<Long> ids, int limit) {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 500;

    private static final Pattern FIELDS = Pattern.compile("(^|;)\\s*fields\\s+[^;]+;", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHERE = Pattern.compile("(^|;)\\s*where\\s+([^;]*);", Pattern.CASE_INSENSITIVE);
    private static final Pattern ID_LIST = Pattern.compile("id\\s*=\\s*\\(\\s*(\\d+(?:\\s*,\\s*\\d+)*)\\s*\\)|id\\s*=\\s*(\\d+)");
    private static final Pattern LIMIT = Pattern.compile("(^|;)\\s*limit\\s+(\\d+)\\s*;", Pattern.CASE_INSENSITIVE);

    /** Empty when the body is not a query this fake can answer (IGDB would answer 400). */
    static Optional<ApicalypseQuery> parse(String body) {
        if (body == null || !FIELDS.matcher(body).find()) {
            return Optional.empty();
        }
        Matcher where = WHERE.matcher(body);
        if (!where.find()) {
            return Optional.empty();
        }
        Matcher ids = ID_LIST.matcher(where.group(2).strip());
        if (!ids.matches()) {
            return Optional.empty();
        }
        List<Long> parsed = new ArrayList<>();
        String list = ids.group(1) != null ? ids.group(1) : ids.group(2);
        for (String id : list.split(",")) {
            parsed.add(Long.parseLong(id.strip()));
        }
        Matcher limit = LIMIT.matcher(body);
        int cap = limit.find() ? Integer.parseInt(limit.group(2)) : DEFAULT_LIMIT;
        if (cap < 1 || cap > MAX_LIMIT) {
            return Optional.empty();
        }
        return Optional.of(new ApicalypseQuery(List.copyOf(parsed), cap));
    }
}
