package org.assure.itests.bundles;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/** Kura's reading of AD defaults, options and bounds, for {@link KuraMetatypeRules}. */
final class MetatypeValues {
    private MetatypeValues() {
    }

    /**
     * What is wrong with an AD's default (each text starts with ": ", to follow "AD id").
     *
     * @param ad the AD, which has a {@code default} attribute
     */
    static List<String> problems(Element ad, String type, int cardinality, boolean required) {
        List<String> problems = new ArrayList<>();
        String text = ad.getAttribute("default");
        if (required && text.isEmpty()) {
            problems.add(": required but its default is empty (Kura refuses an empty required field)");
            return problems;
        }
        if (text.isEmpty()) {
            return problems;
        }
        List<String> values = cardinality == 0 ? List.of(unescape(text)) : split(text);
        Set<String> options = new HashSet<>();
        for (Element option : options(ad)) {
            options.add(option.getAttribute("value"));
        }
        for (String value : values) {
            if (!parses(type, value)) {
                problems.add(": default '" + value + "' is not a " + type);
                continue;
            }
            if (!options.isEmpty() && !options.contains(value)) {
                problems.add(": default '" + value + "' is not among its options");
            }
            if (isNumber(type)) {
                BigDecimal number = new BigDecimal(value.strip());
                if (ad.hasAttribute("min") && parses(type, ad.getAttribute("min"))
                        && number.compareTo(new BigDecimal(ad.getAttribute("min").strip())) < 0) {
                    problems.add(": default " + value + " below min " + ad.getAttribute("min"));
                }
                if (ad.hasAttribute("max") && parses(type, ad.getAttribute("max"))
                        && number.compareTo(new BigDecimal(ad.getAttribute("max").strip())) > 0) {
                    problems.add(": default " + value + " above max " + ad.getAttribute("max"));
                }
            }
        }
        for (String bound : List.of("min", "max")) {
            if (isNumber(type) && ad.hasAttribute(bound) && !parses(type, ad.getAttribute(bound))) {
                problems.add(": " + bound + " '" + ad.getAttribute(bound) + "' is not a " + type);
            }
        }
        return problems;
    }

    /** Kura splits a default on commas; {@code \,} is a comma inside a value (KURA-API.md §4). */
    static List<String> split(String text) {
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                current.append(text.charAt(++i));
            } else if (c == ',') {
                values.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        values.add(current.toString());
        return values;
    }

    private static String unescape(String text) {
        return String.join(",", split(text));
    }

    static boolean isNumber(String type) {
        return Set.of("Long", "Double", "Float", "Integer", "Byte", "Short").contains(type);
    }

    static boolean parses(String type, String value) {
        String v = value.strip();
        try {
            switch (type) {
                case "Long" -> Long.parseLong(v);
                case "Integer" -> Integer.parseInt(v);
                case "Short" -> Short.parseShort(v);
                case "Byte" -> Byte.parseByte(v);
                case "Double", "Float" -> {
                    if (!Double.isFinite(Double.parseDouble(v))) {
                        return false;
                    }
                }
                case "Boolean" -> {
                    return v.equals("true") || v.equals("false");
                }
                case "Char" -> {
                    return value.length() == 1;
                }
                default -> {
                    return true;
                }
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<Element> options(Element ad) {
        List<Element> options = new ArrayList<>();
        for (org.w3c.dom.Node node = ad.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && "Option".equals(element.getLocalName())) {
                options.add(element);
            }
        }
        return options;
    }
}
