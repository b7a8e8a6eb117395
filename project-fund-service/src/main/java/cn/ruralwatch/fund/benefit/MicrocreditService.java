package cn.ruralwatch.fund.benefit;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.fund.projection.KnownMembers;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.IdempotencyKeys;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.http.TransactionLocks;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.time.ChinaTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    MicrocreditRepository loans;

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

    public BenefitApi.LoanView record(BenefitApi.LoanRequest request, String idempotencyKey) {
        String id = idempotencyKeys
                .once("microcredit-loan", idempotencyKey, request, () -> insert(request)
                        .toString())
                .resourceId();
        return get(UUID.fromString(id));
    }

    private UUID insert(BenefitApi.LoanRequest request) {
        List<Violation> invalid = new ArrayList<>();
        if (request.disbursedOn().isAfter(ChinaTime.today(clock))) {
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
        Optional<MicrocreditLoan> running = loans.running(request.householdId());
        if (running.isPresent()) {
            throw ProblemException.conflict(List.of(Violation.of(
                    "householdId",
                    "LOAN_OUTSTANDING",
                    "loan.outstanding",
                    running.get().contractNumber())));
        }
        if (loans.ofContract(request.bank().strip(), request.contractNumber().strip())
                .isPresent()) {
            throw ProblemException.conflict(List.of(
                    Violation.of("contractNumber", "DUPLICATE", "loan.contract.duplicate", request.contractNumber())));
        }
        UUID id = UUID.randomUUID();
        LocalDate due = request.disbursedOn().plusMonths(request.termMonths());
        loans.insert(new MicrocreditLoan(
                id,
                request.householdId(),
                village,
                request.borrowerMemberId(),
                request.bank().strip(),
                request.contractNumber().strip(),
                request.principal().setScale(2),
                request.annualRatePercent().setScale(4),
                request.subsidyPercent().setScale(2),
                request.disbursedOn(),
                due,
                null,
                request.purpose(),
                "ACTIVE",
                0,
                scope.subject(),
                clock.instant()));
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
        MicrocreditLoan loan = find(id);
        EntityTags.requireMatch(ifMatch, loan.version());
        if (!"ACTIVE".equals(loan.status())) {
            throw ProblemException.conflict("loan.repaid", loan.contractNumber(), loan.repaidOn());
        }
        List<Violation> invalid = new ArrayList<>();
        if (repayment.repaidOn().isAfter(ChinaTime.today(clock))) {
            invalid.add(Violation.of("repaidOn", "FUTURE", "project.date.future", repayment.repaidOn()));
        }
        if (!repayment.repaidOn().isAfter(loan.disbursedOn())) {
            invalid.add(Violation.of("repaidOn", "BEFORE_DISBURSEMENT", "loan.repaid.before", loan.disbursedOn()));
        }
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid);
        }
        int updated = loans.repay(id, repayment.repaidOn(), loan.version());
        if (updated == 0) {
            // repaid by another request since it was read (also under If-Match: *, which matches any version): the
            // second repayment changes nothing, and its audit entry and totals must not be written either
            MicrocreditLoan current = find(id);
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

    private MicrocreditLoan find(UUID id) {
        return loans.find(id)
                .filter(loan -> scope.covers(loan.villageCode()))
                .orElseThrow(() -> ProblemException.notFound("loan.not-found", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<BenefitApi.LoanView> list(String division, UUID householdId, PageRequest page) {
        String prefix = scope.narrow(division)
                .orElseThrow(() -> ProblemException.notFound("fund.division.not-found", division));
        return loans.page(prefix, householdId, page).map(MicrocreditService::view);
    }

    /** The interest subsidy in a year of the loans of each household of {@code ids} (see {@link #uuidArray}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    Map<UUID, BigDecimal> interestSubsidies(String ids, int year) {
        Map<UUID, BigDecimal> subsidies = new HashMap<>();
        for (MicrocreditLoan loan : loans.ofHouseholds(ids)) {
            subsidies.merge(loan.householdId(), loan.subsidy(year), BigDecimal::add);
        }
        return subsidies;
    }

    /** Household ids as a PostgreSQL array literal, bound as one parameter and read with {@code cast(? as uuid[])}. */
    static String uuidArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static BenefitApi.LoanView view(MicrocreditLoan loan) {
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
