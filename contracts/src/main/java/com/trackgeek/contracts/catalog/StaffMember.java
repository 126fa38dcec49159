package com.trackgeek.contracts.catalog;

import java.util.List;

/** A person who worked on the item, with their positions ("Director", "Episode Director", ...). */
public record StaffMember(Person person, List<String> positions) {
}
