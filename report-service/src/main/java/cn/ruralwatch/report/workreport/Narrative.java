package cn.ruralwatch.report.workreport;

import java.util.HashMap;
import java.util.Map;

/**
 * The narrative sections the user wrote, by name. A template may name a section the user left out: it reads as
 * nothing (so {@code {narrative.problems ?: '（请填写）'}} shows the default) rather than failing the report.
 */
final class Narrative extends HashMap<String, Object> {

    Narrative(Map<String, String> sections) {
        super(sections == null ? Map.of() : sections);
    }

    @Override
    public boolean containsKey(Object key) {
        return true;
    }
}
