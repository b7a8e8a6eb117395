package cn.ruralwatch.indicator.rules;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The values of one struct of the rule model ({@link RuleModel}) as the map CEL reads a struct's fields from: the field
 * names and their places belong to the struct ({@link Shape}) and are shared by all its values; a value holds an array.
 * A household and each of its members are built anew for every standard that judges them: as hash maps of thirty
 * entries they were a tenth of what judging a household allocated. Only the struct's fields can be given a value.
 */
final class FieldValues extends AbstractMap<String, Object> {

    /** The fields of one struct, each with its place. */
    static final class Shape {

        private final String name;
        private final String[] fields;
        private final Map<String, Integer> places;

        Shape(String name, Collection<String> fields) {
            if (fields.size() > Long.SIZE) {
                throw new IllegalArgumentException(name + " has more than " + Long.SIZE + " fields");
            }
            this.name = name;
            this.fields = fields.stream().sorted().toArray(String[]::new);
            Map<String, Integer> places = HashMap.newHashMap(this.fields.length);
            for (int i = 0; i < this.fields.length; i++) {
                places.put(this.fields[i], i);
            }
            this.places = Map.copyOf(places);
        }

        /** A value of the struct with no field given yet. */
        FieldValues values() {
            return new FieldValues(this);
        }
    }

    private final Shape shape;
    private final Object[] values;

    /** The fields given a value, one bit each by place. */
    private long given;

    private FieldValues(Shape shape) {
        this.shape = shape;
        this.values = new Object[shape.fields.length];
    }

    @Override
    public Object put(String field, Object value) {
        Integer place = shape.places.get(field);
        if (place == null) {
            throw new IllegalArgumentException(field + " is not a field of " + shape.name);
        }
        Object before = values[place];
        values[place] = value;
        given |= 1L << place;
        return before;
    }

    @Override
    public Object get(Object field) {
        Integer place = shape.places.get(field);
        return place == null ? null : values[place];
    }

    @Override
    public boolean containsKey(Object field) {
        Integer place = shape.places.get(field);
        return place != null && (given & (1L << place)) != 0;
    }

    @Override
    public int size() {
        return Long.bitCount(given);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private long left = given;

                    @Override
                    public boolean hasNext() {
                        return left != 0;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (left == 0) {
                            throw new NoSuchElementException();
                        }
                        int place = Long.numberOfTrailingZeros(left);
                        left &= left - 1;
                        return new SimpleImmutableEntry<>(shape.fields[place], values[place]);
                    }
                };
            }

            @Override
            public int size() {
                return FieldValues.this.size();
            }
        };
    }
}
