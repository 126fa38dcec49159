package com.trackgeek.simulator.jikan;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every manga MyAnimeList "has", by the anime catalog's rules: recorded ones as recorded (from any fixture
 * file, e.g. a search page), every other id up to {@code not-found-above-id} synthesised, stand-ins from
 * {@link JikanScript#serveRecordedAs} honoured.
 */
final class MangaCatalog {

    private final JikanFixtures fixtures;
    private final SyntheticMangaFactory mangaFactory;
    private final SyntheticPeopleFactory peopleFactory;
    private final JikanProperties properties;
    private final JikanScript script;
    private final JsonMapper jsonMapper;

    MangaCatalog(JikanFixtures fixtures, SyntheticMangaFactory mangaFactory, SyntheticPeopleFactory peopleFactory,
                 JikanProperties properties, JikanScript script, JsonMapper jsonMapper) {
        this.fixtures = fixtures;
        this.mangaFactory = mangaFactory;
        this.peopleFactory = peopleFactory;
        this.properties = properties;
        this.script = script;
        this.jsonMapper = jsonMapper;
    }

    boolean exists(long malId) {
        return script.hasStandIn(JikanKind.MANGA, malId) || existsItself(malId);
    }

    /** The /manga/{id}/full body's data. */
    ObjectNode full(long malId) {
        return MangaShape.full(stored(malId));
    }

    /** The /manga/{id} body's data. */
    ObjectNode plain(long malId) {
        return MangaShape.plain(stored(malId));
    }

    /** The whole body of /manga/{id}/characters. */
    JsonNode characters(long malId) {
        if (!exists(malId)) {
            throw JikanRequestException.notFound();
        }
        long source = script.sourceOf(JikanKind.MANGA, malId);
        return fixtures.subResource(JikanKind.MANGA, source, SubResource.CHARACTERS)
                .map(JsonNode::deepCopy)
                .orElseGet(() -> jsonMapper.valueToTree(new JikanData<>(peopleFactory.mangaCharacters(source))));
    }

    /** Shared with the fixture index when recorded: callers get copies through {@link MangaShape}. */
    private ObjectNode stored(long malId) {
        if (!exists(malId)) {
            throw JikanRequestException.notFound();
        }
        return script.bodyFor(JikanKind.MANGA, malId, this::itself);
    }

    private ObjectNode itself(long malId) {
        if (!existsItself(malId)) {
            throw JikanRequestException.notFound();
        }
        return fixtures.manga(malId).orElseGet(() -> jsonMapper.valueToTree(mangaFactory.create(malId)));
    }

    private boolean existsItself(long malId) {
        return fixtures.manga(malId).isPresent() || properties.exists(malId);
    }
}
