package cn.ruralwatch.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The township holds, household by household, what seed 000's report counts where its figures agree. */
class TongxinTownshipTest {

    private final TongxinTownship township = new TongxinTownship();

    private static boolean poor(TongxinTownship.Home h) {
        return h.poor();
    }

    @Test
    void holdsTheReportsHouseholdsAndPeople() {
        assertEquals(7587, township.count(h -> true));
        assertEquals(26932, township.people(h -> true, TongxinTownship.Person::active));
        assertEquals(7174, township.count(TongxinTownship.Home::agricultural));
        assertEquals(755, township.count(TongxinTownshipTest::poor));
        assertEquals(3144, township.people(TongxinTownshipTest::poor, TongxinTownship.Person::active));
        assertEquals(222, township.count(h -> h.planned || h.notExited));
        assertEquals(851, township.people(h -> h.planned || h.notExited, TongxinTownship.Person::active));
        assertEquals(135, township.count(h -> h.planned));
        assertEquals(567, township.people(h -> h.planned, TongxinTownship.Person::active));
        // 凤阁村 and 大梳村
        String fengge = TongxinTownship.village("凤阁村");
        String dashu = TongxinTownship.village("大梳村");
        assertEquals(711, township.count(h -> h.village.equals(fengge)));
        assertEquals(2733, township.people(h -> h.village.equals(fengge), TongxinTownship.Person::active));
        assertEquals(544, township.count(h -> h.village.equals(dashu)));
        assertEquals(1867, township.people(h -> h.village.equals(dashu), TongxinTownship.Person::active));
        assertEquals(
                137, township.people(h -> h.village.equals(fengge) && (h.planned || h.notExited), p -> p.active()));
        assertEquals(42, township.people(h -> h.village.equals(fengge) && h.notExited, p -> p.active()));
        assertEquals(43, township.people(h -> h.village.equals(dashu) && (h.planned || h.notExited), p -> p.active()));
        assertEquals(20, township.people(h -> h.village.equals(dashu) && h.notExited, p -> p.active()));
    }

    @Test
    void holdsTheMedicalInsuranceSchoolAndPensionFigures() {
        // 农业人口 26343 on record, 4132 of them serving or gone, 22211 to insure, 21854 insured
        assertEquals(26343, township.people(h -> true, p -> p.agricultural));
        assertEquals(4132, township.people(h -> true, p -> p.agricultural && (!p.active() || p.soldier)));
        assertEquals(
                21854,
                township.people(h -> true, p -> p.agricultural && p.active() && !p.soldier && p.medical.equals("已参保")));
        assertEquals(4568, township.people(h -> true, p -> p.active() && p.age() >= 6 && p.age() <= 16));
        assertEquals(6, township.people(h -> true, p -> p.active() && !p.special.isEmpty()));
        assertEquals(4512, township.people(h -> true, p -> p.active() && p.age() <= 16 && p.schooling.equals("在校")));
        assertEquals(3612, township.people(h -> true, p -> p.age() <= 16 && p.schoolLocation.equals("县内")));
        assertEquals(738, township.people(TongxinTownshipTest::poor, p -> p.age() >= 6 && p.age() <= 16));
        assertEquals(2301, township.people(TongxinTownshipTest::poor, p -> p.age() >= 16));
        assertEquals(430, township.people(TongxinTownshipTest::poor, p -> p.pension.equals("已领取养老金")));
        assertEquals(
                1810,
                township.people(TongxinTownshipTest::poor, p -> p.pension.equals("已参保") || p.pension.equals("已领取养老金")));
        assertEquals(260, township.people(TongxinTownshipTest::poor, p -> p.pension.equals("已录入未参保")));
        assertEquals(200, township.people(h -> true, p -> p.certificate.equals("已办")));
        assertEquals(44, township.people(h -> true, p -> p.certificate.equals("待办")));
    }

    @Test
    void namesTheHouseholdsTheReportNamesAndWritesEveryoneOnce() {
        Set<String> named = new HashSet<>();
        TongxinTownship.INCOME_FAILURES.forEach(n -> named.add(n[0] + n[1]));
        TongxinTownship.HOUSING_FAILURES.forEach(n -> named.add(n[0] + n[1]));
        assertEquals(29, named.size());
        for (String[] n : TongxinTownship.INCOME_FAILURES) {
            assertEquals(
                    1,
                    township.count(h -> h.planned
                            && h.village.equals(TongxinTownship.village(n[1]))
                            && h.members.getFirst().name.equals(n[0])
                            && h.perCapitaIncome < 4000),
                    n[0]);
        }
        assertEquals(23, township.count(h -> h.planned && h.perCapitaIncome < 4000));
        StringWriter file = new StringWriter();
        assertEquals(7587, township.writeHouseholds(file));
        String[] lines = file.toString().split("\n");
        assertEquals(26932 + 4120 + 1, lines.length);
        Set<String> idNumbers = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            assertTrue(idNumbers.add(lines[i].split(",", -1)[3]), lines[i]);
        }
    }
}
