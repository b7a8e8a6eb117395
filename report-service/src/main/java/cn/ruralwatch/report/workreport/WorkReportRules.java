package cn.ruralwatch.report.workreport;

import cn.ruralwatch.problem.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a work report request may ask for: a year from {@value #FIRST_YEAR} to the current one (China time), a title
 * and narrative sections that fit a Word document.
 */
final class WorkReportRules {

    /** The first year a report may cover. */
    static final int FIRST_YEAR = 2013;

    static final int MAX_TITLE = 200;
    static final int MAX_ISSUER = 50;
    static final int MAX_SECTIONS = 30;
    static final int MAX_SECTION_LENGTH = 20_000;

    private WorkReportRules() {}

    /** A year from {@value #FIRST_YEAR} to {@code thisYear} (China time). */
    static Optional<Violation> year(Integer year, int thisYear) {
        if (year == null || year < FIRST_YEAR || year > thisYear) {
            return Optional.of(Violation.of("year", "RANGE", "report.work-report.year", thisYear));
        }
        return Optional.empty();
    }

    /** A title of up to {@value #MAX_TITLE} characters, not blank, that a Word document can hold; none is fine. */
    static Optional<Violation> title(String title) {
        if (title != null && (title.isBlank() || title.length() > MAX_TITLE)) {
            return Optional.of(Violation.of("title", "LENGTH", "report.template.title"));
        }
        if (title != null && !printable(title)) {
            return Optional.of(Violation.of("title", "CONTROL_CHARACTER", "report.work-report.control-character"));
        }
        return Optional.empty();
    }

    /** An issuing office (落款单位) of up to {@value #MAX_ISSUER} characters, not blank; none takes the default. */
    static Optional<Violation> issuer(String issuer) {
        if (issuer != null && (issuer.isBlank() || issuer.length() > MAX_ISSUER || !printable(issuer))) {
            return Optional.of(Violation.of("issuer", "LENGTH", "report.work-report.issuer", MAX_ISSUER));
        }
        return Optional.empty();
    }

    /** The office a report is signed by when the caller names none: the township's or county's 人民政府, a 村民委员会. */
    static String issuerOf(cn.ruralwatch.directory.KnownDivision division) {
        return division.name + ("VILLAGE".equals(division.level) ? "村民委员会" : "人民政府");
    }

    /**
     * Up to {@value #MAX_SECTIONS} sections, each named by a letter and letters or digits and holding up to {@value
     * #MAX_SECTION_LENGTH} characters a Word document can hold.
     */
    static List<Violation> narrative(Map<String, String> narrative) {
        List<Violation> violations = new ArrayList<>();
        if (narrative.size() > MAX_SECTIONS) {
            violations.add(Violation.of("narrative", "TOO_MANY", "report.work-report.narrative-count"));
        }
        narrative.forEach((key, text) -> {
            if (key == null || !key.matches("[A-Za-z][A-Za-z0-9]{0,39}")) {
                violations.add(Violation.of("narrative." + key, "FORMAT", "report.work-report.narrative-name"));
            } else if (text == null || text.length() > MAX_SECTION_LENGTH) {
                violations.add(Violation.of("narrative." + key, "LENGTH", "report.work-report.narrative-length"));
            } else if (!printable(text)) {
                violations.add(
                        Violation.of("narrative." + key, "CONTROL_CHARACTER", "report.work-report.control-character"));
            }
        });
        return violations;
    }

    /**
     * Whether text can go into a Word document: control characters other than tab and line breaks cannot be written
     * in its XML, so a report holding them would be accepted and then fail as a job.
     */
    static boolean printable(String text) {
        return text.chars()
                .noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF);
    }
}
