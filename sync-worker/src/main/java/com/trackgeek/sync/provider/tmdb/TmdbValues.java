package com.trackgeek.sync.provider.tmdb;

import com.trackgeek.contracts.catalog.CastCredit;
import com.trackgeek.contracts.catalog.CrewCredit;
import com.trackgeek.contracts.catalog.Genre;
import com.trackgeek.contracts.catalog.ProductionCompany;
import com.trackgeek.contracts.catalog.ProductionCountry;
import com.trackgeek.contracts.catalog.SpokenLanguage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The conversions movies and shows share: TMDB's dates, and the lists both carry in the same shape. */
final class TmdbValues {

    private TmdbValues() {
    }

    /** {@code YYYY-MM-DD}, or {@code ""}/null for "not known"; anything else is a payload TMDB does not document. */
    static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    }

    /** An ISO-8601 instant ({@code 2019-02-24T04:36:14.000Z}), or null when absent or empty. */
    static Instant instant(String text) {
        return text == null || text.isBlank() ? null : Instant.parse(text.strip());
    }

    static <T, R> List<R> each(List<T> values, Function<T, R> mapping) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(mapping).toList();
    }

    static List<ProductionCompany> companies(List<TmdbResponses.Company> companies) {
        return each(companies, company -> new ProductionCompany(company.id(), company.name(), company.logoPath(), company.originCountry()));
    }

    static List<ProductionCountry> countries(List<TmdbResponses.Country> countries) {
        return each(countries, country -> new ProductionCountry(country.iso(), country.name()));
    }

    static List<SpokenLanguage> languages(List<TmdbResponses.Language> languages) {
        return each(languages, language -> new SpokenLanguage(language.iso(), language.englishName(), language.name()));
    }

    static List<Genre> genres(List<TmdbResponses.Genre> genres) {
        return each(genres, genre -> new Genre(genre.id(), genre.name()));
    }

    static List<CastCredit> cast(TmdbResponses.Credits credits) {
        return credits == null ? List.of() : each(credits.cast(), cast -> new CastCredit(cast.id(), cast.name(),
                cast.originalName(), cast.character(), cast.order(), cast.knownForDepartment(), cast.profilePath(), cast.creditId()));
    }

    static List<CrewCredit> crew(TmdbResponses.Credits credits) {
        return credits == null ? List.of() : each(credits.crew(), crew -> new CrewCredit(crew.id(), crew.name(),
                crew.originalName(), crew.department(), crew.job(), crew.knownForDepartment(), crew.profilePath(), crew.creditId()));
    }
}
