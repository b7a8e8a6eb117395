package cn.ruralwatch.sql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.jpa.event.spi.CallbackRegistry;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.EntityIdentifierMapping;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.metamodel.mapping.ValuedModelPart;
import org.hibernate.persister.entity.EntityPersister;

/**
 * New entities written by COPY ({@link CopyRows}) through Hibernate's own mapping of their class, for a bulk job that
 * registers thousands in a transaction: the table and columns Hibernate inserts, each value as Hibernate binds it (an
 * attribute converter applied, an enum by name or by ordinal as mapped, a to-one association as its key), the
 * entity's {@code @PrePersist} callbacks called first, and the rows of its element collections written to their
 * tables. The mapping stays the one statement of what an entity's row holds.
 *
 * <p>What persist does besides is not done: the entities are not managed afterwards (the persistence context neither
 * holds nor flushes them), identifiers and versions are written as set (no generator runs), associations are not
 * cascaded (give the associated entities in their own call, parents first) and no lifecycle event but
 * {@code @PrePersist} fires (neither does bean validation at insert). A class mapped to more than one table, or a
 * collection other than an element collection without an index, is refused. A constraint broken by a row fails the
 * transaction, as a flush would.
 */
@ApplicationScoped
public class EntityRows {

    @Inject
    EntityManager entityManager;

    /** What each class's rows hold, read from the mapping once. */
    private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

    /** Writes the entities' rows and their element collections' rows in the caller's transaction. */
    public <T> void insert(Class<T> type, Collection<? extends T> entities) {
        if (entities.isEmpty()) {
            return;
        }
        SharedSessionContractImplementor session = entityManager.unwrap(SharedSessionContractImplementor.class);
        SessionFactoryImplementor factory = session.getFactory();
        Shape shape = shapes.computeIfAbsent(type, t -> shape(factory, t));
        List<Object[]> rows = new ArrayList<>(entities.size());
        List<List<Object[]>> collectionRows = new ArrayList<>();
        shape.collections().forEach(c -> collectionRows.add(new ArrayList<>()));
        CallbackRegistry callbacks = factory.getEventEngine().getCallbackRegistry();
        for (T entity : entities) {
            callbacks.preCreate(entity);
            Object id = shape.persister().getIdentifier(entity, session);
            Object[] state = shape.persister().getValues(entity);
            Values row = new Values(shape.columns().size());
            shape.persister().getIdentifierMapping().decompose(id, row, session);
            for (AttributeMapping attribute : shape.attributes()) {
                attribute.decompose(state[attribute.getStateArrayPosition()], row, session);
            }
            rows.add(row.values());
            for (int c = 0; c < shape.collections().size(); c++) {
                CollectionShape collection = shape.collections().get(c);
                Object elements = state[collection.attribute().getStateArrayPosition()];
                if (elements == null) {
                    continue;
                }
                for (Object element : (Collection<?>) elements) {
                    if (element == null) {
                        continue; // Hibernate writes no row for a null element either
                    }
                    Values elementRow = new Values(collection.columns().size());
                    collection.key().decompose(id, elementRow, session);
                    collection.attribute().getElementDescriptor().decompose(element, elementRow, session);
                    collectionRows.get(c).add(elementRow.values());
                }
            }
        }
        session.unwrap(Session.class).doWork(connection -> {
            CopyRows.copy(connection, shape.table(), shape.columns(), rows);
            for (int c = 0; c < shape.collections().size(); c++) {
                CollectionShape collection = shape.collections().get(c);
                CopyRows.copy(connection, collection.table(), collection.columns(), collectionRows.get(c));
            }
        });
    }

    /** What a class's rows hold: its table, its insertable columns in the order written, and its collections. */
    private record Shape(
            EntityPersister persister,
            String table,
            List<String> columns,
            List<AttributeMapping> attributes,
            List<CollectionShape> collections) {}

    private record CollectionShape(
            PluralAttributeMapping attribute, ValuedModelPart key, String table, List<String> columns) {}

    private static Shape shape(SessionFactoryImplementor factory, Class<?> type) {
        EntityPersister persister = factory.getMappingMetamodel().getEntityDescriptor(type);
        if (persister.getSuperMappingType() != null || persister.hasSubclasses()) {
            throw new IllegalArgumentException(type.getName() + " is part of a class hierarchy: not written by COPY");
        }
        String table = persister.getIdentifierTableDetails().getTableName();
        List<String> columns = new ArrayList<>();
        EntityIdentifierMapping identifier = persister.getIdentifierMapping();
        columnsOf(identifier, table, columns);
        List<AttributeMapping> attributes = new ArrayList<>();
        List<CollectionShape> collections = new ArrayList<>();
        for (int a = 0; a < persister.getNumberOfAttributeMappings(); a++) {
            AttributeMapping attribute = persister.getAttributeMapping(a);
            if (attribute instanceof PluralAttributeMapping plural) {
                if (plural.getCollectionDescriptor().isInverse()) {
                    continue; // rows of the other side's entity: written with that entity
                }
                if (plural.getCollectionDescriptor().isOneToMany()
                        || plural.getCollectionDescriptor().isManyToMany()
                        || plural.getIndexDescriptor() != null
                        || plural.getIdentifierDescriptor() != null
                        // the key written is the owner's identifier, not another of its columns
                        || !(plural.getKeyDescriptor().getTargetPart() instanceof EntityIdentifierMapping)) {
                    throw new IllegalArgumentException(type.getName() + "." + attribute.getAttributeName()
                            + " is not an element collection without an index, keyed by its owner's identifier:"
                            + " not written by COPY");
                }
                String collectionTable = plural.getCollectionDescriptor().getTableName();
                List<String> collectionColumns = new ArrayList<>();
                ValuedModelPart key = plural.getKeyDescriptor().getKeyPart();
                columnsOf(key, collectionTable, collectionColumns);
                columnsOf(plural.getElementDescriptor(), collectionTable, collectionColumns);
                collections.add(new CollectionShape(plural, key, collectionTable, List.copyOf(collectionColumns)));
            } else {
                attributes.add(attribute);
                columnsOf(attribute, table, columns);
            }
        }
        return new Shape(persister, table, List.copyOf(columns), List.copyOf(attributes), List.copyOf(collections));
    }

    private static void columnsOf(ModelPart part, String table, List<String> columns) {
        part.forEachSelectable((index, selectable) -> {
            if (written(selectable)) {
                if (!table.equals(selectable.getContainingTableExpression())) {
                    throw new IllegalArgumentException(selectable.getSelectionExpression() + " is a column of "
                            + selectable.getContainingTableExpression() + ", not of " + table
                            + ": not written by COPY");
                }
                columns.add(selectable.getSelectionExpression());
            }
        });
    }

    private static boolean written(SelectableMapping selectable) {
        return selectable.isInsertable() && !selectable.isFormula();
    }

    /** The values of a row as Hibernate decomposes them, each as the column takes it. */
    private static final class Values implements ModelPart.JdbcValueConsumer {
        private final Object[] values;
        private int next;

        Values(int width) {
            values = new Object[width];
        }

        @Override
        public void consume(int valueIndex, Object value, SelectableMapping selectable) {
            if (written(selectable)) {
                values[next++] = columnValue(value, selectable.getJdbcMapping());
            }
        }

        Object[] values() {
            if (next != values.length) {
                throw new IllegalStateException(next + " values decomposed for " + values.length + " columns");
            }
            return values;
        }
    }

    /** An enum by name into a text column, by ordinal into a number column, as Hibernate binds it. */
    private static Object columnValue(Object value, JdbcMapping mapping) {
        if (value instanceof Enum<?> constant) {
            return mapping.getJdbcType().isInteger() ? constant.ordinal() : constant.name();
        }
        if (value instanceof Character character) {
            return character.toString();
        }
        return value;
    }
}
