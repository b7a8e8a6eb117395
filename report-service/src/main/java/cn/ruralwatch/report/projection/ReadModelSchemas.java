package cn.ruralwatch.report.projection;

import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The schemas a rebuild works with, each statement in the caller's transaction: the read models filled aside in
 * {@value ReadModelRebuild#ASIDE}, the current ones in {@code public}, and those replaced, in
 * {@value ReadModelRebuild#RETIRED} for the moment of the swap.
 */
@ApplicationScoped
class ReadModelSchemas {

    @Inject
    Sql sql;

    /** Empty copies of the read models aside, after dropping whatever an earlier rebuild left aside or retired. */
    void prepareAside(List<String> tables) {
        dropAside();
        dropRetired();
        sql.query("create schema " + ReadModelRebuild.ASIDE).execute();
        for (String table : tables) {
            sql.query("create table " + ReadModelRebuild.ASIDE + "." + table + " (like public." + table
                            + " including all)")
                    .execute();
        }
    }

    /** The current transaction reads and writes the read models aside (everything else as usual). */
    void useAside() {
        sql.query("set local search_path = " + ReadModelRebuild.ASIDE + ", public")
                .execute();
    }

    /** Locks the current read models against every reader and writer until the transaction ends. */
    void lockCurrent(List<String> tables) {
        sql.query("lock table "
                        + String.join(
                                ", ", tables.stream().map(t -> "public." + t).toList())
                        + " in access exclusive mode")
                .execute();
    }

    /** The read models aside take the current ones' place; those go into retirement. */
    void swap(List<String> tables) {
        sql.query("create schema " + ReadModelRebuild.RETIRED).execute();
        for (String table : tables) {
            sql.query("alter table public." + table + " set schema " + ReadModelRebuild.RETIRED)
                    .execute();
            sql.query("alter table " + ReadModelRebuild.ASIDE + "." + table + " set schema public")
                    .execute();
        }
        sql.query("drop schema " + ReadModelRebuild.ASIDE).execute();
    }

    void dropAside() {
        sql.query("drop schema if exists " + ReadModelRebuild.ASIDE + " cascade")
                .execute();
    }

    void dropRetired() {
        sql.query("drop schema if exists " + ReadModelRebuild.RETIRED + " cascade")
                .execute();
    }

    /** Runs work inside the current transaction so that its failure undoes only its own writes. */
    void savepoint(Runnable work) {
        sql.query("savepoint rebuild_event").execute();
        try {
            work.run();
            sql.query("release savepoint rebuild_event").execute();
        } catch (RuntimeException failure) {
            sql.query("rollback to savepoint rebuild_event").execute();
            throw failure;
        }
    }
}
