package com.trackgeek.simulator.jikan;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every anime MyAnimeList "has": the recorded ones as recorded, every other id up to
 * {@code not-found-above-id} synthesised. A recorded body always wins, whatever the threshold; an id a
 * test gave a stand-in ({@link JikanScript#serveRecordedAs}) is answered with the stand-in's body.
 */
final class AnimeCatalog {

    private final JikanFixtures fixtures;
    private final SyntheticAnimeFactory animeFactory;
    private final SyntheticPeopleFactory peopleFactory;
    private final SyntheticVideosFactory videosFactory;
    private final JikanProperties properties;
    private final JikanScript script;
    private final JsonMapper jsonMapper;

    AnimeCatalog(JikanFixtures fixtures, SyntheticAnimeFactory animeFactory, SyntheticPeopleFactory peopleFactory,
                 SyntheticVideosFactory videosFactory, JikanProperties properties, JikanScript script,
                 JsonMapper jsonMapper) {
        this.fixtures = fixtures;
        this.animeFactory = animeFactory;
        this.peopleFactory = peopleFactory;
        this.videosFactory = videosFactory;
        this.properties = properties;
        this.script = script;
        this.jsonMapper = jsonMapper;
    }

    boolean exists(long malId) {
        return script.hasStandIn(JikanKind.ANIME, malId) || existsItself(malId);
    }

    /** The /anime/{id}/full body's data. */
    ObjectNode full(long malId) {
        return AnimeShape.full(stored(malId));
    }

    /** The /anime/{id} body's data, also the shape of list entries. */
    ObjectNode plain(long malId) {
        return AnimeShape.plain(stored(malId));
    }

    /** The whole body of /anime/{id}/characters, /staff or /videos. */
    JsonNode subResource(long malId, SubResource resource) {
        if (!exists(malId)) {
            throw JikanRequestException.notFound();
        }
        long source = script.sourceOf(JikanKind.ANIME, malId);
        return fixtures.subResource(source, resource)
                .map(JsonNode::deepCopy)
                .orElseGet(() -> jsonMapper.valueToTree(new JikanData<>(synthesised(malId, source, resource))));
    }

    /** @param source whose cast and staff: the stand-in's for a stand-in, so they match its body */
    private Object synthesised(long malId, long source, SubResource resource) {
        return switch (resource) {
            case CHARACTERS -> peopleFactory.characters(source);
            case STAFF -> peopleFactory.staff(source);
            case VIDEOS -> videosFactory.create(stored(malId));
        };
    }

    /** Shared with the fixture index when recorded: callers get copies through {@link AnimeShape}. */
    private ObjectNode stored(long malId) {
        if (!exists(malId)) {
            throw JikanRequestException.notFound();
        }
        return script.bodyFor(JikanKind.ANIME, malId, this::itself);
    }

    private ObjectNode itself(long malId) {
        if (!existsItself(malId)) {
            throw JikanRequestException.notFound();
        }
        return fixtures.anime(malId).orElseGet(() -> jsonMapper.valueToTree(animeFactory.create(malId)));
    }

    private boolean existsItself(long malId) {
        return fixtures.anime(malId).isPresent() || properties.exists(malId);
    }
}
