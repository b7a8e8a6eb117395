package cn.ruralwatch.fund.benefit;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.sql.Statement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Microcredit loans ({@code microcredit_loan}). */
@ApplicationScoped
class MicrocreditRepository {

    private static final String LOAN = """
            select id, household_id, village_code, borrower_member_id, bank, contract_number, principal,
                   annual_rate_percent, subsidy_percent, disbursed_on, due_on, repaid_on, purpose, status, version,
                   recorded_by, recorded_at
            from microcredit_loan
            """;

    @Inject
    Sql sql;

    Optional<MicrocreditLoan> find(UUID id) {
        return sql.query(LOAN + " where id = :id").bind("id", id).first(MicrocreditLoan.class);
    }

    /** The household's loan in force, if it has one. */
    Optional<MicrocreditLoan> running(UUID householdId) {
        return sql.query(LOAN + " where household_id = :household and status = 'ACTIVE' order by disbursed_on, id")
                .bind("household", householdId)
                .first(MicrocreditLoan.class);
    }

    /** The loan recorded under a bank's contract number, if any. */
    Optional<MicrocreditLoan> ofContract(String bank, String contractNumber) {
        return sql.query(LOAN + " where bank = :bank and contract_number = :contract order by disbursed_on, id")
                .bind("bank", bank)
                .bind("contract", contractNumber)
                .first(MicrocreditLoan.class);
    }

    /** The loans of the households within a division (by code prefix), or of one household, oldest first. */
    Page<MicrocreditLoan> page(String divisionPrefix, UUID householdId, PageRequest page) {
        Statement select = sql.query(LOAN + " where village_code like :prefix"
                        + (householdId == null ? "" : " and household_id = :household")
                        + " order by disbursed_on, id")
                .bind("prefix", divisionPrefix + "%");
        if (householdId != null) {
            select.bind("household", householdId);
        }
        return select.page(MicrocreditLoan.class, page);
    }

    /** The loans of the households given as a PostgreSQL array literal ({@link MicrocreditService#uuidArray}). */
    List<MicrocreditLoan> ofHouseholds(String householdIds) {
        return sql.query(LOAN + " where household_id = any(cast(:households as uuid[])) order by disbursed_on, id")
                .bind("households", householdIds)
                .list(MicrocreditLoan.class);
    }

    void insert(MicrocreditLoan loan) {
        sql.query("""
                        insert into microcredit_loan (id, county_code, village_code, household_id, borrower_member_id,
                                                      bank, contract_number, principal, annual_rate_percent,
                                                      subsidy_percent, disbursed_on, due_on, purpose, status,
                                                      recorded_by, recorded_at)
                        values (:id, :county, :village, :household, :borrower, :bank, :contract, :principal, :rate,
                                :subsidy, :disbursedOn, :dueOn, :purpose, :status, :recordedBy, :recordedAt)
                        """)
                .bind("id", loan.id())
                .bind("county", loan.villageCode().substring(0, 6))
                .bind("village", loan.villageCode())
                .bind("household", loan.householdId())
                .bind("borrower", loan.borrowerMemberId())
                .bind("bank", loan.bank())
                .bind("contract", loan.contractNumber())
                .bind("principal", loan.principal())
                .bind("rate", loan.annualRatePercent())
                .bind("subsidy", loan.subsidyPercent())
                .bind("disbursedOn", Date.valueOf(loan.disbursedOn()))
                .bind("dueOn", Date.valueOf(loan.dueOn()))
                .bind("purpose", loan.purpose())
                .bind("status", loan.status())
                .bind("recordedBy", loan.recordedBy())
                .bind("recordedAt", Timestamp.from(loan.recordedAt()))
                .execute();
    }

    /** Marks the loan of {@code version} repaid; 0 when it has changed since (or is gone). */
    int repay(UUID id, LocalDate repaidOn, long version) {
        return sql.query("""
                        update microcredit_loan set repaid_on = :repaidOn, status = 'REPAID', version = version + 1
                        where id = :id and version = :version
                        """)
                .bind("id", id)
                .bind("repaidOn", Date.valueOf(repaidOn))
                .bind("version", version)
                .execute();
    }
}
