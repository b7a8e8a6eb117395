package cn.ruralwatch.report.format;

/**
 * How documents (xlsx, docx) name a household for the officials who read them: by the head's name (户主姓名) and the
 * village (村名), with the township where a list spans townships — "程海源（大梳村）", "程海源（同心镇大梳村）". Names
 * only: report-service never holds ID, phone or bank numbers.
 */
public final class HouseholdNames {

    /** What a document shows for a household whose head is not known. */
    public static final String UNREGISTERED_HEAD = "（户主未登记）";

    private HouseholdNames() {}

    /** The head's name, or {@link #UNREGISTERED_HEAD}. */
    public static String head(String headName) {
        return headName == null || headName.isBlank() ? UNREGISTERED_HEAD : headName;
    }

    /** A division's name, or its code where its name is not known (yet). */
    public static String division(String name, String code) {
        return name == null || name.isBlank() ? code : name;
    }

    /**
     * 户主姓名（村名）, or 户主姓名（乡镇村名） when {@code township} is given.
     *
     * @param village the village's name (or code)
     * @param township the township's name, or null where the list stays within one township
     */
    public static String named(String headName, String township, String village) {
        return head(headName) + "（" + (township == null ? "" : township) + village + "）";
    }

    /**
     * A household as a report's sentence names it, village first (seed 000: "大梳村程海源户"), with the township before
     * the village when {@code township} is given.
     */
    public static String inSentence(String headName, String township, String village) {
        return (township == null ? "" : township) + village + head(headName) + "户";
    }

    /** Whether a list of a division's households spans townships: a county's does. */
    public static boolean spansTownships(String division) {
        return division.length() < 9;
    }
}
