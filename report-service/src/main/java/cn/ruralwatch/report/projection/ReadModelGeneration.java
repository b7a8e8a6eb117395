package cn.ruralwatch.report.projection;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A number that moves on every time the read models change: figures computed at one generation stay right until it
 * moves, so they can be kept and answered again without counting anew (a county overview at hundreds of requests a
 * second). It lives in the database ({@code read_model_generation}), so that every replica sees a change any replica
 * made: a changing transaction moves it on just before it commits, holding the counter's row only for that moment.
 */
@ApplicationScoped
public class ReadModelGeneration {

    /** Marks the current transaction as changing the read models (a transaction-scoped resource). */
    private static final Object CHANGING = new Object();

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    AgroalDataSource dataSource;

    /** The generation now; read it before reading the read models. */
    public long current() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select value from read_model_generation where id = 1");
                ResultSet row = select.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("the read models' generation cannot be read", e);
        }
    }

    /** The read models change in the current transaction: the generation moves on as it commits. */
    public void changing() {
        if (transactions.getTransactionKey() == null) {
            moveOn();
            return;
        }
        if (transactions.getResource(CHANGING) == null) {
            transactions.putResource(CHANGING, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
                        return;
                    }
                    // on the transaction's own connection: the increment commits with the change
                    moveOn();
                }

                @Override
                public void afterCompletion(int status) {}
            });
        }
    }

    private void moveOn() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement next = connection.prepareStatement(
                        "update read_model_generation set value = value + 1 where id = 1")) {
            next.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the read models' generation cannot be moved on", e);
        }
    }
}
