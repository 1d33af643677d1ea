package dev.berth.unit;

/**
 * What a generated file is: a service or socket unit, a drop-in for a unit, or a {@code .nspawn} settings file.
 * All are written alike; the kind says what systemd does with the file, e.g. whether it can be enabled.
 */
public enum UnitKind {
    SERVICE,
    SOCKET,
    DROPIN,
    NSPAWN
}
