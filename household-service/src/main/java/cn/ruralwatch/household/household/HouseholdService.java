package cn.ruralwatch.household.household;

import cn.ruralwatch.http.IdempotencyKeys;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.time.ChinaTime;
import com.github.f4b6a3.uuid.UuidCreator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Registers households with their members: checks the registration and builds the new household. */
@ApplicationScoped
@Transactional
public class HouseholdService {

    static final String AGGREGATE = "household";

    @Inject
    Villages villages;

    @Inject
    PersonalNumbers numbers;

    @Inject
    Households households;

    @Inject
    Clock clock;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    HouseholdChangeRecorder recorder;

    @Inject
    Residences residences;

    public Household register(HouseholdApi.Registration request, String idempotencyKey) {
        String id = idempotencyKeys
                .once("household", idempotencyKey, request, () -> create(request)
                        .id
                        .toString())
                .resourceId();
        return households.get(UUID.fromString(id));
    }

    private Household create(HouseholdApi.Registration request) {
        List<Violation> violations = violations(request);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        residences.requireNotRegistered(request.members(), "members", null);
        Household household = build(request, clock.instant());
        recorder.registered(household, HouseholdChangeRecorder.Operation.REGISTER, null);
        return household;
    }

    /**
     * A new household from a registration that has no {@link #violations}, not yet stored: its ID numbers encrypted
     * and hashed, its members joined by registration today.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Household build(HouseholdApi.Registration request, Instant registeredAt) {
        Household household = new Household();
        household.id = UuidCreator.getTimeOrderedEpoch();
        household.villageCode = request.villageCode();
        household.registeredAt = registeredAt;
        HouseholdMapper.apply(request.attributes(), household);
        numbers.seal(request.attributes(), household);
        HouseholdMapper.apply(request.monitoring(), household);
        LocalDate registeredOn = LocalDate.ofInstant(registeredAt, ChinaTime.ZONE);
        for (HouseholdApi.MemberRegistration m : request.members()) {
            if (m.leftBeforeRegistration()) {
                // recorded with the household, gone before it was registered: when it joined is not known
                Member member = numbers.newMember(m, MemberChange.REGISTRATION, null);
                household.addMember(member);
                member.leave(m.leftBy(), m.leftOn());
            } else {
                household.addMember(numbers.newMember(m, MemberChange.REGISTRATION, registeredOn));
            }
        }
        if (request.incomes() != null) {
            request.incomes().forEach(income -> HouseholdMapper.apply(income, household, registeredOn));
        }
        return household;
    }

    /**
     * What is wrong with a registration (already valid as a document) short of its people living elsewhere: a village
     * outside the caller's region, ID numbers with a wrong check digit or disagreeing with the sex or birth date given,
     * the same person twice, the same year's incomes twice. Empty when there is nothing.
     */
    public List<Violation> violations(HouseholdApi.Registration request) {
        List<Violation> violations = new ArrayList<>();
        villages.check(request.villageCode(), "villageCode", violations);
        violations.addAll(documentViolations(request));
        return violations;
    }

    /**
     * What is wrong with a registration that the document itself shows, without look-ups: all of {@link #violations}
     * but the village. Needs neither a transaction nor the caller (an import checks its next households with it while
     * the current ones are stored).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Violation> documentViolations(HouseholdApi.Registration request) {
        LocalDate today = ChinaTime.today(clock);
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < request.members().size(); i++) {
            HouseholdApi.MemberRegistration member = request.members().get(i);
            String prefix = "members[" + i + "].";
            HouseholdRules.checkLeftBeforeRegistration(member, prefix, today, violations);
            if (HouseholdRules.checkIdNumber(member, prefix, violations, today)) {
                Integer first = seen.putIfAbsent(IdNumbers.normalize(member.idNumber()), i);
                if (first != null) {
                    violations.add(
                            Violation.of(prefix + "idNumber", "DUPLICATE", "household.id-number.duplicate", first));
                }
            }
        }
        HouseholdRules.checkMonitoringDates(request.monitoring(), violations);
        if (request.incomes() != null) {
            Set<Integer> years = new HashSet<>();
            for (int i = 0; i < request.incomes().size(); i++) {
                HouseholdApi.IncomeRecord income = request.incomes().get(i);
                if (!years.add(income.year())) {
                    violations.add(Violation.of(
                            "incomes[" + i + "].year", "DUPLICATE", "household.income.duplicate-year", income.year()));
                }
                HouseholdRules.checkAssessedOn(income, "incomes[" + i + "].assessedOn", today, violations);
            }
        }
        return violations;
    }
}
