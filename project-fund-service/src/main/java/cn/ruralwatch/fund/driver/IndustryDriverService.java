package cn.ruralwatch.fund.driver;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.directory.HouseholdDirectory;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.http.TransactionLocks;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 带动主体: the new agricultural operators and the 创业致富带头人 of a region, and the households each drives. A driver
 * belongs to a township or village of the caller's region; the households it covers are households the suite knows in
 * the caller's region.
 */
@ApplicationScoped
@Transactional
public class IndustryDriverService {

    @Inject
    IndustryDriverRepository repository;

    @Inject
    HouseholdDirectory directory;

    @Inject
    CallerScope scope;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    public IndustryDriverApi.View register(IndustryDriverApi.Registration request) {
        boolean known = scope.covers(request.divisionCode())
                && directory.division(request.divisionCode()).isPresent();
        if (!known) {
            throw ProblemException.invalid(Violation.of(
                    "divisionCode", "UNKNOWN_DIVISION", "driver.division.unknown", request.divisionCode()));
        }
        UUID id = UUID.randomUUID();
        repository.insert(id, request.divisionCode().substring(0, 6), request, clock.instant(), scope.subject());
        audit.changed(
                AuditAction.CREATE,
                "industry-driver",
                id.toString(),
                request.divisionCode(),
                List.of(
                        AuditedChange.created("kind", request.kind()),
                        AuditedChange.created("name", request.name().trim()),
                        AuditedChange.created("industry", request.industry())));
        return get(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IndustryDriverApi.View get(UUID id) {
        IndustryDriverRepository.Stored stored = repository
                .find(id, scope.division())
                .orElseThrow(() -> ProblemException.notFound("driver.not-found", id));
        return view(stored);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<IndustryDriverApi.View> list(String division, IndustryDriverApi.Kind kind, PageRequest page) {
        String region = scope.narrow(division)
                .orElseThrow(() -> ProblemException.notFound("fund.division.not-found", division));
        return repository.list(region, kind, page).map(this::view);
    }

    /** Replaces the households a driver covers; the version read must be current. */
    public IndustryDriverApi.View setHouseholds(UUID id, IndustryDriverApi.Households request, String ifMatch) {
        TransactionLocks.lock(entityManager, "industry-driver:" + id);
        IndustryDriverRepository.Stored stored = repository
                .find(id, scope.division())
                .orElseThrow(() -> ProblemException.notFound("driver.not-found", id));
        EntityTags.requireMatch(ifMatch, stored.version());
        // each household's village, looked up once: what validates it is what is stored with it
        Map<UUID, String> villages = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < request.householdIds().size(); i++) {
            UUID household = request.householdIds().get(i);
            String village =
                    directory.villageOf(household).filter(scope::covers).orElse(null);
            if (village == null) {
                violations.add(Violation.of(
                        "householdIds[" + i + "]", "UNKNOWN_HOUSEHOLD", "driver.household.unknown", household));
            } else {
                villages.put(household, village);
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        List<UUID> households = new ArrayList<>(villages.keySet());
        List<UUID> before = repository.households(id);
        repository.replaceHouseholds(id, households, new ArrayList<>(villages.values()));
        audit.changed(
                AuditAction.UPDATE,
                "industry-driver",
                id.toString(),
                stored.divisionCode(),
                List.of(AuditedChange.changed("households", before.size(), households.size())));
        return get(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IndustryDriverApi.Summary summary(String division) {
        String region = scope.narrow(division)
                .orElseThrow(() -> ProblemException.notFound("fund.division.not-found", division));
        IndustryDriverRepository.Covered covered = repository.covered(region);
        return new IndustryDriverApi.Summary(
                region,
                repository.byKind(region).stream()
                        .map(k -> new IndustryDriverApi.KindCount(k.kind(), k.drivers(), k.households()))
                        .toList(),
                covered.households(),
                covered.poorOrMonitoredHouseholds());
    }

    private IndustryDriverApi.View view(IndustryDriverRepository.Stored s) {
        return new IndustryDriverApi.View(
                s.id(),
                s.divisionCode(),
                s.divisionName(),
                s.kind(),
                s.name(),
                s.industry(),
                s.registeredYear(),
                s.households(),
                s.poorOrMonitoredHouseholds(),
                repository.households(s.id()),
                s.version(),
                s.createdAt(),
                s.createdBy());
    }
}
