package dev.berth.render;

import java.util.List;
import java.util.Map;

/**
 * What a unit template prints: header comment lines and sections of finished lines.
 *
 * @param sectionOrder the sections in the order the translator created them (drop-ins print them all)
 */
public record UnitView(List<String> header, Map<String, List<LineView>> sections, List<String> sectionOrder) {
    /** One line of a section, with an optional comment above it saying why berth added it. */
    public record LineView(String text, String why) {
    }
}
