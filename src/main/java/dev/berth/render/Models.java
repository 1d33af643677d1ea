package dev.berth.render;

import freemarker.template.SimpleScalar;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateSequenceModel;
import java.util.List;
import java.util.function.Function;

/**
 * The notes' view as FreeMarker sees it. A view that is already a template model is used as it is; a plain record
 * would go through FreeMarker's bean wrapper, which looks up every property by reflection on every access, and a
 * config of ten thousand containers has tens of thousands of notes.
 */
final class Models {
    private Models() {
    }

    static TemplateModel text(String value) {
        return value == null ? null : new SimpleScalar(value);
    }

    static TemplateSequenceModel texts(List<String> values) {
        return list(values, Models::text);
    }

    static <T> TemplateSequenceModel list(List<T> values, Function<T, TemplateModel> model) {
        return new TemplateSequenceModel() {
            @Override
            public TemplateModel get(int index) {
                return index < values.size() ? model.apply(values.get(index)) : null;
            }

            @Override
            public int size() {
                return values.size();
            }
        };
    }

    /** A hash of the keys {@code get} knows (null for any other). */
    static TemplateHashModel hash(Function<String, TemplateModel> get) {
        return new Hash() {
            @Override
            public TemplateModel get(String key) {
                return get.apply(key);
            }
        };
    }

    /** A hash that is never empty: the views always have their keys. */
    private abstract static class Hash implements TemplateHashModel {
        @Override
        public boolean isEmpty() {
            return false;
        }
    }
}
