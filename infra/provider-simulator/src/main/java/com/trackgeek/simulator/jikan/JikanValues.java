package com.trackgeek.simulator.jikan;

import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The value shapes Jikan repeats in its anime and manga bodies (images, titles, date ranges, references to
 * other MAL entities, links), so a synthesised anime and a synthesised manga render them identically.
 */
final class JikanValues {

    private JikanValues() {
    }

    record Images(ImageUrls jpg, ImageUrls webp) {

        /** MAL's CDN layout: {@code images/<kind>/<bucket>/<picture>.jpg}, plus small and large variants. */
        static Images cdn(JikanKind kind, SplittableRandom random) {
            String base = "https://cdn.myanimelist.net/images/" + kind.path() + "/" + random.nextInt(1, 2000) + "/"
                    + random.nextInt(10_000, 140_000);
            return new Images(
                    new ImageUrls(base + ".jpg", base + "t.jpg", base + "l.jpg"),
                    new ImageUrls(base + ".webp", base + "t.webp", base + "l.webp"));
        }
    }

    @JsonNaming(SnakeCaseStrategy.class)
    record ImageUrls(String imageUrl, String smallImageUrl, String largeImageUrl) {
    }

    record Title(String type, String title) {
    }

    /**
     * Jikan's {@code aired} (anime) and {@code published} (manga): {@code from}/{@code to} are ISO-8601 with
     * offset; {@code prop} repeats them as day/month/year.
     */
    record DateRange(String from, String to, Prop prop, String string) {

        private static final DateTimeFormatter STRING_DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

        /**
         * @param to   null while it runs (or when unknown)
         * @param open whether a missing end reads "to ?" (a series) or nothing (a single work)
         */
        static DateRange of(LocalDate from, LocalDate to, boolean open) {
            String string = STRING_DATE.format(from)
                    + (to != null ? " to " + STRING_DATE.format(to) : open ? " to ?" : "");
            return new DateRange(isoMidnight(from), to == null ? null : isoMidnight(to),
                    new Prop(DateParts.of(from), to == null ? DateParts.UNKNOWN : DateParts.of(to)), string);
        }

        private static String isoMidnight(LocalDate date) {
            return date + "T00:00:00+00:00";
        }
    }

    record Prop(DateParts from, DateParts to) {
    }

    record DateParts(Integer day, Integer month, Integer year) {

        static final DateParts UNKNOWN = new DateParts(null, null, null);

        static DateParts of(LocalDate date) {
            return new DateParts(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
        }
    }

    /** A reference to another MAL entity: producer, genre, magazine, author, related anime or manga. */
    @JsonNaming(SnakeCaseStrategy.class)
    record MalUrl(long malId, String type, String name, String url) {
    }

    record Relation(String relation, List<MalUrl> entry) {
    }

    record Link(String name, String url) {
    }
}
