package org.nf4j.targets;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Registry of the section-6.1 energies by name: "u1".."u4" (case-insensitive). */
public enum Targets {
    U1(new EnergyU1()),
    U2(new EnergyU2()),
    U3(new EnergyU3()),
    U4(new EnergyU4());

    private final Energy2D energy;

    Targets(Energy2D energy) {
        this.energy = energy;
    }

    /** The energy of this entry. */
    public Energy2D energy() {
        return energy;
    }

    /** Valid names, e.g. {@code "u1, u2, u3, u4"}. */
    public static String validNames() {
        return Arrays.stream(values()).map(t -> t.energy.name()).collect(Collectors.joining(", "));
    }

    /**
     * Looks an energy up by name.
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static Energy2D byName(String name) {
        if (name != null) {
            String key = name.trim().toLowerCase(Locale.ROOT);
            for (Targets t : values()) {
                if (t.energy.name().equals(key)) {
                    return t.energy;
                }
            }
        }
        throw new IllegalArgumentException(
                "Unknown target '" + name + "'; valid names: " + validNames());
    }
}
