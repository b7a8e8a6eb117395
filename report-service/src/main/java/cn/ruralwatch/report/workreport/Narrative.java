package cn.ruralwatch.report.workreport;

import java.util.HashMap;
import java.util.Map;

/**
 * The narrative sections the user wrote, by name. A template may name a section the user left out: it reads as
 * nothing (so {@code {narrative.problems ?: '（请填写）'}} shows the default) rather than failing the report. Each line
 * a person typed is a paragraph of its own (in Markdown a single line break would join the lines into one); the rows
 * of a table ({@code | … |}) stay together.
 */
final class Narrative extends HashMap<String, Object> {

    Narrative(Map<String, String> sections) {
        super();
        if (sections != null) {
            sections.forEach((name, text) -> put(name, text == null ? null : paragraphs(text)));
        }
    }

    static String paragraphs(String text) {
        StringBuilder result = new StringBuilder();
        boolean inTable = false;
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String trimmed = line.strip();
            boolean row = trimmed.startsWith("|");
            if (!result.isEmpty()) {
                result.append(row && inTable ? "\n" : "\n\n");
            }
            result.append(row ? trimmed : trimmed.replaceFirst("^\u3000+", ""));
            inTable = row;
        }
        return result.toString();
    }

    @Override
    public boolean containsKey(Object key) {
        return true;
    }
}
