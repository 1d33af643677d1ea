package dev.berth.model;

import dev.berth.option.OptionValues;

/**
 * Resource limits: {@code limits: {cpu-weight: 150, memory-max: 1G}}, options of the table. The deprecated names
 * of the book (cpu-shares, memory-limit, block-io-weight) are kept as given; translation converts them.
 */
public record Limits(String path, OptionValues options) {
}
