package com.trackgeek.contracts.catalog;

import java.util.List;

/** Items related to this one in one way ("Sequel", "Adaptation", ...), of any media type. */
public record Relation(String relation, List<MalEntry> entries) {
}
