package com.trackgeek.simulator.jikan;

import java.time.LocalDate;

/** One broadcast season, e.g. winter 2018. */
record SeasonKey(int year, Season season) {

    static SeasonKey of(LocalDate date) {
        return new SeasonKey(date.getYear(), Season.of(date.getMonth()));
    }

    LocalDate firstDay() {
        return LocalDate.of(year, season.firstMonth(), 1);
    }

    /** Seasons counted from winter of year 0, so consecutive seasons get consecutive numbers. */
    int ordinal() {
        return year * 4 + season.ordinal();
    }

    static SeasonKey ofOrdinal(int ordinal) {
        return new SeasonKey(Math.floorDiv(ordinal, 4), Season.values()[Math.floorMod(ordinal, 4)]);
    }
}
