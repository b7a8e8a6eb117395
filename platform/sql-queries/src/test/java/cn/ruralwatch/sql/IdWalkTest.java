package cn.ruralwatch.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdWalkTest {

    /** A table of ids in PostgreSQL's order: the region's, and other regions' below and above them. */
    private final TreeSet<UUID> region = new TreeSet<>(IdWalk::compareAsStored);

    private final TreeSet<UUID> others = new TreeSet<>(IdWalk::compareAsStored);

    /** Every id a read looked at, the region's and the others' (what a scan by id with a region filter reads). */
    private final List<UUID> scanned = new ArrayList<>();

    private int lookups;

    private final IdWalk<UUID> walk = new IdWalk<>(this::read, this::span, id -> id, 3);

    private List<UUID> read(UUID after, UUID upTo, int limit) {
        TreeSet<UUID> all = new TreeSet<>(IdWalk::compareAsStored);
        all.addAll(region);
        all.addAll(others);
        List<UUID> rows = new ArrayList<>();
        for (UUID id : all.subSet(after, false, upTo, true)) {
            scanned.add(id);
            if (region.contains(id)) {
                rows.add(id);
                if (rows.size() == limit) {
                    break;
                }
            }
        }
        return rows;
    }

    private Optional<IdWalk.Span> span() {
        lookups++;
        return region.isEmpty() ? Optional.empty() : Optional.of(new IdWalk.Span(region.first(), region.last()));
    }

    private static UUID id(long high) {
        // the sign bit set for some: ids PostgreSQL orders unsigned
        return new UUID(high, 1);
    }

    private List<List<UUID>> walked() {
        List<List<UUID>> chunks = new ArrayList<>();
        UUID after = new UUID(0, 0);
        UUID bound = null;
        while (true) {
            IdWalk.Chunk<UUID> chunk = walk.next(after, bound);
            if (chunk.rows().isEmpty()) {
                assertEquals(after, chunk.last());
                return chunks;
            }
            chunks.add(chunk.rows());
            after = chunk.last();
            bound = chunk.bound();
        }
    }

    @Test
    void readsTheRegionInChunksAndNothingOutsideItsSpan() {
        for (long i = 1; i <= 6; i++) {
            region.add(id(1000 + i * 10));
        }
        // its lowest id just above one whose low half is all ones: the walk starts below it
        region.add(new UUID(1005, 0));
        // other counties registered before and after this one: ids below and above every id of the region, the sign
        // bit set on some
        for (long i = 0; i < 100; i++) {
            others.add(id(1 + i));
            others.add(id(2000 + i));
            others.add(id(Long.MIN_VALUE + i));
        }
        others.add(new UUID(1004, -1L));

        List<List<UUID>> chunks = walked();

        assertEquals(
                List.of(
                        List.of(new UUID(1005, 0), id(1010), id(1020)),
                        List.of(id(1030), id(1040), id(1050)),
                        List.of(id(1060))),
                chunks);
        assertTrue(scanned.stream().allMatch(region::contains), "read outside the region's span: " + scanned);
        // when the walk began, when the third chunk came back short, and for the empty chunk that ends the walk
        assertEquals(3, lookups);
    }

    @Test
    void readsWhatTheRegionGainedWhileItRan() {
        region.add(id(10));
        region.add(id(20));
        region.add(id(30));
        region.add(id(40));

        IdWalk.Chunk<UUID> first = walk.next(new UUID(0, 0), null);
        assertEquals(List.of(id(10), id(20), id(30)), first.rows());
        // registered after the walk looked at the region's highest id
        region.add(id(Long.MIN_VALUE + 5));
        region.add(id(Long.MIN_VALUE + 6));
        IdWalk.Chunk<UUID> second = walk.next(first.last(), first.bound());
        assertEquals(List.of(id(40), id(Long.MIN_VALUE + 5), id(Long.MIN_VALUE + 6)), second.rows());
        assertEquals(id(Long.MIN_VALUE + 6), second.bound());
        IdWalk.Chunk<UUID> third = walk.next(second.last(), second.bound());
        assertEquals(List.of(), third.rows());
        assertEquals(id(Long.MIN_VALUE + 6), third.last());
    }

    @Test
    void anEmptyRegionIsAWalkOfNoChunks() {
        others.add(id(5));

        IdWalk.Chunk<UUID> chunk = walk.next(new UUID(0, 0), null);

        assertEquals(List.of(), chunk.rows());
        assertEquals(List.of(), scanned);
        assertEquals(1, lookups);
    }

    @Test
    void aWalkTakenUpAgainStartsWhereItStopped() {
        region.add(id(10));
        region.add(id(20));
        region.add(id(30));
        others.add(id(5));

        IdWalk.Chunk<UUID> chunk = walk.next(id(10), null);

        assertEquals(List.of(id(20), id(30)), chunk.rows());
        assertTrue(scanned.stream().allMatch(region::contains), "read outside the region's span: " + scanned);
    }

    @Test
    void ordersIdsAsPostgreSqlDoes() {
        assertTrue(IdWalk.compareAsStored(id(1), id(Long.MIN_VALUE)) < 0);
        assertTrue(IdWalk.compareAsStored(new UUID(1, -1), new UUID(1, 1)) > 0);
        assertEquals(0, IdWalk.compareAsStored(id(7), id(7)));
        assertEquals(new UUID(4, -1L), IdWalk.before(new UUID(5, 0)));
        assertEquals(new UUID(5, 6), IdWalk.before(new UUID(5, 7)));
        assertEquals(new UUID(Long.MAX_VALUE, -1L), IdWalk.before(new UUID(Long.MIN_VALUE, 0)));
    }
}
