package cn.ruralwatch.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The township holds, household by household, what seed 003's report counts, before the year's natural changes. */
class JinshandianTownshipTest {

    private final JinshandianTownship township = new JinshandianTownship();

    @Test
    void holdsTheReportsHouseholdsPeopleAndMonitoredHouseholds() {
        assertEquals(16193, township.count(h -> true));
        // 46892 once 25 people have left and 5 joined
        assertEquals(46892 + 25 - 5, township.people(h -> true));
        assertEquals(8892, township.count(h -> h.members.getFirst().agricultural));
        assertEquals(33, township.count(h -> !h.category.isEmpty()));
        assertEquals(102, township.people(h -> !h.category.isEmpty()));
        assertEquals(17, township.count(h -> h.category.equals("突发严重困难户")));
        assertEquals(62, township.people(h -> h.category.equals("突发严重困难户")));
        assertEquals(13, township.people(h -> h.category.equals("脱贫不稳定户")));
        assertEquals(27, township.people(h -> h.category.equals("边缘易致贫户")));
        assertEquals(11, township.people(h -> h.identifiedYear.equals("2021")));
        assertEquals(72, township.people(h -> h.identifiedYear.equals("2022")));
        assertEquals(19, township.people(h -> h.identifiedYear.equals("2023")));
        assertEquals(429, township.count(h -> h.poverty.equals("脱贫户") && h.category.isEmpty()));
        assertEquals(900 + 25 - 5, township.people(h -> h.poverty.equals("脱贫户") && h.category.isEmpty()));
        assertEquals(3, township.pastEpisodes().size());
        assertEquals(25, township.departures().size());
        assertEquals(
                11,
                township.departures().stream()
                        .map(d -> d.household())
                        .distinct()
                        .count());
        assertEquals(5, township.arrivals().size());
        assertEquals(355, township.migrants());
    }

    @Test
    void writesEveryoneOnceWithValidIdNumbers() {
        StringWriter file = new StringWriter();
        assertEquals(16193, township.writeHouseholds(file));
        String[] lines = file.toString().split("\n");
        assertEquals(46912 + 1, lines.length);
        Set<String> ids = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            String id = lines[i].split(",", -1)[3];
            assertTrue(ids.add(id), lines[i]);
            assertEquals(SyntheticCounty.checkCharacter(id.substring(0, 17)), id.charAt(17));
        }
        township.arrivals().forEach(a -> assertTrue(ids.add(a.member().idNumber())));
    }
}
