package cn.ruralwatch.fund.benefit;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.fund.project.ProjectService;
import cn.ruralwatch.fund.projection.KnownMembers;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.IdempotencyKeys;
import cn.ruralwatch.http.NativeValues;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.http.TransactionLocks;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * 脱贫人口小额信贷: at most 5万元 for at most 3 years to a borrower aged 18 to 65 of a 脱贫户 or 监测对象, one loan in
 * force per household; its interest subsidy 贴息 is principal × annual rate × subsidy share × days of the year the loan
 * runs ÷ 360, counted to the day it is repaid (to its due date while it runs).
 */
@ApplicationScoped
@Transactional
public class MicrocreditService {

    static final BigDecimal CAP = new BigDecimal("50000.00");
    static final int LONGEST_TERM_MONTHS = 36;
    static final int YOUNGEST = 18;
    static final int OLDEST = 65;

    @Inject
    EntityManager entityManager;

    @Inject
    BenefitService benefits;

    @Inject
    KnownMembers members;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    AuditTrail audit;

    @Inject
    CallerScope scope;

    /** A loan as stored. */
    record Loan(
            UUID id,
            UUID householdId,
            String villageCode,
            UUID borrowerMemberId,
            String bank,
            String contractNumber,
            BigDecimal principal,
            BigDecimal annualRatePercent,
            BigDecimal subsidyPercent,
            LocalDate disbursedOn,
            LocalDate dueOn,
            LocalDate repaidOn,
            String purpose,
            String status,
            long version,
            String recordedBy,
            Instant recordedAt) {

        LocalDate end() {
            return repaidOn != null ? repaidOn : dueOn;
        }

        /** The subsidy of each calendar year the loan runs in. */
        Map<Integer, BigDecimal> subsidyByYear() {
            Map<Integer, BigDecimal> byYear = new TreeMap<>();
            for (int year = disbursedOn.getYear(); year <= end().getYear(); year++) {
                BigDecimal subsidy = subsidy(year);
                if (subsidy.signum() > 0) {
                    byYear.put(year, subsidy);
                }
            }
            return byYear;
        }

        BigDecimal subsidy(int year) {
            LocalDate from = disbursedOn.isAfter(LocalDate.of(year, 1, 1)) ? disbursedOn : LocalDate.of(year, 1, 1);
            LocalDate to = end().isBefore(LocalDate.of(year + 1, 1, 1)) ? end() : LocalDate.of(year + 1, 1, 1);
            long days = Math.max(0, ChronoUnit.DAYS.between(from, to));
            return principal
                    .multiply(annualRatePercent)
                    .multiply(subsidyPercent)
                    .multiply(BigDecimal.valueOf(days))
                    .divide(BigDecimal.valueOf(100L * 100 * 360), 2, RoundingMode.HALF_UP);
        }
    }

    public BenefitApi.LoanView record(BenefitApi.LoanRequest request, String idempotencyKey) {
        String id = idempotencyKeys
                .once("microcredit-loan", idempotencyKey, request, () -> insert(request)
                        .toString())
                .resourceId();
        return get(UUID.fromString(id));
    }

    private UUID insert(BenefitApi.LoanRequest request) {
        List<Violation> invalid = new ArrayList<>();
        if (request.disbursedOn().isAfter(LocalDate.now(ProjectService.CHINA))) {
            invalid.add(Violation.of("disbursedOn", "FUTURE", "project.date.future", request.disbursedOn()));
        }
        String village = benefits.householdVillage(request.householdId(), "householdId", invalid);
        Optional<KnownMembers.KnownMember> borrower =
                benefits.requireMember(request.householdId(), request.borrowerMemberId(), "borrowerMemberId", invalid);
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid);
        }
        List<Violation> broken = new ArrayList<>();
        if (request.principal().compareTo(CAP) > 0) {
            broken.add(Violation.of("principal", "ABOVE_CAP", "loan.principal.cap", CAP.toPlainString()));
        }
        if (request.termMonths() > LONGEST_TERM_MONTHS) {
            broken.add(Violation.of("termMonths", "TERM_TOO_LONG", "loan.term", LONGEST_TERM_MONTHS));
        }
        LocalDate born = borrower.orElseThrow().birthDate();
        if (born == null) {
            broken.add(Violation.of("borrowerMemberId", "AGE_UNKNOWN", "loan.age.unknown"));
        } else {
            int age = Period.between(born, request.disbursedOn()).getYears();
            if (age < YOUNGEST || age > OLDEST) {
                broken.add(Violation.of("borrowerMemberId", "AGE_OUT_OF_RANGE", "loan.age", age, YOUNGEST, OLDEST));
            }
        }
        if (!members.targetHousehold(request.householdId())) {
            broken.add(
                    Violation.of("householdId", "NOT_TARGET_HOUSEHOLD", "benefit.household.not-target", "MICROCREDIT"));
        }
        if (!broken.isEmpty()) {
            throw new ProblemException(
                    ProblemType.UNPROCESSABLE, "benefit.rules-broken", List.of(broken.size()), broken);
        }
        // one running loan per household and one record per contract, also under concurrent requests
        TransactionLocks.lock(entityManager, "microcredit:" + request.householdId());
        TransactionLocks.lock(
                entityManager,
                "microcredit-contract:" + request.bank().strip() + ":"
                        + request.contractNumber().strip());
        List<Loan> running = loans("household_id = ?1 and status = 'ACTIVE'", List.of(request.householdId()), 0, 1);
        if (!running.isEmpty()) {
            throw ProblemException.conflict(List.of(Violation.of(
                    "householdId",
                    "LOAN_OUTSTANDING",
                    "loan.outstanding",
                    running.getFirst().contractNumber())));
        }
        boolean contractTaken = !loans(
                        "bank = ?1 and contract_number = ?2",
                        List.of(request.bank().strip(), request.contractNumber().strip()),
                        0,
                        1)
                .isEmpty();
        if (contractTaken) {
            throw ProblemException.conflict(List.of(
                    Violation.of("contractNumber", "DUPLICATE", "loan.contract.duplicate", request.contractNumber())));
        }
        UUID id = UUID.randomUUID();
        LocalDate due = request.disbursedOn().plusMonths(request.termMonths());
        entityManager
                .createNativeQuery("""
                        insert into microcredit_loan (id, county_code, village_code, household_id, borrower_member_id,
                                                      bank, contract_number, principal, annual_rate_percent,
                                                      subsidy_percent, disbursed_on, due_on, purpose, status,
                                                      recorded_by, recorded_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 'ACTIVE', ?14, ?15)
                        """)
                .setParameter(1, id)
                .setParameter(2, village.substring(0, 6))
                .setParameter(3, village)
                .setParameter(4, request.householdId())
                .setParameter(5, request.borrowerMemberId())
                .setParameter(6, request.bank().strip())
                .setParameter(7, request.contractNumber().strip())
                .setParameter(8, request.principal().setScale(2))
                .setParameter(9, request.annualRatePercent().setScale(4))
                .setParameter(10, request.subsidyPercent().setScale(2))
                .setParameter(11, Date.valueOf(request.disbursedOn()))
                .setParameter(12, Date.valueOf(due))
                .setParameter(13, request.purpose())
                .setParameter(14, scope.subject())
                .setParameter(15, Timestamp.from(Instant.now()))
                .executeUpdate();
        audit.changed(
                AuditAction.CREATE,
                "microcredit-loan",
                id.toString(),
                village,
                List.of(
                        AuditedChange.created("householdId", request.householdId()),
                        AuditedChange.created(
                                "principal", request.principal().setScale(2).toPlainString()),
                        AuditedChange.created("disbursedOn", request.disbursedOn()),
                        AuditedChange.created("dueOn", due)));
        for (int year = request.disbursedOn().getYear(); year <= due.getYear(); year++) {
            benefits.publishTotals(request.householdId(), village, year);
        }
        return id;
    }

    /** Records that a loan was repaid: its subsidy stops that day, and the years it no longer runs in are totalled anew. */
    public BenefitApi.LoanView repay(UUID id, String ifMatch, BenefitApi.Repayment repayment) {
        Loan loan = find(id);
        EntityTags.requireMatch(ifMatch, loan.version());
        if (!"ACTIVE".equals(loan.status())) {
            throw ProblemException.conflict("loan.repaid", loan.contractNumber(), loan.repaidOn());
        }
        List<Violation> invalid = new ArrayList<>();
        if (repayment.repaidOn().isAfter(LocalDate.now(ProjectService.CHINA))) {
            invalid.add(Violation.of("repaidOn", "FUTURE", "project.date.future", repayment.repaidOn()));
        }
        if (!repayment.repaidOn().isAfter(loan.disbursedOn())) {
            invalid.add(Violation.of("repaidOn", "BEFORE_DISBURSEMENT", "loan.repaid.before", loan.disbursedOn()));
        }
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid);
        }
        int updated = entityManager
                .createNativeQuery("""
                        update microcredit_loan set repaid_on = ?2, status = 'REPAID', version = version + 1
                        where id = ?1 and version = ?3
                        """)
                .setParameter(1, id)
                .setParameter(2, Date.valueOf(repayment.repaidOn()))
                .setParameter(3, loan.version())
                .executeUpdate();
        if (updated == 0) {
            // repaid by another request since it was read (also under If-Match: *, which matches any version): the
            // second repayment changes nothing, and its audit entry and totals must not be written either
            Loan current = find(id);
            throw ProblemException.conflict("loan.repaid", current.contractNumber(), current.repaidOn());
        }
        audit.changed(
                AuditAction.UPDATE,
                "microcredit-loan",
                id.toString(),
                loan.villageCode(),
                List.of(
                        AuditedChange.changed("status", "ACTIVE", "REPAID"),
                        AuditedChange.changed("repaidOn", null, repayment.repaidOn())));
        for (int year = loan.disbursedOn().getYear(); year <= loan.dueOn().getYear(); year++) {
            benefits.publishTotals(loan.householdId(), loan.villageCode(), year);
        }
        return get(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BenefitApi.LoanView get(UUID id) {
        return view(find(id));
    }

    private Loan find(UUID id) {
        List<Loan> found = loans("id = ?1", List.of(id), 0, 1);
        if (found.isEmpty() || !scope.covers(found.getFirst().villageCode())) {
            throw ProblemException.notFound("loan.not-found", id);
        }
        return found.getFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<BenefitApi.LoanView> list(String division, UUID householdId, PageRequest page) {
        String prefix = scope.narrow(division)
                .orElseThrow(() -> ProblemException.notFound("fund.division.not-found", division));
        String where = "village_code like ?1" + (householdId == null ? "" : " and household_id = ?2");
        List<Object> parameters = householdId == null ? List.of(prefix + "%") : List.of(prefix + "%", householdId);
        var count = entityManager.createNativeQuery("select count(*) from microcredit_loan where " + where);
        NativeValues.bind(parameters, count);
        return page.page(
                loans(where, parameters, page.offset(), page.size()).stream()
                        .map(MicrocreditService::view)
                        .toList(),
                ((Number) count.getSingleResult()).longValue());
    }

    /** The interest subsidy in a year of the loans of each household of {@code ids} (see {@link #uuidArray}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    Map<UUID, BigDecimal> interestSubsidies(String ids, int year) {
        Map<UUID, BigDecimal> subsidies = new HashMap<>();
        for (Loan loan : loans("household_id = any(cast(?1 as uuid[]))", List.of(ids), 0, Integer.MAX_VALUE)) {
            subsidies.merge(loan.householdId(), loan.subsidy(year), BigDecimal::add);
        }
        return subsidies;
    }

    /** Household ids as a PostgreSQL array literal, bound as one parameter and read with {@code cast(? as uuid[])}. */
    static String uuidArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private List<Loan> loans(String where, List<Object> parameters, int offset, int limit) {
        var select = entityManager.createNativeQuery("""
                select id, household_id, village_code, borrower_member_id, bank, contract_number, principal,
                       annual_rate_percent, subsidy_percent, disbursed_on, due_on, repaid_on, purpose, status, version,
                       recorded_by, recorded_at
                from microcredit_loan where\s""" + where + " order by disbursed_on, id");
        NativeValues.bind(parameters, select);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.setFirstResult(offset).setMaxResults(limit).getResultList();
        return rows.stream()
                .map(r -> new Loan(
                        (UUID) r[0],
                        (UUID) r[1],
                        (String) r[2],
                        (UUID) r[3],
                        (String) r[4],
                        (String) r[5],
                        (BigDecimal) r[6],
                        (BigDecimal) r[7],
                        (BigDecimal) r[8],
                        NativeValues.date(r[9]),
                        NativeValues.date(r[10]),
                        NativeValues.date(r[11]),
                        (String) r[12],
                        (String) r[13],
                        ((Number) r[14]).longValue(),
                        (String) r[15],
                        NativeValues.instant(r[16])))
                .toList();
    }

    private static BenefitApi.LoanView view(Loan loan) {
        Map<Integer, BigDecimal> byYear = loan.subsidyByYear();
        return new BenefitApi.LoanView(
                loan.id(),
                loan.householdId(),
                loan.villageCode(),
                loan.borrowerMemberId(),
                loan.bank(),
                loan.contractNumber(),
                loan.principal(),
                loan.annualRatePercent(),
                loan.subsidyPercent(),
                loan.disbursedOn(),
                loan.dueOn(),
                loan.repaidOn(),
                loan.purpose(),
                loan.status(),
                byYear,
                byYear.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
                loan.version(),
                loan.recordedBy(),
                loan.recordedAt());
    }
}
