package com.trackgeek.simulator.igdb;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The listing queries the simulated IGDB understands besides {@link ApicalypseQuery}, the ones a bulk sync sends:
 * on {@code /games} {@code where total_rating != null; sort total_rating desc;} (by rating) and
 * {@code where id > N; sort id asc;} (the whole catalog, past any offset),
 * {@code where updated_at > A & updated_at <= B; sort updated_at asc;} (the change feed; unix seconds), on {@code /popularity_primitives}
 * {@code where popularity_type = N; sort value desc;}; each with {@code fields ...; limit M; offset K;} (limit at
 * most 500, as IGDB's). Anything else is a syntax error here.
 *
 * @param afterId the {@code N} of {@code id > N}, else null
 * @param updatedAfter the {@code A} of {@code updated_at > A}, else null
 * @param updatedUntil the {@code B} of {@code updated_at <= B}, else null
 */
record IgdbListing(Kind kind, Long afterId, Long updatedAfter, Long updatedUntil, int limit, int offset) {

    enum Kind { BY_RATING, BY_ID, BY_UPDATED, BY_POPULARITY }

    private static final Pattern FIELDS = Pattern.compile("(^|;)\\s*fields\\s+[^;]+;", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHERE = Pattern.compile("(^|;)\\s*where\\s+([^;]*);", Pattern.CASE_INSENSITIVE);
    private static final Pattern SORT = Pattern.compile("(^|;)\\s*sort\\s+([^;]*);", Pattern.CASE_INSENSITIVE);
    private static final Pattern AFTER_ID = Pattern.compile("id\\s*>\\s*(\\d+)");
    private static final Pattern UPDATED = Pattern.compile("updated_at\\s*>\\s*(\\d+)\\s*&\\s*updated_at\\s*<=\\s*(\\d+)");
    private static final Pattern POPULARITY_TYPE = Pattern.compile("popularity_type\\s*=\\s*\\d+");
    private static final Pattern OFFSET = Pattern.compile("(^|;)\\s*offset\\s+(\\d+)\\s*;", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIMIT = Pattern.compile("(^|;)\\s*limit\\s+(\\d+)\\s*;", Pattern.CASE_INSENSITIVE);

    static Optional<IgdbListing> parse(String body) {
        if (body == null || !FIELDS.matcher(body).find()) {
            return Optional.empty();
        }
        Matcher where = WHERE.matcher(body);
        Matcher sort = SORT.matcher(body);
        if (!where.find() || !sort.find()) {
            return Optional.empty();
        }
        String condition = where.group(2).strip();
        String order = sort.group(2).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        Matcher after = AFTER_ID.matcher(condition);
        Matcher updated = UPDATED.matcher(condition);
        Kind kind;
        Long afterId = null;
        Long updatedAfter = null;
        Long updatedUntil = null;
        if (condition.matches("total_rating\\s*!=\\s*null") && order.equals("total_rating desc")) {
            kind = Kind.BY_RATING;
        } else if (after.matches() && order.equals("id asc")) {
            kind = Kind.BY_ID;
            afterId = Long.parseLong(after.group(1));
        } else if (updated.matches() && order.equals("updated_at asc")) {
            kind = Kind.BY_UPDATED;
            updatedAfter = Long.parseLong(updated.group(1));
            updatedUntil = Long.parseLong(updated.group(2));
        } else if (POPULARITY_TYPE.matcher(condition).matches() && order.equals("value desc")) {
            kind = Kind.BY_POPULARITY;
        } else {
            return Optional.empty();
        }
        Matcher offset = OFFSET.matcher(body);
        int skip = offset.find() ? Integer.parseInt(offset.group(2)) : 0;
        Matcher limit = LIMIT.matcher(body);
        int cap = limit.find() ? Integer.parseInt(limit.group(2)) : ApicalypseQuery.DEFAULT_LIMIT;
        if (cap < 1 || cap > ApicalypseQuery.MAX_LIMIT) {
            return Optional.empty();
        }
        return Optional.of(new IgdbListing(kind, afterId, updatedAfter, updatedUntil, cap, skip));
    }
}
