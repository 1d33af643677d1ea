package dev.berth.render;

import freemarker.template.TemplateModel;
import java.util.List;
import java.util.Map;

/**
 * What a unit template prints: header comment lines and sections of finished lines.
 *
 * @param sectionOrder the sections in the order the translator created them (drop-ins print them all)
 */
public record UnitView(List<String> header, Map<String, List<LineView>> sections, List<String> sectionOrder) {
    /** The view as the templates read it: {@code unit.header}, {@code unit.sections[name]}, {@code unit.sectionOrder}. */
    TemplateModel model() {
        return Models.hash(key -> switch (key) {
            case "header" -> Models.texts(header);
            case "sections" -> Models.map(sections, lines -> Models.list(lines, LineView::model));
            case "sectionOrder" -> Models.texts(sectionOrder);
            default -> null;
        });
    }

    /**
     * One line of a section, {@code key=value}, with an optional comment above it saying why berth added it. The
     * template joins key and value: joined here, each line would be one more string to make and throw away.
     */
    public record LineView(String key, String value, String why) {
        /** {@code line.key}, {@code line.value}, and {@code line.why} when there is one. */
        TemplateModel model() {
            return Models.hash(name -> switch (name) {
                case "key" -> Models.text(key);
                case "value" -> Models.text(value);
                case "why" -> Models.text(why);
                default -> null;
            });
        }
    }
}
