package org.assure.cli.internal;

import java.util.ArrayList;
import java.util.List;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.CborReader;
import org.assure.core.cbor.CborType;

/**
 * The outline of an input, read leniently: the type of the first data item, its length, the first few items
 * of an array, and whether a second item follows (a CBOR sequence). It stops quietly where the input goes
 * wrong, so that a truncated or damaged structure still shows which structure it was meant to be; the strict
 * decoders then say what is wrong with it.
 */
record CborSketch(CborType type, long value, long length, List<Item> items, CborType next) {
    /** Array items looked at. */
    static final int ITEMS = 4;

    /** One item of a top-level array: its type, its integer value or length, and its own first item's. */
    record Item(CborType type, long value, long length, CborType firstType, long firstValue) {
        boolean isInteger(long expected) {
            return type == CborType.UNSIGNED && value == expected;
        }
    }

    CborSketch {
        items = List.copyOf(items);
    }

    /** The outline of {@code data}; null if not even the first head can be read. */
    static CborSketch of(byte[] data) {
        CborReader reader;
        try {
            reader = CborReader.of(data);
        } catch (CborDecodeException e) {
            return null;
        }
        CborType type;
        try {
            type = reader.peekType("");
        } catch (CborDecodeException e) {
            return null;
        }
        Builder builder = new Builder(type);
        try {
            builder.read(reader);
        } catch (CborDecodeException | RuntimeException e) {
            // Lenient by design: keep what was read before the damage.
        }
        return builder.build();
    }

    boolean isArray(int size) {
        return type == CborType.ARRAY && length == size;
    }

    /** Item {@code i} of a top-level array, or null if not read. */
    Item item(int i) {
        return i < items.size() ? items.get(i) : null;
    }

    boolean itemIs(int i, CborType expected) {
        Item item = item(i);
        return item != null && item.type() == expected;
    }

    boolean itemIsInteger(int i, long expected) {
        Item item = item(i);
        return item != null && item.isInteger(expected);
    }

    /** Whether every item read so far has {@code expected} type (true for an empty array). */
    boolean allItemsAre(CborType expected) {
        return items.stream().allMatch(item -> item.type() == expected);
    }

    private static final class Builder {
        private final CborType type;
        private long value;
        private long length;
        private final List<Item> items = new ArrayList<>();
        private CborType next;

        Builder(CborType type) {
            this.type = type;
        }

        void read(CborReader reader) throws CborDecodeException {
            switch (type) {
                case ARRAY -> {
                    length = reader.readArrayStart("", 0, Integer.MAX_VALUE);
                    for (int i = 0; i < length; i++) {
                        if (i < ITEMS) {
                            readItem(reader);
                        } else {
                            reader.skipItem("");
                        }
                    }
                    reader.endArray();
                }
                case UNSIGNED, NEGATIVE -> value = reader.readInteger("", Long.MIN_VALUE, Long.MAX_VALUE);
                case BYTES -> length = reader.readBytes("", 0, CborReader.MAX_IMAGE_BYTES).length;
                default -> reader.skipItem("");
            }
            if (!reader.atEnd()) {
                next = reader.peekType("");
            }
        }

        /** Reads one array item, recording what is known at every step so that damage keeps the outline. */
        private void readItem(CborReader reader) throws CborDecodeException {
            int index = items.size();
            CborType itemType = reader.peekType("");
            items.add(new Item(itemType, 0, 0, null, 0));
            switch (itemType) {
                case UNSIGNED, NEGATIVE -> items.set(index,
                        new Item(itemType, reader.readInteger("", Long.MIN_VALUE, Long.MAX_VALUE), 0, null, 0));
                case BYTES -> items.set(index,
                        new Item(itemType, 0, reader.readBytes("", 0, CborReader.MAX_IMAGE_BYTES).length, null, 0));
                case ARRAY -> {
                    int n = reader.readArrayStart("", 0, Integer.MAX_VALUE);
                    items.set(index, new Item(itemType, 0, n, null, 0));
                    for (int i = 0; i < n; i++) {
                        if (i == 0) {
                            CborType firstType = reader.peekType("");
                            items.set(index, new Item(itemType, 0, n, firstType, 0));
                            if (firstType.isInteger()) {
                                long firstValue = reader.readInteger("", Long.MIN_VALUE, Long.MAX_VALUE);
                                items.set(index, new Item(itemType, 0, n, firstType, firstValue));
                                continue;
                            }
                        }
                        reader.skipItem("");
                    }
                    reader.endArray();
                }
                default -> reader.skipItem("");
            }
        }

        CborSketch build() {
            return new CborSketch(type, value, length, items, next);
        }
    }
}
