package cn.ruralwatch.household.caller;

import cn.ruralwatch.access.AccessMatrix;
import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.access.DivisionCodes;
import cn.ruralwatch.household.division.Division;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who the caller is, as a frontend needs it to show the right screens: the account, its roles, its region (code, name
 * and level, from household-service's divisions) and the operations the roles allow (the suite's access matrix).
 */
@Path("/api/v1/me")
@Tag(name = "本人 Caller")
@Produces(MediaType.APPLICATION_JSON)
public class CallerResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    CallerScope scope;

    @Inject
    EntityManager entityManager;

    @Schema(name = "CallerDivision", description = "本人辖区")
    public record CallerDivision(
            @Schema(description = "区划代码", example = "450422112")
            String code,

            @Schema(description = "名称；区划尚未登记时为空", example = "同心镇", nullable = true)
            String name,

            @Schema(description = "层级：PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE；区划尚未登记时为空", nullable = true)
            String level) {}

    @Schema(name = "Caller", description = "本人：账号、角色、辖区和可办理的操作")
    public record Caller(
            @Schema(description = "账号（令牌的 sub）", example = "a1b2c3")
            String subject,

            @Schema(description = "用户名（令牌的 preferred_username，没有时为 upn）", example = "tongxin-officer", nullable = true)
            String username,

            @Schema(description = "角色：county-admin, township-officer, village-clerk, auditor, integration, operator")
            List<String> roles,

            @Schema(description = "辖区；运维等不限于区划的账号为空", nullable = true)
            CallerDivision division,

            @Schema(description = "角色可办理的操作（OpenAPI 的 operationId），前端据此显示功能", example = "[\"listHouseholds\"]")
            List<String> operations) {}

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(
            operationId = "getCaller",
            summary = "本人：账号、角色、辖区（代码、名称、层级）和角色可办理的操作",
            description = "供前端决定显示哪些功能；辖区内的数据仍由各接口按令牌的 division 声明限定。")
    public Caller me() {
        List<String> roles = identity.getRoles().stream().sorted().toList();
        String subject = scope.claim("sub") != null
                ? scope.claim("sub")
                : identity.getPrincipal().getName();
        CallerDivision division = null;
        if (DivisionCodes.isRegion(scope.claim(CallerScope.DIVISION))) {
            String code = scope.division();
            Division known = entityManager.find(Division.class, code);
            division = new CallerDivision(
                    code, known == null ? null : known.name, known == null ? null : known.level.name());
        }
        List<String> operations = AccessMatrix.operations().stream()
                .filter(operation -> AccessMatrix.allows(operation, identity.getRoles()))
                .sorted()
                .toList();
        String username =
                scope.claim("preferred_username") != null ? scope.claim("preferred_username") : scope.claim("upn");
        return new Caller(subject, username, roles, division, operations);
    }
}
