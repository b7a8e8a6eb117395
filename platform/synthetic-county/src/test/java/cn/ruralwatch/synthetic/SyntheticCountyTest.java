package cn.ruralwatch.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticCountyTest {

    static final SyntheticCounty.Settings SETTINGS =
            new SyntheticCounty.Settings("450422", "示范县", 5000, 7, 2025, LocalDate.of(2026, 11, 23));

    static List<String[]> rows(SyntheticCounty.Settings settings) {
        StringWriter out = new StringWriter();
        new SyntheticCounty(settings).writeHouseholds(out);
        return out.toString().lines().skip(1).map(line -> line.split(",", -1)).toList();
    }

    @Test
    void writesAboutFourMembersPerHouseholdWithValidUniqueIdNumbers() {
        StringWriter out = new StringWriter();
        SyntheticCounty.Written written = new SyntheticCounty(SETTINGS).writeHouseholds(out);
        List<String[]> rows =
                out.toString().lines().skip(1).map(line -> line.split(",", -1)).toList();
        assertEquals(written.members(), rows.size());
        assertEquals(5000, written.households());
        double perHousehold = (double) written.members() / written.households();
        assertTrue(perHousehold > 3.5 && perHousehold < 4.3, "members per household " + perHousehold);
        Set<String> ids = new HashSet<>();
        for (String[] row : rows) {
            assertEquals(SyntheticCounty.HOUSEHOLD_COLUMNS.size(), row.length);
            String id = row[3];
            assertTrue(id.startsWith("450422"), id);
            assertEquals(SyntheticCounty.checkCharacter(id.substring(0, 17)), id.charAt(17), id);
            assertTrue(ids.add(id), "duplicate " + id);
        }
        // about one household in twenty is a monitoring object
        assertTrue(written.monitored() > 150 && written.monitored() < 350, "monitored " + written.monitored());
    }

    @Test
    void groupsEachHouseholdsRowsWithOneHeadAndSpreadsIncomesAroundTheLine() {
        Map<String, Integer> heads = new HashMap<>();
        Map<String, Double> perCapita = new HashMap<>();
        Map<String, Integer> size = new HashMap<>();
        String previous = "";
        Set<String> seen = new HashSet<>();
        for (String[] row : rows(SETTINGS)) {
            String household = row[0];
            if (!household.equals(previous)) {
                assertTrue(seen.add(household), "rows of " + household + " are not together");
                previous = household;
            }
            size.merge(household, 1, Integer::sum);
            if (row[4].equals("户主")) {
                heads.merge(household, 1, Integer::sum);
            }
            int wage = SyntheticCounty.HOUSEHOLD_COLUMNS.indexOf("工资性收入");
            double net = 0;
            for (int i = wage; i < wage + 4; i++) {
                net += Double.parseDouble(row[i]);
            }
            net -= Double.parseDouble(row[wage + 4]);
            perCapita.put(household, net);
        }
        heads.values().forEach(count -> assertEquals(1, count));
        assertEquals(size.size(), heads.size());
        long low = perCapita.entrySet().stream()
                .filter(e -> e.getValue() / size.get(e.getKey()) < 9000)
                .count();
        assertTrue(low > 250 && low < 1000, "households under 9000 per person: " + low);
    }

    @Test
    void writesTheFactsTheReportsCountInAgreementWithEachOther() {
        List<String> columns = SyntheticCounty.HOUSEHOLD_COLUMNS;
        Set<String> households = new HashSet<>();
        Set<String> withTelevision = new HashSet<>();
        int entered = 0;
        int agricultural = 0;
        List<String[]> rows = rows(SETTINGS);
        for (String[] row : rows) {
            String kind = row[columns.indexOf("就业类型")];
            String place = row[columns.indexOf("务工地点")];
            assertEquals(place.isEmpty(), kind.isEmpty(), String.join(",", row));
            if (kind.equals("就近就业") || kind.equals("公益性岗位")) {
                assertEquals("县内", place);
            }
            if (row[columns.indexOf("健康状况")].equals("健康")) {
                assertEquals("未办", row[columns.indexOf("慢病证")]);
            }
            String renovation = row[columns.indexOf("危房改造")];
            String method = row[columns.indexOf("改造方式")];
            String stage = row[columns.indexOf("改造进度")];
            assertEquals(renovation.equals("无需改造"), method.isEmpty(), String.join(",", row));
            assertEquals(renovation.equals("改造中") || renovation.equals("已完成改造"), !stage.isEmpty());
            assertEquals(renovation.equals("已完成改造"), stage.equals("已完成"));
            assertEquals(method.equals("易地扶贫搬迁"), row[columns.indexOf("易地扶贫搬迁户")].equals("是"));
            households.add(row[0]);
            if (row[columns.indexOf("有电视机")].equals("是")) {
                withTelevision.add(row[0]);
            }
            entered += row[columns.indexOf("养老保险")].equals("已录入未参保") ? 1 : 0;
            agricultural += row[columns.indexOf("农业户籍")].equals("是") ? 1 : 0;
        }
        // about as seed 000 counts them: 6129 of 7587 households with a television, 26343 of 26932 agricultural people
        double television = (double) withTelevision.size() / households.size();
        assertTrue(television > 0.77 && television < 0.85, "with a television " + television);
        double people = (double) agricultural / rows.size();
        assertTrue(people > 0.9 && people < 0.99, "agricultural " + people);
        assertTrue(entered > 100, "entered but not insured " + entered);
    }

    @Test
    void theSameSettingsGiveTheSameCounty() {
        StringWriter first = new StringWriter();
        StringWriter second = new StringWriter();
        new SyntheticCounty(SETTINGS).writeHouseholds(first);
        new SyntheticCounty(SETTINGS).writeHouseholds(second);
        assertEquals(first.toString(), second.toString());
        StringWriter divisions = new StringWriter();
        new SyntheticCounty(SETTINGS).writeDivisions(divisions);
        // 5000 households: 20 villages in 2 townships, and the county
        assertEquals(1 + 1 + 2 + 20, divisions.toString().lines().count());
    }
}
