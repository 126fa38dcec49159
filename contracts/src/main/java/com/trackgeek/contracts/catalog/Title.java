package com.trackgeek.contracts.catalog;

/** One of an item's names, with the provider's word for which it is ("Default", "Japanese", "Synonym", ...). */
public record Title(String type, String title) {
}
