package com.trackgeek.contracts.catalog;

/**
 * The game's id in another catalog or store (Steam, GOG, Amazon, ...).
 *
 * @param source   the catalog's name where IGDB expands it ("Steam"), else null
 * @param category IGDB's older numeric code of the catalog (1 Steam, 5 GOG, 20 Amazon, ...), else null
 * @param uid      the game's id there
 * @param url      the game's page there, when IGDB has it
 */
public record GameExternalId(String source, Integer category, String uid, String url) {
}
