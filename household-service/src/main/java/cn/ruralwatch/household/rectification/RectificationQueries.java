package cn.ruralwatch.household.rectification;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.sql.Statement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The overdue list and the summary per source of the problems claimed in a region. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RectificationQueries {

    /** Far enough apart to stand for an open end of a period. */
    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);

    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    @Inject
    Sql sql;

    record OverdueRow(
            UUID id,
            String regionCode,
            String regionName,
            String source,
            String sourceDocument,
            String description,
            String ownerUnit,
            String ownerPerson,
            LocalDate deadline,
            String status,
            int daysOverdue) {}

    /**
     * The problems of the caller's region (under the prefix, or of a region holding it) not rectified by {@code asOf}
     * though their deadline had passed, most overdue first.
     */
    public Page<RectificationApi.OverdueItem> overdue(String prefix, LocalDate asOf, PageRequest page) {
        return sql.query("""
                        select r.id, r.region_code, d.name as region_name, r.source, r.source_document, r.description,
                               r.owner_unit, r.owner_person, r.deadline, r.status,
                               cast(:asOf as date) - r.deadline as days_overdue
                        from rectification r left join division d on d.code = r.region_code
                        where (r.region_code like :prefix or :own like r.region_code || '%')
                          and r.found_on <= cast(:asOf as date)
                          and r.deadline < cast(:asOf as date)
                          and (r.rectified_on is null or r.rectified_on > cast(:asOf as date))
                        order by days_overdue desc, r.region_code, r.id
                        """)
                .bind("prefix", prefix + "%")
                .bind("own", prefix)
                .bind("asOf", asOf)
                .page(OverdueRow.class, page)
                .map(r -> {
                    RectificationSource source = RectificationSource.valueOf(r.source());
                    return new RectificationApi.OverdueItem(
                            r.id(),
                            r.regionCode(),
                            r.regionName(),
                            source,
                            source.label(),
                            r.sourceDocument(),
                            r.description(),
                            r.ownerUnit(),
                            r.ownerPerson(),
                            r.deadline(),
                            RectificationStatus.valueOf(r.status()),
                            r.daysOverdue());
                });
    }

    record CountRow(
            String source,
            long documents,
            long aspects,
            long problems,
            long open,
            long inProgress,
            long rectified,
            long overdue) {}

    private static final String COUNTS = """
            select %s as source, count(distinct r.source_document) as documents, count(distinct r.aspect) as aspects,
                   count(*) as problems,
                   count(*) filter (where r.status = 'OPEN') as open,
                   count(*) filter (where r.status = 'IN_PROGRESS') as in_progress,
                   count(*) filter (where r.status = 'RECTIFIED') as rectified,
                   count(*) filter (where r.status <> 'RECTIFIED' and r.deadline < cast(:asOf as date)) as overdue
            from rectification r
            where r.region_code like :prefix
              and r.found_on >= cast(:from as date) and r.found_on <= cast(:to as date)
            %s
            """;

    /**
     * The problems claimed within the region (its own and its townships' and villages') with a day found in the period,
     * counted by source and status as they stand now, and overdue on {@code asOf}.
     */
    public RectificationApi.Summary summary(
            String region, String regionName, LocalDate from, LocalDate to, LocalDate asOf) {
        Map<RectificationSource, RectificationApi.SourceCount> bySource = new EnumMap<>(RectificationSource.class);
        bind(sql.query(COUNTS.formatted("r.source", "group by r.source")), region, from, to, asOf)
                .list(CountRow.class)
                .forEach(r -> {
                    RectificationSource source = RectificationSource.valueOf(r.source());
                    bySource.put(source, count(source, source.label(), r));
                });
        CountRow all = bind(sql.query(COUNTS.formatted("cast(null as varchar)", "")), region, from, to, asOf)
                .list(CountRow.class)
                .getFirst();
        List<RectificationApi.SourceCount> sources = new ArrayList<>(bySource.values());
        return new RectificationApi.Summary(
                region, regionName, from, to, asOf, sources, count(null, "合计", all), text(sources));
    }

    private static Statement bind(Statement statement, String region, LocalDate from, LocalDate to, LocalDate asOf) {
        return statement
                .bind("prefix", region + "%")
                .bind("from", from == null ? FIRST_DAY : from)
                .bind("to", to == null ? LAST_DAY : to)
                .bind("asOf", asOf);
    }

    private static RectificationApi.SourceCount count(RectificationSource source, String label, CountRow r) {
        return new RectificationApi.SourceCount(
                source,
                label,
                r.documents(),
                r.aspects(),
                r.problems(),
                r.open(),
                r.inProgress(),
                r.rectified(),
                r.overdue());
    }

    /**
     * The summary as a work report writes it (seed 003: "认领3个方面13个问题…目前13个问题均已完成整改"): per source, the
     * aspects when the problems were claimed under some, the problems, and how far their rectification has come.
     */
    static String text(List<RectificationApi.SourceCount> sources) {
        if (sources.isEmpty()) {
            return "期间没有认领整改问题。";
        }
        List<String> parts = new ArrayList<>();
        for (RectificationApi.SourceCount s : sources) {
            StringBuilder part = new StringBuilder(s.sourceLabel()).append("认领");
            if (s.aspects() > 0) {
                part.append(s.aspects()).append("个方面");
            }
            part.append(s.problems()).append("个问题，");
            if (s.rectified() == s.problems()) {
                part.append("均已完成整改");
            } else {
                part.append("已完成整改").append(s.rectified()).append("个");
                if (s.inProgress() > 0) {
                    part.append("，整改中").append(s.inProgress()).append("个");
                }
                if (s.open() > 0) {
                    part.append("，未整改").append(s.open()).append("个");
                }
                if (s.overdue() > 0) {
                    part.append("，其中逾期").append(s.overdue()).append("个");
                }
            }
            parts.add(part.toString());
        }
        return String.join("；", parts) + "。";
    }
}
