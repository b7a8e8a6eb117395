package cn.ruralwatch.fund.project;

import static cn.ruralwatch.fund.project.ProjectStage.ACCEPTED;
import static cn.ruralwatch.fund.project.ProjectStage.APPLIED;
import static cn.ruralwatch.fund.project.ProjectStage.APPROVED;
import static cn.ruralwatch.fund.project.ProjectStage.ASSETS_REGISTERED;
import static cn.ruralwatch.fund.project.ProjectStage.COMPLETED;
import static cn.ruralwatch.fund.project.ProjectStage.IMPLEMENTING;
import static cn.ruralwatch.fund.project.ProjectStage.RESERVE;
import static cn.ruralwatch.fund.project.ProjectStage.REVIEWED;
import static cn.ruralwatch.fund.project.ProjectStage.TERMINATED;

import cn.ruralwatch.access.Roles;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A step of the lifecycle: the stages it may be taken from, the stage it leads to ({@code null}: the stage stays) and
 * who may take it. Village clerks prepare and apply; townships review and follow implementation; the county approves,
 * accepts, registers assets, adjusts and terminates.
 */
@Schema(description = "项目动作")
public enum ProjectAction {
    /** 申报 */
    APPLY(Set.of(RESERVE), APPLIED, Set.of(Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CLERK)),
    /** 审核（乡镇审核、县级论证） */
    REVIEW(Set.of(APPLIED), REVIEWED, Set.of(Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER)),
    /** 退回项目库 */
    RETURN(Set.of(APPLIED, REVIEWED), RESERVE, Set.of(Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER)),
    /** 批复：预算与资金来源 */
    APPROVE(Set.of(REVIEWED), APPROVED, Set.of(Roles.COUNTY_ADMIN)),
    /** 开工实施 */
    START(Set.of(APPROVED), IMPLEMENTING, Set.of(Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER)),
    /** 报告进度 */
    REPORT_PROGRESS(Set.of(IMPLEMENTING), null, Set.of(Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER)),
    /** 完工 */
    COMPLETE(Set.of(IMPLEMENTING), COMPLETED, Set.of(Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER)),
    /** 验收 */
    ACCEPT(Set.of(COMPLETED), ACCEPTED, Set.of(Roles.COUNTY_ADMIN)),
    /** 资产确权 */
    REGISTER_ASSETS(Set.of(ACCEPTED), ASSETS_REGISTERED, Set.of(Roles.COUNTY_ADMIN)),
    /** 调整预算或资金来源 */
    ADJUST(Set.of(APPROVED, IMPLEMENTING, COMPLETED), null, Set.of(Roles.COUNTY_ADMIN)),
    /** 终止：未拨付的预算退回批次 */
    TERMINATE(Set.of(RESERVE, APPLIED, REVIEWED, APPROVED, IMPLEMENTING), TERMINATED, Set.of(Roles.COUNTY_ADMIN));

    private final Set<ProjectStage> from;
    private final ProjectStage to;
    private final Set<String> roles;

    ProjectAction(Set<ProjectStage> from, ProjectStage to, Set<String> roles) {
        this.from = from;
        this.to = to;
        this.roles = roles;
    }

    public boolean allowedFrom(ProjectStage stage) {
        return from.contains(stage);
    }

    /** The stage after the step taken from {@code stage}. */
    public ProjectStage next(ProjectStage stage) {
        return to == null ? stage : to;
    }

    public Set<String> roles() {
        return roles;
    }

    /** The actions that may be taken from {@code stage}, in lifecycle order. */
    public static List<ProjectAction> from(ProjectStage stage) {
        return Arrays.stream(values()).filter(a -> a.allowedFrom(stage)).toList();
    }
}
