package cn.ruralwatch.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A walk through the rows of a region (a county, a township…) in the order of their ids, one chunk at a time, as a job
 * walks them with the last id of each chunk as its checkpoint. The walk reads only the region's span of ids: it starts
 * just below the region's lowest id, and each chunk is read between the last id so far and a bound, the highest id the
 * region had when the walk last looked. Without the span, the first chunk would read through every row of the regions
 * registered before this one, and the query that finds nothing left through every row of those registered after it
 * (time-ordered ids; on a database of 24 counties, 0.6-0.9 s for such a read, where a chunk takes 10-15 ms). When a
 * chunk comes back short, the walk looks at the region's span again, so that rows the region gained while it ran
 * (higher ids) are read as well.
 *
 * @param <T> a row; {@code id} gives its id
 */
public final class IdWalk<T> {

    /** The region's rows with ids after {@code after} up to {@code upTo} (inclusive), in id order, at most limit. */
    public interface Rows<T> {
        List<T> read(UUID after, UUID upTo, int limit);
    }

    /**
     * A chunk: its rows (none once the walk is over), the id the next chunk starts after (the last row's, or where the
     * chunk started when it has none) and the bound it was read under, for the next chunk.
     */
    public record Chunk<T>(List<T> rows, UUID last, UUID bound) {}

    /** The lowest and the highest id of a region's rows. */
    public record Span(UUID lowest, UUID highest) {}

    private final Rows<T> rows;
    private final Supplier<Optional<Span>> span;
    private final Function<T, UUID> id;
    private final int limit;

    /**
     * @param rows reads the rows of the region in a range of ids
     * @param span the lowest and highest id of the region now (empty when it has no rows)
     * @param id a row's id
     * @param limit rows per chunk
     */
    public IdWalk(Rows<T> rows, Supplier<Optional<Span>> span, Function<T, UUID> id, int limit) {
        this.rows = rows;
        this.span = span;
        this.id = id;
        this.limit = limit;
    }

    /** The chunk after {@code after}, under the bound the previous chunk returned (null for the walk's first chunk). */
    public Chunk<T> next(UUID after, UUID bound) {
        List<T> chunk = new ArrayList<>(limit);
        UUID from = after;
        boolean lookedNow = bound == null;
        UUID upTo = bound;
        if (lookedNow) {
            // the walk begins (or is taken up again): its rows lie in the region's span
            Span now = span.get().orElse(null);
            if (now == null) {
                return new Chunk<>(chunk, from, null);
            }
            upTo = now.highest();
            if (compareAsStored(from, now.lowest()) < 0) {
                from = before(now.lowest());
            }
        }
        while (true) {
            if (compareAsStored(from, upTo) < 0) {
                List<T> read = rows.read(from, upTo, limit - chunk.size());
                chunk.addAll(read);
                if (!read.isEmpty()) {
                    from = id.apply(read.getLast());
                }
            }
            if (chunk.size() >= limit || lookedNow) {
                break;
            }
            // short under a bound from an earlier chunk: rows the region gained since then lie above it
            lookedNow = true;
            UUID now = span.get().map(Span::highest).orElse(null);
            if (now == null || compareAsStored(now, upTo) <= 0) {
                break;
            }
            upTo = now;
        }
        return new Chunk<>(chunk, from, upTo);
    }

    /** The id just below another in PostgreSQL's order (the id itself for the lowest of all). */
    static UUID before(UUID id) {
        if (id.getLeastSignificantBits() != 0) {
            return new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits() - 1);
        }
        return id.getMostSignificantBits() != 0 ? new UUID(id.getMostSignificantBits() - 1, -1L) : id;
    }

    /** Orders ids as PostgreSQL's uuid type does: by their 16 bytes, unsigned (UUID's compareTo is signed). */
    public static int compareAsStored(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
