package com.trackgeek.simulator.igdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of an Apicalypse body the simulated IGDB understands: {@code fields ...;} must be there,
 * {@code where id = (1,2,3);} or {@code where id = 7;} selects games, or {@code search "text";} (quotes and
 * backslashes escaped with a backslash) with an optional {@code where id = ...} narrowing it; {@code limit N;}
 * caps the answer (IGDB's default 10, at most 500) and {@code offset M;} skips (searches only). Anything else in
 * a {@code where} is a syntax error here. {@code search} is null for a query by ids, {@code ids} empty for a
 * search without {@code where}.
 */
record ApicalypseQuery(List<Long> ids, String search, int limit, int offset) {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 500;

    private static final Pattern FIELDS = Pattern.compile("(^|;)\\s*fields\\s+[^;]+;", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHERE = Pattern.compile("(^|;)\\s*where\\s+([^;]*);", Pattern.CASE_INSENSITIVE);
    private static final Pattern ID_LIST = Pattern.compile("id\\s*=\\s*\\(\\s*(\\d+(?:\\s*,\\s*\\d+)*)\\s*\\)|id\\s*=\\s*(\\d+)");
    private static final Pattern SEARCH = Pattern.compile("(^|;)\\s*search\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*;", Pattern.CASE_INSENSITIVE);
    private static final Pattern OFFSET = Pattern.compile("(^|;)\\s*offset\\s+(\\d+)\\s*;", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIMIT = Pattern.compile("(^|;)\\s*limit\\s+(\\d+)\\s*;", Pattern.CASE_INSENSITIVE);

    /** Empty when the body is not a query this fake can answer (IGDB would answer 400). */
    static Optional<ApicalypseQuery> parse(String body) {
        if (body == null || !FIELDS.matcher(body).find()) {
            return Optional.empty();
        }
        Matcher search = SEARCH.matcher(body);
        String text = search.find() ? search.group(2).replaceAll("\\\\(.)", "$1") : null;
        Matcher where = WHERE.matcher(body);
        List<Long> parsed = new ArrayList<>();
        if (where.find()) {
            Matcher ids = ID_LIST.matcher(where.group(2).strip());
            if (!ids.matches()) {
                return Optional.empty();
            }
            String list = ids.group(1) != null ? ids.group(1) : ids.group(2);
            for (String id : list.split(",")) {
                parsed.add(Long.parseLong(id.strip()));
            }
        } else if (text == null) {
            return Optional.empty();
        }
        Matcher offset = OFFSET.matcher(body);
        int skip = offset.find() ? Integer.parseInt(offset.group(2)) : 0;
        Matcher limit = LIMIT.matcher(body);
        int cap = limit.find() ? Integer.parseInt(limit.group(2)) : DEFAULT_LIMIT;
        if (cap < 1 || cap > MAX_LIMIT) {
            return Optional.empty();
        }
        return Optional.of(new ApicalypseQuery(List.copyOf(parsed), text, cap, skip));
    }
}
