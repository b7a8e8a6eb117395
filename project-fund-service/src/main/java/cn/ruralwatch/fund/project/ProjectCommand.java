package cn.ruralwatch.fund.project;

import cn.ruralwatch.http.Attachment;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A step of the project lifecycle as a typed command: one record per {@link ProjectAction}, holding only what that
 * action takes. A {@link ProjectApi.StepRequest} is read into its command once ({@link #read}); each command checks its
 * own fields, and the {@link Project} applies it.
 */
public sealed interface ProjectCommand {

    /** What every step carries. */
    Step step();

    ProjectAction action();

    /** The checks of this command's own fields against the project (the common ones are {@link Step}'s). */
    default void check(Project project, Directory directory, List<Violation> violations) {}

    /** The day of the step, its note and document number, the attachments and the performance targets' actuals. */
    record Step(
            LocalDate performedOn,
            String note,
            String documentNumber,
            List<Attachment> attachments,
            List<ProjectApi.ActualRequest> actuals) {

        public Step {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
            actuals = actuals == null ? List.of() : List.copyOf(actuals);
        }

        void check(Project project, LocalDate today, List<Violation> violations) {
            if (performedOn.isAfter(today)) {
                violations.add(Violation.of("performedOn", "FUTURE", "project.date.future", performedOn));
            }
            for (int i = 0; i < actuals.size(); i++) {
                if (!project.hasTarget(actuals.get(i).name())) {
                    violations.add(Violation.of(
                            "actuals[" + i + "].name",
                            "UNKNOWN_TARGET",
                            "project.target.unknown",
                            actuals.get(i).name()));
                }
            }
        }

        boolean hasNote() {
            return note != null && !note.isBlank();
        }
    }

    /** What the commands look up outside the project: households and divisions of the directory. */
    interface Directory {

        /** The village of a household the caller may see; empty for one unknown or out of the caller's sight. */
        Optional<String> visibleVillageOf(UUID household);

        boolean knownDivision(String code);
    }

    /** 申报 */
    record Apply(Step step) implements ProjectCommand {
        public ProjectAction action() {
            return ProjectAction.APPLY;
        }
    }

    /** 审核 */
    record Review(Step step) implements ProjectCommand {
        public ProjectAction action() {
            return ProjectAction.REVIEW;
        }
    }

    /** 退回项目库, with the reason in the note. */
    record Return(Step step) implements ProjectCommand {
        public ProjectAction action() {
            return ProjectAction.RETURN;
        }

        @Override
        public void check(Project project, Directory directory, List<Violation> violations) {
            requireNote(this, violations);
        }
    }

    /** 批复: the budget by fund batch, under an approval document. */
    record Approve(Step step, List<ProjectApi.BudgetRequest> budget) implements ProjectCommand {
        public ProjectAction action() {
            return ProjectAction.APPROVE;
        }

        @Override
        public void check(Project project, Directory directory, List<Violation> violations) {
            String document = step.documentNumber();
            if (document == null || document.isBlank()) {
                violations.add(Violation.of("documentNumber", "REQUIRED", "project.approval.document-required"));
            }
            checkBudget(this, budget, violations);
        }
    }

    /** 开工 */
    record Start(Step step) implements ProjectCommand {
        public ProjectAction action() {
            return ProjectAction.START;
        }
    }

    /** 报告进度: never below what was reported before. */
    record ReportProgress(Step step, Integer progressPercent) implements ProjectCommand {
        public ProjectAction action() {
            return ProjectAction.REPORT_PROGRESS;
        }

        @Override
        public void check(Project project, Directory directory, List<Violation> violations) {
            if (progressPercent == null) {
                violations.add(Violation.of("progressPercent", "REQUIRED", "project.progress.required"));
            } else if (progressPercent < project.progressPercent) {
                violations.add(Violation.of(
                        "progressPercent",
                        "BACKWARDS",
                        "project.progress.backwards",
                        progressPercent,
                        project.progressPercent));
            }
        }
    }

    /** 完工 */
    record Complete(Step step) implements ProjectCommand {
        public ProjectAction action() {
            return ProjectAction.COMPLETE;
        }
    }

    /** 验收 */
    record Accept(Step step) implements ProjectCommand {
        public ProjectAction action() {
            return ProjectAction.ACCEPT;
        }
    }

    /**
     * 资产确权: each asset owned as low as it can be, a household's asset by a household of the project's county, a
     * division's by a known division of that county.
     */
    record RegisterAssets(Step step, List<ProjectApi.AssetRequest> assets) implements ProjectCommand {
        public ProjectAction action() {
            return ProjectAction.REGISTER_ASSETS;
        }

        @Override
        public void check(Project project, Directory directory, List<Violation> violations) {
            if (assets.isEmpty()) {
                violations.add(Violation.of("assets", "REQUIRED", "project.assets.required"));
                return;
            }
            for (int i = 0; i < assets.size(); i++) {
                checkAsset(project, directory, "assets[" + i + "]", assets.get(i), violations);
            }
        }

        private static void checkAsset(
                Project project,
                Directory directory,
                String field,
                ProjectApi.AssetRequest asset,
                List<Violation> violations) {
            if (asset.ownerType() == OwnerType.HOUSEHOLD) {
                if (asset.ownerHouseholdId() == null) {
                    violations.add(
                            Violation.of(field + ".ownerHouseholdId", "REQUIRED", "asset.owner.household-required"));
                } else if (directory
                        .visibleVillageOf(asset.ownerHouseholdId())
                        .filter(village -> village.startsWith(project.countyCode))
                        .isEmpty()) {
                    violations.add(Violation.of(
                            field + ".ownerHouseholdId",
                            "UNKNOWN_HOUSEHOLD",
                            "fund.household.unknown",
                            asset.ownerHouseholdId()));
                }
                if (asset.assetClass() != AssetClass.HOUSEHOLD) {
                    violations.add(Violation.of(
                            field + ".assetClass",
                            "OWNER_MISMATCH",
                            "asset.class.household-owner",
                            asset.assetClass()));
                }
                return;
            }
            int length =
                    switch (asset.ownerType()) {
                        case VILLAGE_COLLECTIVE -> 12;
                        case TOWNSHIP -> 9;
                        default -> 6;
                    };
            String owner = asset.ownerDivisionCode();
            if (owner == null || owner.length() != length) {
                violations.add(Violation.of(
                        field + ".ownerDivisionCode",
                        "OWNER_DIVISION",
                        "asset.owner.division-required",
                        asset.ownerType(),
                        length));
            } else if (!owner.startsWith(project.countyCode) || !directory.knownDivision(owner)) {
                violations.add(
                        Violation.of(field + ".ownerDivisionCode", "UNKNOWN_DIVISION", "fund.division.unknown", owner));
            }
            if (asset.ownerHouseholdId() != null) {
                violations.add(
                        Violation.of(field + ".ownerHouseholdId", "NOT_ALLOWED", "asset.owner.household-not-allowed"));
            }
        }
    }

    /** 调整: a new budget by fund batch, with the reason in the note. */
    record Adjust(Step step, List<ProjectApi.BudgetRequest> budget) implements ProjectCommand {
        public ProjectAction action() {
            return ProjectAction.ADJUST;
        }

        @Override
        public void check(Project project, Directory directory, List<Violation> violations) {
            requireNote(this, violations);
            checkBudget(this, budget, violations);
        }
    }

    /** 终止, with the reason in the note. */
    record Terminate(Step step) implements ProjectCommand {
        public ProjectAction action() {
            return ProjectAction.TERMINATE;
        }

        @Override
        public void check(Project project, Directory directory, List<Violation> violations) {
            requireNote(this, violations);
        }
    }

    /** A request read into its command, with the fields it gave that its action does not take. */
    record Read(ProjectCommand command, List<Violation> unexpected) {

        /**
         * The command once it keeps every rule of its fields against {@code project}; 400 listing each field that
         * does not, in the order of {@link #FIELDS}.
         */
        public ProjectCommand checked(Project project, LocalDate today, Directory directory) {
            List<Violation> violations = new ArrayList<>(unexpected);
            command.step().check(project, today, violations);
            command.check(project, directory, violations);
            if (!violations.isEmpty()) {
                throw ProblemException.invalid(violations.stream()
                        .sorted(Comparator.comparingInt(violation -> position(violation.field())))
                        .toList());
            }
            return command;
        }

        private static int position(String field) {
            int end = field.indexOf('[');
            return FIELDS.indexOf(end < 0 ? field : field.substring(0, end));
        }
    }

    /** The order in which a step's violations are reported, by field. */
    List<String> FIELDS =
            List.of("performedOn", "note", "documentNumber", "budget", "progressPercent", "assets", "actuals");

    /** Reads a request into the command of its action. */
    static Read read(ProjectApi.StepRequest request) {
        Step step = new Step(
                request.performedOn(),
                request.note(),
                request.documentNumber(),
                request.attachments(),
                request.actuals());
        List<ProjectApi.BudgetRequest> budget = request.budget() == null ? List.of() : request.budget();
        List<ProjectApi.AssetRequest> assets = request.assets() == null ? List.of() : request.assets();
        ProjectAction action = request.action();
        ProjectCommand command =
                switch (action) {
                    case APPLY -> new Apply(step);
                    case REVIEW -> new Review(step);
                    case RETURN -> new Return(step);
                    case APPROVE -> new Approve(step, budget);
                    case START -> new Start(step);
                    case REPORT_PROGRESS -> new ReportProgress(step, request.progressPercent());
                    case COMPLETE -> new Complete(step);
                    case ACCEPT -> new Accept(step);
                    case REGISTER_ASSETS -> new RegisterAssets(step, assets);
                    case ADJUST -> new Adjust(step, budget);
                    case TERMINATE -> new Terminate(step);
                };
        List<Violation> unexpected = new ArrayList<>();
        if (!budget.isEmpty() && !(command instanceof Approve || command instanceof Adjust)) {
            unexpected.add(Violation.of("budget", "NOT_ALLOWED", "project.field.not-allowed", action));
        }
        if (request.progressPercent() != null && !(command instanceof ReportProgress)) {
            unexpected.add(Violation.of("progressPercent", "NOT_ALLOWED", "project.field.not-allowed", action));
        }
        if (!assets.isEmpty() && !(command instanceof RegisterAssets)) {
            unexpected.add(Violation.of("assets", "NOT_ALLOWED", "project.field.not-allowed", action));
        }
        return new Read(command, unexpected);
    }

    private static void requireNote(ProjectCommand command, List<Violation> violations) {
        if (!command.step().hasNote()) {
            violations.add(Violation.of("note", "REQUIRED", "project.note.required", command.action()));
        }
    }

    /** A budget names at least one batch, each once. */
    private static void checkBudget(
            ProjectCommand command, List<ProjectApi.BudgetRequest> budget, List<Violation> violations) {
        if (budget.isEmpty()) {
            violations.add(Violation.of("budget", "REQUIRED", "project.budget.required", command.action()));
            return;
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < budget.size(); i++) {
            if (!seen.add(budget.get(i).batchId())) {
                violations.add(Violation.of(
                        "budget[" + i + "].batchId",
                        "DUPLICATE",
                        "project.budget.duplicate-batch",
                        budget.get(i).batchId()));
            }
        }
    }
}
