package com.trackgeek.simulator.tmdb;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * TMDB's change feeds, {@code /movie/changes} and {@code /tv/changes}: the ids changed between {@code start_date}
 * and {@code end_date} (whole UTC days, both included; by default the last 24 hours, as TMDB), as
 * {@code {"id":..,"adult":false}} entries in pages of {@value #PAGE_SIZE}, pages 1..{@value #MAX_PAGE}. A range of
 * more than {@value #MAX_DAYS} days gets TMDB's 422 (status code 20). Which ids changed when is scripted through
 * {@link TmdbScript#changed}; nothing changes unless a test says so.
 */
@RestController
@RequestMapping(TmdbConfiguration.BASE)
class TmdbChangesController {

    static final int PAGE_SIZE = 100;
    static final int MAX_PAGE = 1000;
    static final int MAX_DAYS = 14;

    private final TmdbScript script;
    private final TmdbErrors errors;
    private final Clock clock;
    private final JsonMapper json;

    TmdbChangesController(TmdbScript script, TmdbErrors errors, Clock clock, JsonMapper json) {
        this.script = script;
        this.errors = errors;
        this.clock = clock;
        this.json = json;
    }

    /** Literal paths, so that they win over {@code /movie/{id}}. */
    @GetMapping({"/movie/changes", "/tv/changes"})
    ResponseEntity<JsonNode> changes(HttpServletRequest request,
                                     @RequestParam(name = "start_date", required = false) String startDate,
                                     @RequestParam(name = "end_date", required = false) String endDate,
                                     @RequestParam(required = false, defaultValue = "1") String page) {
        if (!page.matches("\\d{1,4}") || Integer.parseInt(page) < 1 || Integer.parseInt(page) > MAX_PAGE) {
            return errors.invalidPage();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate end;
        LocalDate start;
        try {
            end = endDate == null || endDate.isBlank() ? today : LocalDate.parse(endDate);
            start = startDate == null || startDate.isBlank() ? end.minusDays(1) : LocalDate.parse(startDate);
        } catch (DateTimeParseException notADate) {
            return errors.invalidDate();
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            return errors.invalidDateRange();
        }
        String[] path = request.getRequestURI().split("/");
        List<Long> ids = script.changedBetween(path[path.length - 2], start.atStartOfDay(ZoneOffset.UTC).toInstant(),
                end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        int number = Integer.parseInt(page);
        int from = Math.min((number - 1) * PAGE_SIZE, ids.size());
        int to = Math.min(from + PAGE_SIZE, ids.size());
        ObjectNode answer = json.createObjectNode();
        var results = answer.putArray("results");
        for (long id : ids.subList(from, to)) {
            results.addObject().put("id", id).put("adult", false);
        }
        answer.put("page", number);
        answer.put("total_pages", (ids.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        answer.put("total_results", ids.size());
        return ResponseEntity.ok(answer);
    }
}
