package cn.ruralwatch.problem;

/**
 * Text the suite can store: PostgreSQL refuses NUL in text and jsonb, and an unpaired UTF-16 surrogate is not a
 * character at all (the JDBC driver would silently turn it into '?').
 */
final class StorableText {

    private StorableText() {}

    /**
     * Why {@code text} cannot be stored, as a violation of {@code field}, or null. {@code refuseReplacement}: also
     * refuse U+FFFD, which is what a lenient decoder put where the bytes were not UTF-8 (URL parameters).
     */
    static Violation violation(String field, String text, boolean refuseReplacement) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Violation.of(field, "NUL_CHARACTER", "problem.text.nul", i + 1);
            }
            if (refuseReplacement && c == '\uFFFD') {
                return Violation.of(field, "INVALID_ENCODING", "problem.text.encoding", i + 1);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Violation.of(field, "UNPAIRED_SURROGATE", "problem.text.surrogate", i + 1);
            }
        }
        return null;
    }
}
