package com.trackgeek.contracts.catalog;

/** An external page about the item (official site, Wikipedia, ...). */
public record Link(String name, String url) {
}
