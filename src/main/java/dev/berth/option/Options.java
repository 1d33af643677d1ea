package dev.berth.option;

import static dev.berth.option.Place.CONTAINER;
import static dev.berth.option.Place.DROP_IN;
import static dev.berth.option.Place.GUEST_SOCKET;
import static dev.berth.option.Place.HOST_SOCKET;
import static dev.berth.option.Place.LIMITS;
import static dev.berth.option.Place.SERVICE;
import static dev.berth.option.ValueKind.BOOLEAN;
import static dev.berth.option.ValueKind.DURATION;
import static dev.berth.option.ValueKind.INTEGER;
import static dev.berth.option.ValueKind.MODE;
import static dev.berth.option.ValueKind.PATH;
import static dev.berth.option.ValueKind.QUANTITY;
import static dev.berth.option.ValueKind.TIMEOUT;
import static dev.berth.option.ValueKind.WORD;

import dev.berth.unit.LimitConversions;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The option table: every option that is one key in the config and one line in a unit. A unit gets the lines of its
 * options in this order. Options with logic of their own (ports, per-connection, sandbox, idle-stop, the forms,
 * descriptions with defaults) are written by their translators, beside this table.
 */
public final class Options {
    public static final Option CPU_WEIGHT = option("cpu-weight", INTEGER, Option.OWN_SECTION, "CPUWeight", LIMITS);
    public static final Option CPU_SHARES = converted("cpu-shares", INTEGER, "CPUWeight",
            shares -> LimitConversions.cpuWeight((Long) shares),
            "cpu-shares %s (CPUShares=, deprecated) converted: weight = shares x 100 / 1024");
    public static final Option MEMORY_MAX = option("memory-max", QUANTITY, Option.OWN_SECTION, "MemoryMax", LIMITS);
    public static final Option MEMORY_LIMIT = converted("memory-limit", QUANTITY, "MemoryMax", size -> size,
            "memory-limit (MemoryLimit=, deprecated) is MemoryMax= today");
    public static final Option IO_WEIGHT = option("io-weight", INTEGER, Option.OWN_SECTION, "IOWeight", LIMITS);
    public static final Option BLOCK_IO_WEIGHT = converted("block-io-weight", INTEGER, "IOWeight",
            weight -> LimitConversions.ioWeight((Long) weight),
            "block-io-weight %s (BlockIOWeight=, deprecated) converted: weight / 5");

    /** The table, in the order lines are written. */
    public static final List<Option> ALL = List.of(
            // sockets: the container's on the host, and the guest's of an activated service
            option("backlog", INTEGER, "Socket", "Backlog", HOST_SOCKET),
            option("bind-ipv6-only", WORD, "Socket", "BindIPv6Only", HOST_SOCKET),
            option("free-bind", BOOLEAN, "Socket", "FreeBind", HOST_SOCKET),
            option("reuse-port", BOOLEAN, "Socket", "ReusePort", HOST_SOCKET),
            option("max-connections", INTEGER, "Socket", "MaxConnections", GUEST_SOCKET),
            option("max-connections-per-source", INTEGER, "Socket", "MaxConnectionsPerSource", GUEST_SOCKET),
            option("keep-alive", BOOLEAN, "Socket", "KeepAlive", HOST_SOCKET, GUEST_SOCKET),
            option("no-delay", BOOLEAN, "Socket", "NoDelay", HOST_SOCKET, GUEST_SOCKET),
            option("socket-mode", MODE, "Socket", "SocketMode", HOST_SOCKET),
            option("trigger-limit/interval", DURATION, "Socket", "TriggerLimitIntervalSec", HOST_SOCKET),
            option("trigger-limit/burst", INTEGER, "Socket", "TriggerLimitBurst", HOST_SOCKET),
            // services: the container's host service, guest services, drop-ins of services
            option("user", WORD, "Service", "User", SERVICE),
            option("group", WORD, "Service", "Group", SERVICE),
            option("working-directory", PATH, "Service", "WorkingDirectory", SERVICE),
            option("restart", WORD, "Service", "Restart", CONTAINER, SERVICE, DROP_IN),
            option("restart-sec", DURATION, "Service", "RestartSec", CONTAINER, SERVICE, DROP_IN),
            option("timeout-start", TIMEOUT, "Service", "TimeoutStartSec", CONTAINER, SERVICE),
            option("timeout-stop", TIMEOUT, "Service", "TimeoutStopSec", CONTAINER, SERVICE),
            // limits, in the section of the unit they are written into
            CPU_WEIGHT,
            CPU_SHARES,
            option("cpu-quota", QUANTITY, Option.OWN_SECTION, "CPUQuota", LIMITS),
            MEMORY_MAX,
            MEMORY_LIMIT,
            option("memory-high", QUANTITY, Option.OWN_SECTION, "MemoryHigh", LIMITS),
            option("memory-swap-max", QUANTITY, Option.OWN_SECTION, "MemorySwapMax", LIMITS),
            option("tasks-max", QUANTITY, Option.OWN_SECTION, "TasksMax", LIMITS),
            IO_WEIGHT,
            BLOCK_IO_WEIGHT,
            option("open-files", QUANTITY, Option.OWN_SECTION, "LimitNOFILE", LIMITS));

    private static final Map<Place, List<Option>> BY_PLACE = byPlace();

    private Options() {
    }

    /** The options a config object of this kind accepts, in the table's order. */
    public static List<Option> at(Place place) {
        return BY_PLACE.get(place);
    }

    private static Option option(String key, ValueKind kind, String section, String directive, Place first, Place... more) {
        return new Option(key, EnumSet.of(first, more), kind, section, directive, Optional.empty());
    }

    private static Option converted(String key, ValueKind kind, String directive, Function<Object, Object> value,
                                    String why) {
        return new Option(key, EnumSet.of(LIMITS), kind, Option.OWN_SECTION, directive,
                Optional.of(new Option.Conversion(value, why)));
    }

    private static Map<Place, List<Option>> byPlace() {
        Map<Place, List<Option>> map = new EnumMap<>(Place.class);
        for (Place place : Place.values()) {
            map.put(place, ALL.stream().filter(o -> o.places().contains(place)).toList());
        }
        return map;
    }
}
