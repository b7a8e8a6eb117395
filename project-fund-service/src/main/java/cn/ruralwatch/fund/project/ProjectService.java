package cn.ruralwatch.fund.project;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.directory.HouseholdDirectory;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.ProjectChanged;
import cn.ruralwatch.events.ProjectState;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.fund.fund.SpendingProgress;
import cn.ruralwatch.http.Attachment;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.IdempotencyKeys;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.time.ChinaTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The project pool and each project's lifecycle. Money is guarded by row locks taken in one order everywhere (the
 * project, then its fund batches by id, then its budget lines): a batch never promises more than it holds
 * ({@code fund_batch.allocated}), and a budget line is never cut below what it has paid.
 *
 * <p>The locks are {@code FOR NO KEY UPDATE}, the strength PostgreSQL itself takes for an update that changes no key.
 * A disbursement updates its budget line first and then inserts a row referencing the project and the batch, which
 * takes a {@code KEY SHARE} lock on both; a {@code FOR UPDATE} on the batch would block that insert while the
 * adjustment waits for the disbursement's line: a deadlock, in the opposite order to the one above.
 */
@ApplicationScoped
@Transactional
public class ProjectService {

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    ProjectAssets assets;

    @Inject
    ProjectRepository repository;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    HouseholdDirectory directory;

    @Inject
    CallerScope scope;

    @Inject
    SecurityIdentity identity;

    @Inject
    AuditTrail audit;

    @Inject
    ObjectMapper mapper;

    public Project register(ProjectApi.Registration request, String idempotencyKey) {
        String id = idempotencyKeys
                .once("project", idempotencyKey, request, () -> create(request)
                        .id
                        .toString())
                .resourceId();
        return get(UUID.fromString(id));
    }

    private Project create(ProjectApi.Registration request) {
        boolean known = scope.covers(request.divisionCode())
                && directory.division(request.divisionCode()).isPresent();
        if (!known) {
            throw ProblemException.invalid(
                    Violation.of("divisionCode", "UNKNOWN_DIVISION", "fund.division.unknown", request.divisionCode()));
        }
        Project project = Project.register(request, clock.instant());
        entityManager.persist(project);
        entityManager.flush();
        LocalDate today = ChinaTime.today(clock);
        recordStep(project, "REGISTER", null, today, null, null, List.of(), null);
        publish(project, "REGISTER", today);
        audit.changed(
                AuditAction.CREATE,
                "project",
                project.id.toString(),
                project.divisionCode,
                List.of(
                        AuditedChange.created("name", project.name),
                        AuditedChange.created("projectType", project.type),
                        AuditedChange.created("year", project.year),
                        AuditedChange.created("divisionCode", project.divisionCode),
                        AuditedChange.created("plannedInvestment", project.plannedInvestment.toPlainString())));
        return project;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Project get(UUID id) {
        return find(id, LockModeType.NONE);
    }

    private Project find(UUID id, LockModeType lock) {
        Project project = entityManager.find(Project.class, id, lock);
        if (project == null || !scope.covers(project.divisionCode)) {
            throw ProblemException.notFound("project.not-found", id);
        }
        return project;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Project> list(String division, Integer year, ProjectStage stage, ProjectType type, PageRequest page) {
        String prefix = scope.narrow(division)
                .orElseThrow(() -> ProblemException.notFound("fund.division.not-found", division));
        StringBuilder where = new StringBuilder(" where p.divisionCode like :prefix");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("prefix", prefix + "%");
        if (year != null) {
            where.append(" and p.year = :year");
            parameters.put("year", year);
        }
        if (stage != null) {
            where.append(" and p.stage = :stage");
            parameters.put("stage", stage);
        }
        if (type != null) {
            where.append(" and p.type = :type");
            parameters.put("type", type);
        }
        var items = entityManager.createQuery(
                "from Project p" + where + " order by p.year desc, p.divisionCode, p.createdAt", Project.class);
        var total = entityManager.createQuery("select count(p) from Project p" + where, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            total.setParameter(name, value);
        });
        return page.page(
                items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(),
                total.getSingleResult());
    }

    /** The project with its budget lines, totals and beneficiaries counted. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ProjectApi.ProjectView view(Project project) {
        BudgetLedger ledger = ledger(project.id, false);
        BigDecimal budget = ledger.budget();
        BigDecimal disbursed = ledger.disbursed();
        long beneficiaries = repository.beneficiaryCount(project.id);
        return new ProjectApi.ProjectView(
                project.id,
                project.countyCode,
                project.divisionCode,
                project.name,
                project.type,
                project.year,
                project.stage,
                project.allowedActions(),
                project.description,
                project.plannedInvestment,
                budget,
                disbursed,
                SpendingProgress.percent(disbursed, budget),
                project.progressPercent,
                ledger.lines().stream()
                        .map(l -> new ProjectApi.BudgetLineView(
                                l.batchId(),
                                l.sourceLevel(),
                                l.batchYear(),
                                l.batchNumber(),
                                l.amount(),
                                l.disbursed(),
                                l.remaining()))
                        .toList(),
                project.performanceTargets,
                (int) beneficiaries,
                project.version,
                project.createdAt,
                project.updatedAt);
    }

    /** Takes one step of the lifecycle; 409 when the project's stage does not allow it. */
    public Project step(UUID id, String ifMatch, ProjectApi.StepRequest request) {
        Project project = find(id, LockModeType.PESSIMISTIC_WRITE);
        EntityTags.requireMatch(ifMatch, project.version);
        ProjectCommand.Read read = ProjectCommand.read(request);
        ProjectAction action = read.command().action();
        if (action.roles().stream().noneMatch(identity::hasRole)) {
            throw ProblemException.of(ProblemType.FORBIDDEN, "project.step.forbidden", action);
        }
        project.requireAllows(action);
        ProjectCommand command = read.checked(project, ChinaTime.today(clock), commandDirectory());
        Map<String, Object> details = new LinkedHashMap<>();
        switch (command) {
            case ProjectCommand.Approve approve ->
                details.put("budget", allocate(project, BudgetLedger.Budget.of(approve.budget())));
            case ProjectCommand.Adjust adjust ->
                details.put("budget", allocate(project, BudgetLedger.Budget.of(adjust.budget())));
            case ProjectCommand.ReportProgress report ->
                details.put("progressPercent", List.of(project.progressPercent, report.progressPercent()));
            case ProjectCommand.Terminate terminate -> details.put("released", release(project));
            case ProjectCommand.RegisterAssets register -> details.put("assets", registerAssets(project, register));
            default -> {}
        }
        ProjectCommand.Step step = command.step();
        if (!step.actuals().isEmpty()) {
            details.put("actuals", step.actuals());
        }
        ProjectStage from = project.apply(command, clock.instant());
        entityManager.flush();
        recordStep(
                project,
                action.name(),
                from,
                step.performedOn(),
                step.note(),
                step.documentNumber(),
                step.attachments(),
                details.isEmpty() ? null : details);
        publish(project, action.name(), step.performedOn());
        List<AuditedChange> changes = new ArrayList<>();
        changes.add(AuditedChange.changed("stage", from, project.stage));
        details.forEach((field, value) -> changes.add(AuditedChange.changed(field, null, json(value))));
        audit.changed(AuditAction.UPDATE, "project", project.id.toString(), project.divisionCode, changes);
        return project;
    }

    /** The directory as the commands see it: households within the caller's scope, divisions of the suite. */
    private ProjectCommand.Directory commandDirectory() {
        return new ProjectCommand.Directory() {
            @Override
            public Optional<String> visibleVillageOf(UUID household) {
                return directory.villageOf(household).filter(scope::covers);
            }

            @Override
            public boolean knownDivision(String code) {
                return directory.division(code).isPresent();
            }
        };
    }

    /**
     * Replaces the project's budget lines by {@code budget} (a batch not named any more is dropped, which needs it to
     * have paid nothing), as the {@link BudgetLedger} allows.
     */
    private List<Map<String, Object>> allocate(Project project, BudgetLedger.Budget budget) {
        // the batches named and those of the current lines, locked in id order before the lines
        Set<UUID> touched = ledger(project.id, false).batchesTouchedBy(budget);
        Map<UUID, BudgetLedger.Batch> batches = lockBatches(project, touched, budget);
        List<Map<String, Object>> changes = new ArrayList<>();
        for (BudgetLedger.Change change : ledger(project.id, true).rebudget(budget, batches)) {
            UUID batchId = change.batchId();
            if (change.delta().signum() != 0) {
                repository.allocate(batchId, change.delta());
            }
            switch (change.kind()) {
                case ADD -> repository.addLine(project.id, batchId, change.after());
                case DROP -> repository.dropLine(project.id, batchId);
                case CHANGE -> {
                    if (change.delta().signum() != 0) {
                        repository.setLine(project.id, batchId, change.after());
                    }
                }
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("batchId", batchId);
            detail.put("before", change.before());
            detail.put("after", change.after());
            changes.add(detail);
        }
        return changes;
    }

    /** Gives back to the batches what the project was promised and has not paid. */
    private List<Map<String, Object>> release(Project project) {
        Set<UUID> batches = new TreeSet<>();
        ledger(project.id, false).lines().forEach(line -> batches.add(line.batchId()));
        lockBatches(project, batches, BudgetLedger.Budget.of(List.of()));
        List<Map<String, Object>> released = new ArrayList<>();
        for (BudgetLedger.Line line : ledger(project.id, true).unpaid()) {
            BigDecimal unpaid = line.remaining();
            repository.allocate(line.batchId(), unpaid.negate());
            repository.closeLine(project.id, line.batchId());
            released.add(Map.of("batchId", line.batchId(), "amount", unpaid));
        }
        return released;
    }

    private List<UUID> registerAssets(Project project, ProjectCommand.RegisterAssets request) {
        List<UUID> ids = new ArrayList<>();
        for (ProjectApi.AssetRequest asset : request.assets()) {
            UUID id = UUID.randomUUID();
            assets.insert(new ProjectAssets.NewAsset(
                    id,
                    project.id,
                    project.countyCode,
                    asset.name().strip(),
                    asset.assetClass(),
                    asset.ownerType(),
                    asset.ownerType() == OwnerType.HOUSEHOLD
                            ? directory.villageOf(asset.ownerHouseholdId()).orElseThrow()
                            : asset.ownerDivisionCode(),
                    asset.ownerHouseholdId(),
                    asset.value().setScale(2, RoundingMode.UNNECESSARY),
                    request.step().performedOn()));
            ids.add(id);
        }
        return ids;
    }

    /** Replaces the households the project benefits (联农带农); each is a household of the project's county. */
    public Project setBeneficiaries(UUID id, String ifMatch, ProjectApi.BeneficiariesRequest request) {
        Project project = find(id, LockModeType.PESSIMISTIC_WRITE);
        EntityTags.requireMatch(ifMatch, project.version);
        project.requireNotTerminated();
        project.checkBeneficiaries(request.households(), commandDirectory());
        long before = repository.beneficiaryCount(project.id);
        repository.deleteBeneficiaries(project.id);
        for (ProjectApi.BeneficiaryRequest household : request.households()) {
            ProjectBeneficiary beneficiary = new ProjectBeneficiary();
            beneficiary.projectId = project.id;
            beneficiary.householdId = household.householdId();
            beneficiary.linkage = household.linkage();
            entityManager.persist(beneficiary);
        }
        // the project row changes with its beneficiaries, so its version (and ETag) moves on
        project.updatedAt = clock.instant();
        entityManager.flush();
        LocalDate today = ChinaTime.today(clock);
        recordStep(
                project,
                "SET_BENEFICIARIES",
                project.stage,
                today,
                null,
                null,
                List.of(),
                Map.of("households", List.of(before, request.households().size())));
        publish(project, "SET_BENEFICIARIES", today);
        audit.changed(
                AuditAction.UPDATE,
                "project",
                project.id.toString(),
                project.divisionCode,
                List.of(AuditedChange.changed(
                        "beneficiaryHouseholds", before, request.households().size())));
        return project;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ProjectApi.BeneficiaryView> beneficiaries(UUID id, PageRequest page) {
        Project project = get(id);
        return repository
                .beneficiaries(project.id, page)
                .map(b -> new ProjectApi.BeneficiaryView(
                        b.householdId(), directory.villageOf(b.householdId()).orElse(null), b.linkage()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ProjectApi.StepView> steps(UUID id, PageRequest page) {
        Project project = get(id);
        return repository.steps(project.id, page).map(this::view);
    }

    private ProjectApi.StepView view(ProjectRepository.StepRow row) {
        return new ProjectApi.StepView(
                row.id(),
                "REGISTER".equals(row.action()) || "SET_BENEFICIARIES".equals(row.action())
                        ? null
                        : ProjectAction.valueOf(row.action()),
                row.fromStage() == null ? null : ProjectStage.valueOf(row.fromStage()),
                ProjectStage.valueOf(row.toStage()),
                row.actor(),
                row.performedOn(),
                row.recordedAt(),
                row.note(),
                row.documentNumber(),
                read(row.attachments(), new TypeReference<List<Attachment>>() {}),
                row.details() == null ? null : read(row.details(), new TypeReference<Object>() {}));
    }

    private BudgetLedger ledger(UUID projectId, boolean lock) {
        return repository.ledger(projectId, lock);
    }

    /** Locks the batches in id order; each must be a batch of the project's county. */
    private Map<UUID, BudgetLedger.Batch> lockBatches(Project project, Set<UUID> ids, BudgetLedger.Budget budget) {
        Map<UUID, BudgetLedger.Batch> batches = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return batches;
        }
        repository.lockBatches(ids, project.countyCode).forEach(batch -> batches.put(batch.id(), batch));
        List<Violation> unknown = new ArrayList<>();
        for (UUID id : ids) {
            if (!batches.containsKey(id)) {
                unknown.add(Violation.of(
                        budget.field(id, "batchId"),
                        "UNKNOWN_BATCH",
                        "project.budget.unknown-batch",
                        id,
                        project.countyCode));
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(unknown);
        }
        return batches;
    }

    private void recordStep(
            Project project,
            String action,
            ProjectStage from,
            LocalDate performedOn,
            String note,
            String documentNumber,
            List<Attachment> attachments,
            Object details) {
        repository.recordStep(new ProjectRepository.NewStep(
                project.id,
                action,
                from,
                project.stage,
                scope.subject(),
                performedOn,
                clock.instant(),
                note,
                documentNumber,
                json(attachments),
                details == null ? null : json(details)));
    }

    private void publish(Project project, String action, LocalDate performedOn) {
        List<String> beneficiaries = repository.beneficiaryIds(project.id).stream()
                .map(UUID::toString)
                .toList();
        ProjectState state = new ProjectState(
                project.id.toString(),
                project.version,
                project.countyCode,
                project.divisionCode,
                project.name,
                project.type.name(),
                project.year,
                project.stage.name(),
                project.plannedInvestment,
                project.progressPercent,
                ledger(project.id, false).lines().stream()
                        .map(l -> new ProjectState.BudgetLine(
                                l.batchId().toString(),
                                l.sourceLevel().name(),
                                l.batchYear(),
                                l.amount(),
                                l.disbursed()))
                        .toList(),
                beneficiaries,
                project.updatedAt);
        outbox.publish(
                Topics.FUND_EVENTS,
                "project",
                project.id.toString(),
                EventTypes.PROJECT_CHANGED,
                new ProjectChanged(action, scope.subject(), performedOn, state));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
