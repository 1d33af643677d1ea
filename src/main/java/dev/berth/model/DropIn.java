package dev.berth.model;

import dev.berth.option.OptionValues;
import java.util.Optional;

/**
 * {@code UNIT.d/FILE}: settings layered on a unit, berth's own or a package's.
 *
 * <pre>
 * httpd.service:
 *   my_resource_limit.conf: {limits: {cpu-weight: 150}}
 * </pre>
 */
public record DropIn(String unit, String fileName, String path, Optional<Limits> limits, ExecSettings exec,
                     OptionValues options, Settings settings) {
}
