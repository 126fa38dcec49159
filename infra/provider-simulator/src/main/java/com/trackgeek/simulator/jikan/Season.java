package com.trackgeek.simulator.jikan;

import java.time.Month;
import java.util.Locale;
import java.util.Optional;

/** MyAnimeList's broadcast seasons, each three calendar months starting in January. */
enum Season {
    WINTER, SPRING, SUMMER, FALL;

    /** As Jikan spells it in paths and in the {@code season} field. */
    String jikanName() {
        return name().toLowerCase(Locale.ROOT);
    }

    Month firstMonth() {
        return Month.of(ordinal() * 3 + 1);
    }

    static Season of(Month month) {
        return values()[(month.getValue() - 1) / 3];
    }

    static Optional<Season> parse(String name) {
        for (Season season : values()) {
            if (season.jikanName().equalsIgnoreCase(name)) {
                return Optional.of(season);
            }
        }
        return Optional.empty();
    }
}
