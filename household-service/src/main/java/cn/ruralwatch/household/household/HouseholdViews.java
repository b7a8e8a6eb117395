package cn.ruralwatch.household.household;

import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.personal.PersonalDataAccess;
import cn.ruralwatch.personal.PersonalDataKind;
import cn.ruralwatch.personal.PersonalDataProtector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Households as the caller may see them: personal numbers decrypted, then shown in full to the roles that may see them
 * (each such read recorded in the audit trail) and masked to everyone else.
 */
@ApplicationScoped
public class HouseholdViews {

    @Inject
    PersonalDataProtector protector;

    @Inject
    PersonalDataAccess access;

    @Inject
    AuditTrail audit;

    /** The household as shown after a read; a full view is audited. */
    public HouseholdApi.HouseholdView read(Household household) {
        HouseholdApi.HouseholdView view = view(household);
        if (access.fullView()) {
            List<String> revealed = revealedFields(view);
            if (!revealed.isEmpty()) {
                audit.revealed(HouseholdService.AGGREGATE, household.id.toString(), household.villageCode, revealed);
            }
        }
        return view;
    }

    /**
     * The household as shown to the caller who has just registered it: the numbers are the ones the caller sent, so
     * the registration's own audit entry covers them.
     */
    public HouseholdApi.HouseholdView registered(Household household) {
        return view(household);
    }

    private HouseholdApi.HouseholdView view(Household household) {
        return new HouseholdApi.HouseholdView(
                household.id,
                household.villageCode,
                show(PersonalDataKind.PHONE, household.phoneCipher),
                show(PersonalDataKind.BANK_ACCOUNT, household.bankAccountCipher),
                household.members.stream()
                        .map(m -> new HouseholdApi.MemberView(
                                m.id,
                                m.name,
                                show(PersonalDataKind.ID_NUMBER, m.idNumberCipher),
                                m.relation,
                                m.sex,
                                m.birthDate,
                                m.medicalInsurance))
                        .toList(),
                household.version,
                household.registeredAt);
    }

    private String show(PersonalDataKind kind, String stored) {
        return stored == null ? null : access.show(kind, protector.decrypt(kind, stored));
    }

    private static List<String> revealedFields(HouseholdApi.HouseholdView view) {
        List<String> fields = new ArrayList<>();
        if (view.phone() != null) {
            fields.add("phone");
        }
        if (view.bankAccount() != null) {
            fields.add("bankAccount");
        }
        for (int i = 0; i < view.members().size(); i++) {
            fields.add("members[" + i + "].idNumber");
        }
        return fields;
    }
}
