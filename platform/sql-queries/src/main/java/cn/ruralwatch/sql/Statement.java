package cn.ruralwatch.sql;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One native SQL statement and its parameters. Rows are read into records by column name ({@link RowMapper}); a
 * statement is built, bound and run once.
 */
public final class Statement {

    private final EntityManager entityManager;
    private final String text;
    private final Map<String, Object> named = new LinkedHashMap<>();
    private final Map<Integer, Object> numbered = new LinkedHashMap<>();
    private FlushModeType flushMode;

    Statement(EntityManager entityManager, String text) {
        this.entityManager = entityManager;
        this.text = text;
    }

    /** Binds {@code :name}. A null value has no SQL type a driver can infer: bind a typed empty value instead. */
    public Statement bind(String name, Object value) {
        named.put(name, value);
        return this;
    }

    /**
     * Marks a statement that reads and writes only tables no entity is mapped to (a background job's own row), so that
     * it runs without flushing the session first. Before any native statement Hibernate otherwise checks every entity
     * the session manages for changes to write, which for a chunk of an import (thousands of households, members and
     * incomes, already written) costs more than the statement.
     */
    public Statement apartFromEntities() {
        flushMode = FlushModeType.COMMIT;
        return this;
    }

    /** Binds {@code ?1}, {@code ?2}… to the values in order. */
    public Statement bindAll(List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            numbered.put(i + 1, values.get(i));
        }
        return this;
    }

    /** Every row, as records of {@code type}. */
    public <R extends Record> List<R> list(Class<R> type) {
        return rows(tupleQuery(text)).stream()
                .map(row -> RowMapper.read(type, row))
                .toList();
    }

    /** The rows as a stream read as it is consumed (for exports); close it, as any stream over a result set. */
    public <R extends Record> Stream<R> stream(Class<R> type) {
        @SuppressWarnings("unchecked")
        Stream<Tuple> rows = tupleQuery(text).getResultStream();
        return rows.map(row -> RowMapper.read(type, row));
    }

    /** The first row, if there is one. */
    public <R extends Record> Optional<R> first(Class<R> type) {
        return rows(atMostOne(tupleQuery(text))).stream().findFirst().map(row -> RowMapper.read(type, row));
    }

    /**
     * One page of the rows, with the number of all of them: the statement orders its rows so that pages do not
     * overlap, and has no {@code limit} of its own.
     */
    public <R extends Record> Page<R> page(Class<R> type, PageRequest page) {
        long total = ((Number) bound(entityManager.createNativeQuery("select count(*) from (" + text + ") counted"))
                        .getSingleResult())
                .longValue();
        if (total == 0 || page.offset() >= total) {
            return page.page(List.of(), total);
        }
        List<R> items = rows(tupleQuery(text).setFirstResult(page.offset()).setMaxResults(page.size())).stream()
                .map(row -> RowMapper.read(type, row))
                .toList();
        return page.page(items, total);
    }

    /** The first column of the first row (a count, a sum, an id), converted to {@code type}; empty without a row. */
    public <T> Optional<T> value(Class<T> type) {
        @SuppressWarnings("unchecked")
        List<Object> rows =
                atMostOne(bound(entityManager.createNativeQuery(text))).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object first = rows.getFirst() instanceof Object[] columns ? columns[0] : rows.getFirst();
        return Optional.ofNullable(RowMapper.convert(type, first, "first column"));
    }

    /** The first column of the first row as a number: for {@code count(*)} and sums that are never null. */
    public long count() {
        return value(Long.class).orElse(0L);
    }

    /** The first column of every row. */
    public <T> List<T> column(Class<T> type) {
        @SuppressWarnings("unchecked")
        List<Object> rows = bound(entityManager.createNativeQuery(text)).getResultList();
        return rows.stream()
                .map(row -> row instanceof Object[] columns ? columns[0] : row)
                .map(value -> RowMapper.convert(type, value, "first column"))
                .toList();
    }

    /** Runs an insert, update or delete; the number of rows it changed. */
    public int execute() {
        return bound(entityManager.createNativeQuery(text)).executeUpdate();
    }

    /**
     * The query limited to one row: a select without a limit of its own (the two do not combine), never an insert,
     * update or delete whose returned rows are read.
     */
    private Query atMostOne(Query query) {
        return READS.matcher(text).find() && !LIMITED.matcher(text).find() ? query.setMaxResults(1) : query;
    }

    private static final Pattern READS = Pattern.compile("(?i)^\\s*(select|with)\\b");
    private static final Pattern LIMITED = Pattern.compile("(?i)\\blimit\\s+\\S+\\s*$");

    private Query tupleQuery(String sql) {
        return bound(entityManager.createNativeQuery(sql, Tuple.class));
    }

    @SuppressWarnings("unchecked")
    private static List<Tuple> rows(Query query) {
        return query.getResultList();
    }

    private Query bound(Query query) {
        if (flushMode != null) {
            query.setFlushMode(flushMode);
        }
        named.forEach(query::setParameter);
        numbered.forEach(query::setParameter);
        return query;
    }
}
