package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.jikan.CharacterResource.Person;

import java.util.List;

/** One entry of /anime/{id}/staff, shaped like fixtures/jikan/anime-11757-sao-staff.json. */
record StaffResource(Person person, List<String> positions) {
}
