package cn.ruralwatch.fund.pv;

import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** PV stations' monthly output ({@code pv_monthly_output}) and the sums the PV reports and rules need. */
@ApplicationScoped
class PvRepository {

    private static final String OUTPUT = """
            select station_id, output_year as year, output_month as month, generation_kwh, revenue, recorded_by,
                   recorded_at
            from pv_monthly_output
            """;

    @Inject
    Sql sql;

    /** Records (or corrects) a station's output of a month. */
    void recordOutput(
            UUID stationId,
            int year,
            int month,
            BigDecimal generationKwh,
            BigDecimal revenue,
            String recordedBy,
            Instant recordedAt) {
        sql.query("""
                        insert into pv_monthly_output (station_id, output_year, output_month, generation_kwh, revenue,
                                                       recorded_by, recorded_at)
                        values (:station, :year, :month, :generation, :revenue, :recordedBy, :recordedAt)
                        on conflict (station_id, output_year, output_month) do update
                        set generation_kwh = excluded.generation_kwh, revenue = excluded.revenue,
                            recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
                        """)
                .bind("station", stationId)
                .bind("year", year)
                .bind("month", month)
                .bind("generation", generationKwh)
                .bind("revenue", revenue)
                .bind("recordedBy", recordedBy)
                .bind("recordedAt", Timestamp.from(recordedAt))
                .execute();
    }

    /** A station's output of the months {@code from}…{@code to} of a year, by month. */
    List<PvApi.OutputView> outputs(UUID stationId, int year, int from, int to) {
        return sql.query(OUTPUT + """
                        where station_id = :station and output_year = :year and output_month between :from and :to
                        order by output_month
                        """)
                .bind("station", stationId)
                .bind("year", year)
                .bind("from", from)
                .bind("to", to)
                .list(PvApi.OutputView.class);
    }

    /** Every month a station has recorded, oldest first. */
    List<PvApi.OutputView> outputs(UUID stationId) {
        return sql.query(OUTPUT + " where station_id = :station order by output_year, output_month")
                .bind("station", stationId)
                .list(PvApi.OutputView.class);
    }

    /** Each station within a division with its output of a year, by village and name. */
    List<PvApi.StationYear> stationYears(String division, int year) {
        return sql.query("""
                        select s.id as station_id, s.name, s.village_code, s.capacity_kw,
                               count(o.output_month) as months_recorded,
                               coalesce(sum(o.generation_kwh), 0) as generation_kwh,
                               coalesce(sum(o.revenue), 0) as revenue
                        from pv_station s
                        left join pv_monthly_output o on o.station_id = s.id and o.output_year = :year
                        where s.village_code like :prefix
                        group by s.id order by s.village_code, s.name
                        """).bind("prefix", division + "%").bind("year", year).list(PvApi.StationYear.class).stream()
                .map(s -> new PvApi.StationYear(
                        s.stationId(),
                        s.name(),
                        s.villageCode(),
                        s.capacityKw(),
                        s.monthsRecorded(),
                        s.generationKwh().setScale(2),
                        s.revenue().setScale(2)))
                .toList();
    }

    /** The revenue the stations within a division recorded for the months of a year. */
    BigDecimal recordedRevenue(String division, int year) {
        return sql.query("""
                        select coalesce(sum(o.revenue), 0) from pv_monthly_output o
                        join pv_station s on s.id = o.station_id
                        where s.village_code like :prefix and o.output_year = :year
                        """)
                .bind("prefix", division + "%")
                .bind("year", year)
                .value(BigDecimal.class)
                .orElseThrow();
    }

    /** What the plans of a year within a division (drafts and published), but the one left out, distribute. */
    BigDecimal distributedWithin(String division, int year, UUID leftOut) {
        return sql.query("""
                        select coalesce(sum(distributable), 0) from pv_distribution_plan
                        where division_code like :prefix and plan_year = :year and id <> :leftOut
                        """)
                .bind("prefix", division + "%")
                .bind("year", year)
                .bind("leftOut", leftOut)
                .value(BigDecimal.class)
                .orElseThrow();
    }

    /** The divisions enclosing the given one (a village's township) with a plan of the year. */
    List<String> enclosingPlanDivisions(String division, int year) {
        return sql.query("""
                        select division_code from pv_distribution_plan
                        where plan_year = :year and :division like division_code || '%' and division_code <> :division
                        order by division_code
                        """).bind("division", division).bind("year", year).column(String.class);
    }

    /** How many households the villages have, as this service knows them. */
    long households(Collection<String> villages) {
        return sql.query("select count(*) from known_household where village_code in (:villages)")
                .bind("villages", villages)
                .count();
    }

    /** Claims a one-time backfill by name; false when it was claimed before. */
    boolean claimBackfill(String name) {
        return sql.query(
                                "insert into event_backfill (name, done_at) values (:name, now()) on conflict (name) do nothing")
                        .bind("name", name)
                        .execute()
                > 0;
    }
}
