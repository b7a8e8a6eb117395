package cn.ruralwatch.household.household;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A search's lists go to the database one parameter per value, in a few query texts only. */
class HouseholdSearchParametersTest {

    @Test
    void everyValueIsItsOwnParameterAndTheListIsPaddedWithItsLastValue() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        assertEquals("(:id0, :id1, :id2, :id3)", HouseholdSearch.oneByOne("id", List.of("a", "b", "c"), parameters));
        assertEquals(Map.of("id0", "a", "id1", "b", "id2", "c", "id3", "c"), parameters);

        Map<String, Object> one = new LinkedHashMap<>();
        assertEquals("(:hash0)", HouseholdSearch.oneByOne("hash", List.of("x"), one));
        assertEquals(Map.of("hash0", "x"), one);
    }

    @Test
    void pagesOfUpToFiveHundredNeedTenQueryTexts() {
        long texts = IntStream.rangeClosed(1, 500)
                .mapToObj(size -> HouseholdSearch.oneByOne("id", Collections.nCopies(size, "v"), new LinkedHashMap<>()))
                .distinct()
                .count();
        assertEquals(10, texts);
        Map<String, Object> full = new LinkedHashMap<>();
        HouseholdSearch.oneByOne("id", IntStream.range(0, 500).boxed().toList(), full);
        assertEquals(512, full.size());
        assertEquals(499, full.get("id511"));
        assertEquals(256, full.get("id256"));
    }
}
