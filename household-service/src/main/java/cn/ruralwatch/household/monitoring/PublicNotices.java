package cn.ruralwatch.household.monitoring;

import cn.ruralwatch.household.division.Division;
import cn.ruralwatch.household.household.DateRules;
import cn.ruralwatch.household.household.Household;
import cn.ruralwatch.household.household.MonitoringCategory;
import cn.ruralwatch.household.household.Relation;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of the village notice (村级公示) of a case. It names the village, the head of household, the household's
 * size and the proposed category, and nothing more: no ID, phone or bank numbers, no health conditions and no risk
 * types (因病, 因残 would tell the village about an illness).
 */
@ApplicationScoped
public class PublicNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @Inject
    EntityManager entityManager;

    @Inject
    MonitoringConfig config;

    /**
     * The notice of the case: with the period recorded when the notice was published, or, before that, starting on
     * {@code from}, which may not lie before {@code today} (a notice runs from the day it is published).
     */
    public CaseApi.NoticeView notice(
            MonitoringCase monitoringCase, Household household, LocalDate from, LocalDate today) {
        CaseStep published = monitoringCase.steps.stream()
                .filter(s -> s.step == ReviewStep.PUBLIC_NOTICE)
                .findFirst()
                .orElse(null);
        LocalDate to;
        if (published != null) {
            from = published.noticeFrom;
            to = published.noticeTo;
        } else {
            List<Violation> violations = new ArrayList<>();
            DateRules.notBefore(
                    "from",
                    from,
                    violations,
                    DateRules.Floor.of(today, "BEFORE_PUBLICATION", "monitoring.notice.before-publication"));
            if (!violations.isEmpty()) {
                throw ProblemException.invalid(violations);
            }
            to = from.plusDays(config.noticeDays() - 1L);
        }
        Division village = entityManager.find(Division.class, monitoringCase.villageCode);
        Division township = village == null ? null : entityManager.find(Division.class, village.parentCode);
        String villageName = village == null ? monitoringCase.villageCode : village.name;
        String townshipName = township == null ? "" : township.name;
        String head = household.activeMembers().stream()
                .filter(m -> m.relation == Relation.HEAD)
                .map(m -> m.name)
                .findFirst()
                .orElse("");
        int people = household.activeMembers().size();
        boolean identification = monitoringCase.kind == CaseKind.IDENTIFICATION;
        String title = identification ? "关于拟识别纳入防止返贫监测对象的公示" : "关于拟标注防止返贫监测对象风险消除的公示";
        String intro = identification
                ? "根据防止返贫动态监测和帮扶工作要求，经农户申请或干部排查、部门预警，入户核实、农户承诺授权、数据比对和村民主评议，" + "拟将我村以下农户识别纳入防止返贫监测对象，现予以公示："
                : "根据防止返贫动态监测和帮扶工作要求，经入户核实、数据比对和村民主评议，以下监测对象收入持续稳定、" + "“三保障”和饮水安全已巩固，帮扶措施落实到位，拟标注为风险消除，现予以公示：";
        String text = """
                %s

                户主：%s；家庭人口：%d人；%s：%s。

                公示时间：%s至%s（不少于%d天）。公示期间如有异议，请向%s村民委员会或%s人民政府反映。

                %s村民委员会
                %s""".formatted(
                        intro,
                        head,
                        people,
                        identification ? "拟识别类别" : "监测对象类别",
                        categoryName(monitoringCase.category),
                        DAY.format(from),
                        DAY.format(to),
                        config.noticeDays(),
                        villageName,
                        townshipName,
                        villageName,
                        DAY.format(from));
        return new CaseApi.NoticeView(title, text, from, to);
    }

    private static String categoryName(MonitoringCategory category) {
        return switch (category) {
            case UNSTABLE_EXITED -> "脱贫不稳定户";
            case EDGE_AT_RISK -> "边缘易致贫户";
            case SUDDEN_HARDSHIP -> "突发严重困难户";
        };
    }
}
