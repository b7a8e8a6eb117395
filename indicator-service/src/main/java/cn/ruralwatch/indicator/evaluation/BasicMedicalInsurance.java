package cn.ruralwatch.indicator.evaluation;

import cn.ruralwatch.indicator.projection.HouseholdProjection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * 有基本医疗保障: every member is enrolled in 城乡居民基本医疗保险. A member whose enrolment is not yet verified (UNKNOWN)
 * does not count as enrolled.
 */
@ApplicationScoped
public class BasicMedicalInsurance implements Indicator {

    public static final String CODE = "BASIC_MEDICAL_INSURANCE";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String name() {
        return "有基本医疗保障";
    }

    @Override
    public Outcome evaluate(HouseholdProjection household) {
        List<Reason> reasons = household.members.stream()
                .filter(m -> !"ENROLLED".equals(m.medicalInsurance))
                .map(m -> new Reason(m.memberId.toString(), "medicalInsurance", m.medicalInsurance))
                .toList();
        return new Outcome(reasons.isEmpty(), reasons);
    }
}
