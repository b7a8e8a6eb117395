package cn.ruralwatch.report.format;

/**
 * How wide a text is set: a Chinese (full-width) character takes one character's width, a digit or Latin letter half
 * of one. Column widths of the workbooks and the signature block of the work report are measured with it.
 */
public final class TextWidth {

    private TextWidth() {}

    /** The width of {@code text} in full-width characters. */
    public static double characters(String text) {
        return halfWidths(text) / 2.0;
    }

    /** The width of {@code text} in half-width characters (a Chinese character counts two). */
    public static int halfWidths(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += cp >= 0x2E80 ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }
}
