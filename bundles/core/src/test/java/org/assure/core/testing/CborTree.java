package org.assure.core.testing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A test-only CBOR data model, independent of the production reader and writer: parses well-formed definite-length
 * CBOR (what our encoders produce) into a tree, writes trees back in the shortest form, prints diagnostic
 * notation (RFC 8949 §8) and enumerates every position of a tree for mutation tests.
 */
public final class CborTree {
    private CborTree() {
    }

    /** A data item. */
    public sealed interface Item permits Int, ByteString, Text, Array, MapItem, Simple, Raw {
    }

    /** Major type 0 ({@code negative == false}) or 1; {@code argument} is unsigned. */
    public record Int(long argument, boolean negative) implements Item {
        public static Int of(long value) {
            return value >= 0 ? new Int(value, false) : new Int(-1 - value, true);
        }
    }

    public record ByteString(byte[] value) implements Item {
    }

    public record Text(String value) implements Item {
    }

    public record Array(List<Item> items) implements Item {
    }

    public record MapItem(List<Item> keysAndValues) implements Item {
    }

    /** 20 false, 21 true, 22 null (or any other simple value for negative tests). */
    public record Simple(int value) implements Item {
    }

    /** Bytes written as they are, for heads no encoder would produce. */
    public record Raw(byte[] bytes) implements Item {
    }

    // ---- parsing ------------------------------------------------------------------------------------

    /** Parses a CBOR sequence (one or more items). */
    public static List<Item> parseSequence(byte[] data) {
        int[] pos = {0};
        List<Item> items = new ArrayList<>();
        while (pos[0] < data.length) {
            items.add(parse(data, pos));
        }
        return items;
    }

    private static Item parse(byte[] data, int[] pos) {
        int initial = data[pos[0]++] & 0xff;
        int major = initial >>> 5;
        int info = initial & 0x1f;
        if (major == 7) {
            return new Simple(info);
        }
        long argument = info < 24 ? info : readArgument(data, pos, 1 << (info - 24));
        return switch (major) {
            case 0 -> new Int(argument, false);
            case 1 -> new Int(argument, true);
            case 2 -> new ByteString(take(data, pos, (int) argument));
            case 3 -> new Text(new String(take(data, pos, (int) argument), StandardCharsets.UTF_8));
            case 4 -> {
                List<Item> items = new ArrayList<>();
                for (long i = 0; i < argument; i++) {
                    items.add(parse(data, pos));
                }
                yield new Array(items);
            }
            case 5 -> {
                List<Item> items = new ArrayList<>();
                for (long i = 0; i < 2 * argument; i++) {
                    items.add(parse(data, pos));
                }
                yield new MapItem(items);
            }
            default -> throw new IllegalArgumentException("tags are not used in aSSURE");
        };
    }

    private static long readArgument(byte[] data, int[] pos, int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | (data[pos[0]++] & 0xff);
        }
        return value;
    }

    private static byte[] take(byte[] data, int[] pos, int length) {
        byte[] out = Arrays.copyOfRange(data, pos[0], pos[0] + length);
        pos[0] += length;
        return out;
    }

    // ---- writing ------------------------------------------------------------------------------------

    public static byte[] write(List<Item> sequence) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Item item : sequence) {
            write(out, item);
        }
        return out.toByteArray();
    }

    public static byte[] write(Item item) {
        return write(List.of(item));
    }

    private static void write(ByteArrayOutputStream out, Item item) {
        if (item instanceof Int i) {
            head(out, i.negative() ? 1 : 0, i.argument());
        } else if (item instanceof ByteString b) {
            head(out, 2, b.value().length);
            out.writeBytes(b.value());
        } else if (item instanceof Text t) {
            byte[] utf8 = t.value().getBytes(StandardCharsets.UTF_8);
            head(out, 3, utf8.length);
            out.writeBytes(utf8);
        } else if (item instanceof Array a) {
            head(out, 4, a.items().size());
            a.items().forEach(child -> write(out, child));
        } else if (item instanceof MapItem m) {
            head(out, 5, m.keysAndValues().size() / 2);
            m.keysAndValues().forEach(child -> write(out, child));
        } else if (item instanceof Simple s) {
            out.write(0xe0 | s.value());
        } else {
            out.writeBytes(((Raw) item).bytes());
        }
    }

    /** The shortest head for {@code major} and {@code argument} (unsigned). */
    public static byte[] head(int major, long argument) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        head(out, major, argument);
        return out.toByteArray();
    }

    private static void head(ByteArrayOutputStream out, int major, long argument) {
        int type = major << 5;
        if (argument >= 0 && argument < 24) {
            out.write(type | (int) argument);
        } else if (argument >= 0 && argument <= 0xff) {
            out.write(type | 24);
            out.write((int) argument);
        } else if (argument >= 0 && argument <= 0xffff) {
            out.write(type | 25);
            out.write((int) (argument >>> 8));
            out.write((int) argument);
        } else if (argument >= 0 && argument <= 0xffff_ffffL) {
            out.write(type | 26);
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write((int) (argument >>> shift));
            }
        } else {
            out.write(type | 27);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (argument >>> shift));
            }
        }
    }

    // ---- diagnostic notation ------------------------------------------------------------------------

    /** Diagnostic notation of a sequence: items separated by {@code ", "}. */
    public static String diagnostic(List<Item> sequence) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < sequence.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            diagnostic(b, sequence.get(i));
        }
        return b.toString();
    }

    private static void diagnostic(StringBuilder b, Item item) {
        if (item instanceof Int i) {
            b.append(i.negative()
                    ? BigInteger.valueOf(-1).subtract(new BigInteger(Long.toUnsignedString(i.argument())))
                    : Long.toUnsignedString(i.argument()));
        } else if (item instanceof ByteString s) {
            b.append("h'").append(HexFormat.of().formatHex(s.value())).append('\'');
        } else if (item instanceof Text t) {
            b.append('"').append(t.value().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else if (item instanceof Array a) {
            b.append('[');
            for (int i = 0; i < a.items().size(); i++) {
                b.append(i > 0 ? ", " : "");
                diagnostic(b, a.items().get(i));
            }
            b.append(']');
        } else if (item instanceof MapItem m) {
            b.append('{');
            for (int i = 0; i < m.keysAndValues().size(); i += 2) {
                b.append(i > 0 ? ", " : "");
                diagnostic(b, m.keysAndValues().get(i));
                b.append(": ");
                diagnostic(b, m.keysAndValues().get(i + 1));
            }
            b.append('}');
        } else if (item instanceof Simple s) {
            b.append(switch (s.value()) {
                case 20 -> "false";
                case 21 -> "true";
                case 22 -> "null";
                default -> "simple(" + s.value() + ")";
            });
        } else {
            b.append("raw(").append(HexFormat.of().formatHex(((Raw) item).bytes())).append(')');
        }
    }

    // ---- positions for mutation tests -----------------------------------------------------------------

    /** A position in a sequence: the index path from the top-level item down. */
    public record Position(List<Integer> path) {
        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** Every position in the sequence: each top-level item and, recursively, each array item and map entry part. */
    public static List<Position> positions(List<Item> sequence) {
        List<Position> out = new ArrayList<>();
        for (int i = 0; i < sequence.size(); i++) {
            collect(sequence.get(i), List.of(i), out);
        }
        return out;
    }

    private static void collect(Item item, List<Integer> path, List<Position> out) {
        out.add(new Position(path));
        List<Item> children = item instanceof Array || item instanceof MapItem ? children(item) : List.of();
        for (int i = 0; i < children.size(); i++) {
            List<Integer> childPath = new ArrayList<>(path);
            childPath.add(i);
            collect(children.get(i), List.copyOf(childPath), out);
        }
    }

    public static Item get(List<Item> sequence, Position position) {
        Item item = sequence.get(position.path().get(0));
        for (int index : position.path().subList(1, position.path().size())) {
            item = children(item).get(index);
        }
        return item;
    }

    /** A copy of the sequence with the item at {@code position} replaced by {@code change.apply(old)}. */
    public static List<Item> replace(List<Item> sequence, Position position, UnaryOperator<Item> change) {
        List<Item> copy = new ArrayList<>(sequence);
        int top = position.path().get(0);
        copy.set(top, replace(sequence.get(top), position.path().subList(1, position.path().size()), change));
        return copy;
    }

    private static Item replace(Item item, List<Integer> path, UnaryOperator<Item> change) {
        if (path.isEmpty()) {
            return change.apply(item);
        }
        List<Item> children = new ArrayList<>(children(item));
        children.set(path.get(0), replace(children.get(path.get(0)), path.subList(1, path.size()), change));
        return item instanceof Array ? new Array(children) : new MapItem(children);
    }

    private static List<Item> children(Item item) {
        if (item instanceof Array a) {
            return a.items();
        }
        if (item instanceof MapItem m) {
            return m.keysAndValues();
        }
        throw new IllegalArgumentException("no children");
    }
}
