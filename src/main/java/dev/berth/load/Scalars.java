package dev.berth.load;

import java.math.BigInteger;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Scalars as berth reads them, by their resolved tag; every way of loading reads them through here. */
final class Scalars {
    private Scalars() {
    }

    /** What {@link #value} returns for a tag berth does not read (or a number it cannot parse). */
    static final Object UNSUPPORTED = new Object();

    /** A scalar as berth reads it: string, null, boolean, long (or BigInteger), double; both loaders share this. */
    static Object value(Tag tag, String text) {
        try {
            if (Tag.STR.equals(tag)) {
                return text;
            }
            if (Tag.NULL.equals(tag)) {
                return null;
            }
            if (Tag.BOOL.equals(tag)) {
                return Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
            }
            if (Tag.INT.equals(tag)) {
                return integer(text);
            }
            if (Tag.FLOAT.equals(tag)) {
                return floating(text);
            }
        } catch (NumberFormatException e) {
            // reported by the caller as an unsupported value
        }
        return UNSUPPORTED;
    }

    private static Object integer(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        if (t.startsWith("+") || negative) {
            t = t.substring(1);
        }
        BigInteger value;
        if (t.startsWith("0x")) {
            value = new BigInteger(t.substring(2), 16);
        } else if (t.startsWith("0o")) {
            value = new BigInteger(t.substring(2), 8);
        } else {
            value = new BigInteger(t);
        }
        if (negative) {
            value = value.negate();
        }
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private static double floating(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
            case "-.inf" -> Double.NEGATIVE_INFINITY;
            case ".nan" -> Double.NaN;
            default -> Double.parseDouble(t);
        };
    }
}
