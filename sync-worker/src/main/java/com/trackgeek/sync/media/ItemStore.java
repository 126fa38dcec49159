package com.trackgeek.sync.media;

import org.springframework.stereotype.Component;

import java.util.List;

/** Hands a fetched item to the writer of its kind. */
@Component
public class ItemStore {

    private final List<ItemWriter<?>> writers;

    ItemStore(List<ItemWriter<?>> writers) {
        this.writers = writers;
    }

    public void upsert(FetchedItem item) {
        for (ItemWriter<?> writer : writers) {
            if (writer.itemType().isInstance(item)) {
                write(writer, item);
                return;
            }
        }
        throw new IllegalStateException("no writer stores " + item.getClass().getName());
    }

    private static <T extends FetchedItem> void write(ItemWriter<T> writer, FetchedItem item) {
        writer.upsert(writer.itemType().cast(item));
    }
}
