package cn.ruralwatch.household.household;

import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.personal.PersonalDataAccess;
import cn.ruralwatch.personal.PersonalDataKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Households as the caller may see them: personal numbers decrypted, then shown in full to the roles that may see them
 * (each such read recorded in the audit trail) and masked to everyone else.
 */
@ApplicationScoped
public class HouseholdViews {

    @Inject
    PersonalDataAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    ObjectMapper mapper;

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

    /** The household as the history keeps it: every personal number masked, whoever is asking. */
    public JsonNode snapshot(Household household) {
        return mapper.valueToTree(masked(household));
    }

    /** The household with every personal number masked, as the history keeps it. */
    static HouseholdApi.HouseholdView masked(Household household) {
        return view(household, (kind, number) -> kind.mask(number));
    }

    /**
     * A snapshot taken before the change was written, brought to the version and time the write gave the household:
     * nothing else differs, so the household need not be read and decrypted again.
     */
    public JsonNode stamped(JsonNode snapshot, Household household) {
        ObjectNode stamped = (ObjectNode) snapshot;
        stamped.put("version", household.version);
        stamped.set("updatedAt", mapper.valueToTree(household.updatedAt));
        return stamped;
    }

    private HouseholdApi.HouseholdView view(Household household) {
        return view(household, access::show);
    }

    private static HouseholdApi.HouseholdView view(
            Household household, BiFunction<PersonalDataKind, String, String> show) {
        return new HouseholdApi.HouseholdView(
                household.id,
                household.villageCode,
                household.status,
                household.mergedInto,
                household.splitFrom,
                HouseholdMapper.attributes(
                        household,
                        shown(show, PersonalDataKind.PHONE, household.phone),
                        shown(show, PersonalDataKind.BANK_ACCOUNT, household.bankAccount)),
                HouseholdMapper.monitoring(household),
                household.pastMonitoring.stream().map(HouseholdMapper::episode).toList(),
                household.disabled(),
                household.drinkingWaterSecured(),
                household.agricultural(),
                household.netIncomePerCapita,
                household.incomes.stream().map(HouseholdMapper::income).toList(),
                household.activeMembers().size(),
                household.members.stream()
                        .map(m -> new HouseholdApi.MemberView(
                                m.id,
                                m.name,
                                shown(show, PersonalDataKind.ID_NUMBER, m.idNumber),
                                m.relation,
                                m.sex,
                                m.birthDate,
                                m.status,
                                m.joinedBy,
                                m.joinedOn,
                                m.leftBy,
                                m.leftOn,
                                HouseholdMapper.attributes(m)))
                        .toList(),
                household.version,
                household.registeredAt,
                household.updatedAt);
    }

    private static String shown(
            BiFunction<PersonalDataKind, String, String> show, PersonalDataKind kind, String number) {
        return number == null ? null : show.apply(kind, number);
    }

    private static List<String> revealedFields(HouseholdApi.HouseholdView view) {
        List<String> fields = new ArrayList<>();
        if (view.attributes().phone() != null) {
            fields.add("attributes.phone");
        }
        if (view.attributes().bankAccount() != null) {
            fields.add("attributes.bankAccount");
        }
        for (int i = 0; i < view.members().size(); i++) {
            fields.add("members[" + i + "].idNumber");
        }
        return fields;
    }
}
