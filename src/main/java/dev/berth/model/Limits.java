package dev.berth.model;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Resource limits: {@code limits: {cpu-weight: 150, memory-max: 1G}}. The deprecated names of the
 * book (cpu-shares, memory-limit, block-io-weight) are kept as given; translation converts them.
 */
public record Limits(String path, OptionalLong cpuWeight, Optional<String> cpuQuota, Optional<String> memoryMax,
                     Optional<String> memoryHigh, Optional<String> tasksMax, OptionalLong ioWeight,
                     OptionalLong cpuShares, Optional<String> memoryLimit, OptionalLong blockIoWeight) {
}
