package org.nf4j.train;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** The settings two resolved configurations (key to value) disagree on, as text for one line. */
public final class SettingsDiff {
    private SettingsDiff() {
    }

    /** The keys among {@code keys} whose values differ (a missing key counts as a value of its own). */
    public static List<String> keys(Map<String, String> before, Map<String, String> after, Collection<String> keys) {
        List<String> out = new ArrayList<>();
        for (String k : new TreeSet<>(keys)) {
            if (!Objects.equals(before.get(k), after.get(k))) {
                out.add(k);
            }
        }
        return out;
    }

    /** "k 10 -> 20, lr 0.001 -> 5.0E-4" for the given keys. */
    public static String describe(Map<String, String> before, Map<String, String> after, List<String> keys) {
        List<String> parts = new ArrayList<>();
        for (String k : keys) {
            parts.add(k + " " + show(before.get(k)) + " -> " + show(after.get(k)));
        }
        return String.join(", ", parts);
    }

    private static String show(String v) {
        return v == null ? "(none)" : v.isEmpty() ? "''" : v;
    }
}
