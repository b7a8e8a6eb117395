package cn.ruralwatch.http;

import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated {@code page}/{@code size} pair: page from 0, size 1–500, default 20. Any page past the end of a list is
 * empty, however far: the offset of a page no list reaches (beyond 2^31 − 1 rows) stands at the largest one a query
 * takes, instead of overflowing to a negative number.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 500;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        List<Violation> violations = new ArrayList<>();
        if (p < 0) {
            violations.add(Violation.of("page", "MIN", "problem.page.invalid", MAX_SIZE));
        }
        if (s < 1 || s > MAX_SIZE) {
            violations.add(Violation.of("size", "RANGE", "problem.page.invalid", MAX_SIZE));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return new PageRequest(p, s);
    }

    /** The rows before this page, for {@code setFirstResult} and {@code offset} alike: never negative. */
    public int offset() {
        return (int) Math.min((long) page * size, Integer.MAX_VALUE);
    }

    public <T> Page<T> page(List<T> items, long totalItems) {
        return new Page<>(items, page, size, totalItems);
    }
}
