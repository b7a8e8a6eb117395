package cn.ruralwatch.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.junit.jupiter.api.Test;

class AccessMatrixTest {

    @Test
    void aRoleMayCallWhatItsRowGrantsAndNothingElse() {
        assertTrue(AccessMatrix.allows("registerHousehold", Set.of(Roles.VILLAGE_CLERK)));
        assertTrue(AccessMatrix.allows("registerHousehold", Set.of(Roles.INTEGRATION)));
        assertFalse(AccessMatrix.allows("registerHousehold", Set.of(Roles.AUDITOR)));
        assertFalse(AccessMatrix.allows("registerDivision", Set.of(Roles.TOWNSHIP_OFFICER)));
        assertTrue(AccessMatrix.allows("registerDivision", Set.of(Roles.COUNTY_ADMIN)));
        assertTrue(AccessMatrix.allows("listAuditEntries", Set.of(Roles.AUDITOR)));
        assertFalse(AccessMatrix.allows("listAuditEntries", Set.of(Roles.COUNTY_ADMIN)));
        assertTrue(AccessMatrix.allows("rebuildReadModels", Set.of(Roles.OPERATOR)));
        assertFalse(AccessMatrix.allows("rebuildReadModels", Set.of(Roles.COUNTY_ADMIN)));
        // a role from another system's token is none of the suite's
        assertFalse(AccessMatrix.allows("getHousehold", Set.of("admin")));
    }

    @Test
    void anOperationWithoutARowIsRefusedToEveryRole() {
        Set<String> everyRole = new HashSet<>(Roles.ALL);
        everyRole.add(Roles.OPERATOR);
        assertFalse(AccessMatrix.allows("deleteEverything", everyRole));
        assertEquals(Optional.empty(), AccessMatrix.rolesOf("deleteEverything"));
    }

    @Test
    void theOperatorSeesNoHouseholdDataAndEveryDataRoleReadsTheRegion() {
        for (String operation : AccessMatrix.operations()) {
            List<String> roles = AccessMatrix.rolesOf(operation).orElseThrow();
            assertFalse(roles.isEmpty(), operation);
            if (operation.matches(
                    "(get|list|search|find|export|count)(Household|Member|WarningClue|MonitoringCase|ScreeningCampaign|ScreeningStatistics|Cadre|OverdueVisit|VisitRule|WorkTeam|VillagesWithoutWorkTeam|GuidanceNotice|Rectification|OverdueRectification).*")) {
                assertFalse(roles.contains(Roles.OPERATOR), operation + " is household data");
            }
        }
        assertEquals(
                List.of(
                        Roles.COUNTY_ADMIN,
                        Roles.TOWNSHIP_OFFICER,
                        Roles.VILLAGE_CLERK,
                        Roles.AUDITOR,
                        Roles.INTEGRATION),
                AccessMatrix.rolesOf("getHousehold").orElseThrow());
    }

    @Test
    void theDocumentNamesEachOperationsRolesAndItsAuthenticationAnswers() {
        Operation operation = OASFactory.createOperation()
                .operationId("registerHousehold")
                .security(new ArrayList<>(
                        List.of(OASFactory.createSecurityRequirement().addScheme("SecurityScheme"))));

        new AccessMatrixDocument().filterOperation(operation);

        assertEquals(1, operation.getSecurity().size());
        assertEquals(
                List.of(Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CLERK, Roles.INTEGRATION),
                operation.getSecurity().getFirst().getScheme(AccessMatrixDocument.SCHEME));
        assertTrue(operation.getResponses().hasAPIResponse("401"));
        assertTrue(operation.getResponses().hasAPIResponse("403"));

        Operation unknown = OASFactory.createOperation().operationId("deleteEverything");
        new AccessMatrixDocument().filterOperation(unknown);
        assertEquals(null, unknown.getSecurity());
    }
}
