package cn.ruralwatch.household.household;

import cn.ruralwatch.household.history.HouseholdHistory;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.IdempotencyKeys;
import cn.ruralwatch.http.MergePatch;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.IsoDates;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ResourceId;
import cn.ruralwatch.problem.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/households")
@Tag(name = "农户 Households")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HouseholdResource {

    @Inject
    Households households;

    @Inject
    HouseholdService registrations;

    @Inject
    HouseholdViews views;

    @Inject
    HouseholdUpdates updates;

    @Inject
    MemberChanges memberChanges;

    @Inject
    HouseholdRestructuring restructuring;

    @Inject
    HouseholdHistory history;

    @Inject
    HouseholdSearch search;

    @POST
    @Operation(operationId = "registerHousehold", summary = "登记农户及家庭成员")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HouseholdApi.Registration.class),
                            examples = {
                                @ExampleObject(
                                        name = "脱贫户",
                                        summary = "同心镇沙村 2019 年脱贫的三口之家：户主务工、配偶慢性病、儿子省外务工，附 2025 年收入",
                                        value = """
                                                {
                                                  "villageCode": "450422101201",
                                                  "members": [
                                                    {
                                                      "name": "韦某强",
                                                      "idNumber": "450422196804150030",
                                                      "relation": "HEAD",
                                                      "attributes": {
                                                        "laborAbility": "ORDINARY",
                                                        "health": "HEALTHY",
                                                        "medicalInsurance": "ENROLLED",
                                                        "pensionInsurance": "ENROLLED",
                                                        "employmentKind": "LOCAL_EMPLOYMENT",
                                                        "employmentLocation": "IN_COUNTY",
                                                        "employmentMonths": 8,
                                                        "employmentMonthlyIncome": 3200
                                                      }
                                                    },
                                                    {
                                                      "name": "黄某梅",
                                                      "idNumber": "450422197008220047",
                                                      "relation": "SPOUSE",
                                                      "attributes": {
                                                        "laborAbility": "WEAK",
                                                        "health": "CHRONIC_ILLNESS",
                                                        "medicalInsurance": "ENROLLED",
                                                        "pensionInsurance": "ENROLLED",
                                                        "chronicDiseaseCertificate": "ISSUED",
                                                        "familyDoctorContract": true
                                                      }
                                                    },
                                                    {
                                                      "name": "韦某明",
                                                      "idNumber": "450422199203180051",
                                                      "relation": "SON",
                                                      "attributes": {
                                                        "laborAbility": "SKILLED",
                                                        "health": "HEALTHY",
                                                        "medicalInsurance": "ENROLLED",
                                                        "pensionInsurance": "ENTERED",
                                                        "employmentKind": "MIGRANT_WORK",
                                                        "employmentLocation": "OUT_OF_PROVINCE",
                                                        "employmentMonths": 10,
                                                        "employmentMonthlyIncome": 5200
                                                      }
                                                    }
                                                  ],
                                                  "attributes": {
                                                    "address": "横县同心镇沙村新村屯 12 号",
                                                    "phone": "13877112345",
                                                    "bankAccount": "6230520080001234567",
                                                    "povertyStatus": "EXITED",
                                                    "exitYear": 2019,
                                                    "housingSafetyGrade": "B",
                                                    "housingAreaPerCapita": 38.50,
                                                    "housingRenovation": "NONE",
                                                    "drinkingWater": {
                                                      "quantity": true,
                                                      "quality": true,
                                                      "convenience": true,
                                                      "supplyGuarantee": true
                                                    },
                                                    "electricity": true,
                                                    "tvBroadband": true,
                                                    "television": true,
                                                    "smartphone": true,
                                                    "roadToHamlet": true,
                                                    "industries": ["百香果", "桑蚕"],
                                                    "cooperative": "横县沙村百香果种植专业合作社"
                                                  },
                                                  "incomes": [
                                                    {
                                                      "year": 2025,
                                                      "wage": 88000,
                                                      "business": 6800,
                                                      "property": 300,
                                                      "transfer": 3200,
                                                      "productionCosts": 2500,
                                                      "assessedOn": "2025-12-20"
                                                    }
                                                  ]
                                                }""")
                            }))
    @APIResponse(
            responseCode = "201",
            description = "已登记，Location 指向新农户",
            content = @Content(schema = @Schema(implementation = HouseholdApi.HouseholdView.class)))
    @APIResponse(responseCode = "400", description = "身份证号、户主或行政村不合法")
    @APIResponse(responseCode = "409", description = "有成员已登记在另一户")
    public Response register(
            @Valid @NotNull HouseholdApi.Registration request,
            @Parameter(description = "幂等键：重试同一请求时带上相同的值") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        Household household = registrations.register(request, idempotencyKey);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(household.id.toString())
                        .build())
                .header("ETag", EntityTags.of(household.version))
                .entity(views.registered(household))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getHousehold",
            summary = "查询农户及家庭成员，或某一天的农户状态",
            description = "带 asOf 时返回该日结束时（北京时间）农户的状态，取自变更历史；历史中的个人号码一律脱敏。")
    @APIResponse(
            responseCode = "200",
            description = "农户",
            content = @Content(schema = @Schema(implementation = HouseholdApi.HouseholdView.class)))
    @APIResponse(responseCode = "404", description = "农户不存在，或 asOf 那天还没有登记")
    public Response get(
            @PathParam("id") @ResourceId("household.not-found") UUID id,
            @Parameter(description = "日期（yyyy-MM-dd）：查看农户在这一天的状态", example = "2025-12-31") @QueryParam("asOf")
                    String asOf) {
        Household household = households.get(id);
        if (asOf != null) {
            LocalDate day = parseDate(asOf, "asOf");
            HouseholdHistory.Revision revision = history.asOf(household.id, day)
                    .orElseThrow(() -> ProblemException.notFound("household.not-yet-registered", household.id, day));
            return Response.ok(revision.snapshot()).build();
        }
        return withTag(Response.ok(views.read(household)), household);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(
            operationId = "updateHousehold",
            summary = "修改农户属性（JSON Merge Patch，需 If-Match）",
            description = "请求体是 HouseholdUpdate 的 JSON Merge Patch：只写要改的字段，null 清空。修改后整户重新校验；"
                    + "监测对象类别和风险状态只能通过监测帮扶流程改变。每次修改记入变更历史和审计日志。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(implementation = HouseholdApi.HouseholdUpdate.class),
                            examples =
                                    @ExampleObject(
                                            name = "危房改造完工",
                                            value =
                                                    "{\"attributes\": {\"housingSafetyGrade\": \"B\", \"housingRenovation\": \"COMPLETED\"}, \"reason\": \"危房改造完工，重新鉴定为 B 级\"}")))
    @APIResponse(
            responseCode = "200",
            description = "修改后的农户",
            content = @Content(schema = @Schema(implementation = HouseholdApi.HouseholdView.class)))
    @APIResponse(responseCode = "400", description = "字段不合法或相互矛盾")
    @APIResponse(responseCode = "409", description = "农户已并入另一户或已注销")
    @APIResponse(responseCode = "412", description = "If-Match 版本已过期")
    @APIResponse(responseCode = "428", description = "缺少 If-Match")
    public Response update(
            @PathParam("id") @ResourceId("household.not-found") UUID id,
            JsonNode patch,
            @HeaderParam("If-Match") String ifMatch) {
        return current(updates.update(id, patch, ifMatch));
    }

    @PUT
    @Path("/{id}/incomes/{year}")
    @Operation(
            operationId = "putHouseholdIncome",
            summary = "登记或更正一个年度的收入（需 If-Match）",
            description = "人均纯收入 =（工资性 + 生产经营性 + 财产性 + 转移性收入 − 生产经营费用）÷ 在户人口，由系统计算。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HouseholdApi.IncomeUpdate.class),
                            examples = {
                                @ExampleObject(
                                        name = "年度收入核定",
                                        summary = "2025 年度收入（PUT …/incomes/2025），人均纯收入由系统计算",
                                        value = """
                                                {
                                                  "income": {
                                                    "year": 2025,
                                                    "wage": 98400,
                                                    "business": 6800,
                                                    "property": 300,
                                                    "transfer": 3600,
                                                    "productionCosts": 2500,
                                                    "assessedOn": "2025-12-20"
                                                  },
                                                  "reason": "2025 年度收入核定，儿子务工收入增加"
                                                }""")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "修改后的农户",
            content = @Content(schema = @Schema(implementation = HouseholdApi.HouseholdView.class)))
    @APIResponse(responseCode = "400", description = "金额或年度不合法")
    public Response putIncome(
            @PathParam("id") @ResourceId("household.not-found") UUID id,
            @Parameter(description = "收入年度，与请求体的 income.year 相同", example = "2025") @PathParam("year") int year,
            @Valid @NotNull HouseholdApi.IncomeUpdate request,
            @HeaderParam("If-Match") String ifMatch) {
        return current(updates.putIncome(id, year, request, ifMatch));
    }

    @POST
    @Path("/{id}/monitoring-history")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "addPastMonitoringEpisode",
            summary = "录入一次此前的监测经历（如 2019 年识别、2020 年消除风险），需 If-Match",
            description = "已消除风险的经历，早于本次监测、与其他经历不重叠；记入变更历史与审计，发布 household.changed.v1（MONITORING_HISTORY）。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HouseholdApi.PastMonitoring.class),
                            examples = {
                                @ExampleObject(
                                        name = "此前的监测经历",
                                        summary = "2024 年因病纳入监测、当年消除风险，据县监测帮扶档案补录",
                                        value = """
                                                {
                                                  "category": "UNSTABLE_EXITED",
                                                  "riskTypes": ["ILLNESS"],
                                                  "identifiedOn": "2024-03-12",
                                                  "eliminatedOn": "2024-12-26",
                                                  "reason": "县防返贫监测帮扶档案（2024 年第 37 号）"
                                                }""")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "修改后的农户",
            content = @Content(schema = @Schema(implementation = HouseholdApi.HouseholdView.class)))
    @APIResponse(responseCode = "400", description = "日期不合法、与本次监测或其他经历重叠")
    @APIResponse(responseCode = "412", description = "If-Match 版本已过期")
    @APIResponse(responseCode = "428", description = "缺少 If-Match")
    public Response addPastMonitoring(
            @PathParam("id") @ResourceId("household.not-found") UUID id,
            @Valid @NotNull HouseholdApi.PastMonitoring request,
            @HeaderParam("If-Match") String ifMatch) {
        return current(updates.addPastMonitoring(id, request, ifMatch));
    }

    @PATCH
    @Path("/{id}/members/{memberId}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(
            operationId = "updateMember",
            summary = "修改家庭成员（JSON Merge Patch，需农户的 If-Match）",
            description = "请求体是 MemberUpdate 的 JSON Merge Patch。可更正身份证号（重新校验，一人只能属于一户）。变更户主用 PUT /head。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(implementation = HouseholdApi.MemberUpdate.class),
                            examples =
                                    @ExampleObject(
                                            name = "患大病",
                                            value =
                                                    "{\"attributes\": {\"health\": \"SERIOUS_ILLNESS\"}, \"reason\": \"2026 年 11 月确诊\"}")))
    @APIResponse(
            responseCode = "200",
            description = "修改后的农户",
            content = @Content(schema = @Schema(implementation = HouseholdApi.HouseholdView.class)))
    @APIResponse(responseCode = "404", description = "没有这名在户成员")
    public Response updateMember(
            @PathParam("id") @ResourceId("household.not-found") UUID id,
            @PathParam("memberId") @ResourceId("household.member.not-found") UUID memberId,
            JsonNode patch,
            @HeaderParam("If-Match") String ifMatch) {
        return current(updates.updateMember(id, memberId, patch, ifMatch));
    }

    @POST
    @Path("/{id}/member-changes")
    @Operation(
            operationId = "changeMembers",
            summary = "家庭成员自然增减：出生、婚入、迁入、死亡、婚出、迁出、入伍（需 If-Match）",
            description = "减员的成员记录保留（状态 REMOVED），此人可在别处另行登记。户主减员时须指定新户主。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HouseholdApi.MemberChangeRequest.class),
                            examples = {
                                @ExampleObject(name = "出生", summary = "户主之孙出生：出生日期须与身份证号一致", value = """
                                                {
                                                  "change": "BIRTH",
                                                  "effectiveOn": "2026-10-08",
                                                  "member": {
                                                    "name": "韦某安",
                                                    "idNumber": "450422202610080079",
                                                    "relation": "GRANDSON",
                                                    "attributes": {"medicalInsurance": "ENROLLED"}
                                                  },
                                                  "reason": "2026 年 10 月 8 日出生，已办理户口登记"
                                                }"""),
                                @ExampleObject(name = "死亡", summary = "配偶病故：成员记录保留为已减员", value = """
                                                {
                                                  "change": "DEATH",
                                                  "effectiveOn": "2026-06-14",
                                                  "memberId": "0193c2a4-6f1e-7b2d-8c3a-4e5f60718295",
                                                  "reason": "2026 年 6 月 14 日病故，已注销户口"
                                                }""")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "变动后的农户",
            content = @Content(schema = @Schema(implementation = HouseholdApi.HouseholdView.class)))
    @APIResponse(responseCode = "400", description = "变动类型与所填内容不符，或成员信息不合法")
    @APIResponse(responseCode = "409", description = "新增的人已登记在另一户")
    public Response changeMembers(
            @PathParam("id") @ResourceId("household.not-found") UUID id,
            @Valid @NotNull HouseholdApi.MemberChangeRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        return current(memberChanges.change(id, request, ifMatch));
    }

    @PUT
    @Path("/{id}/head")
    @Operation(operationId = "changeHead", summary = "变更户主（需 If-Match）")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HouseholdApi.HeadChange.class),
                            examples = {@ExampleObject(name = "长子任户主", summary = "原户主年迈，由长子韦某明任户主", value = """
                                                {
                                                  "memberId": "0193c2a4-6f1e-7b2d-8c3a-4e5f60718296",
                                                  "formerHeadRelation": "FATHER",
                                                  "reason": "原户主年迈，由长子任户主"
                                                }""")}))
    @APIResponse(
            responseCode = "200",
            description = "变更后的农户",
            content = @Content(schema = @Schema(implementation = HouseholdApi.HouseholdView.class)))
    public Response changeHead(
            @PathParam("id") @ResourceId("household.not-found") UUID id,
            @Valid @NotNull HouseholdApi.HeadChange request,
            @HeaderParam("If-Match") String ifMatch) {
        return current(memberChanges.changeHead(id, request, ifMatch));
    }

    @POST
    @Path("/{id}/splits")
    @Operation(
            operationId = "splitHousehold",
            summary = "分户（需原户的 If-Match）",
            description = "分出的成员在原户中保留记录（减员方式 SPLIT），在新户中另起记录。新户沿用原户的属性和监测信息。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HouseholdApi.Split.class),
                            examples = {@ExampleObject(name = "长子分户", summary = "长子韦某明婚后分户，新户在同村", value = """
                                                {
                                                  "members": [
                                                    {
                                                      "memberId": "0193c2a4-6f1e-7b2d-8c3a-4e5f60718296",
                                                      "relation": "HEAD"
                                                    }
                                                  ],
                                                  "effectiveOn": "2026-03-18",
                                                  "reason": "长子结婚后分户"
                                                }""")}))
    @APIResponse(
            responseCode = "201",
            description = "分出的新户，Location 指向它",
            content = @Content(schema = @Schema(implementation = HouseholdApi.HouseholdView.class)))
    @APIResponse(responseCode = "400", description = "成员不在本户、户主不唯一或全部成员都分出")
    public Response split(
            @PathParam("id") @ResourceId("household.not-found") UUID id,
            @Valid @NotNull HouseholdApi.Split request,
            @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "幂等键：重试同一请求时带上相同的值") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        Household split = restructuring.split(id, request, ifMatch, idempotencyKey);
        return withTag(
                Response.created(uri.getBaseUriBuilder()
                                .path(HouseholdResource.class)
                                .path(split.id.toString())
                                .build())
                        .entity(views.read(split)),
                split);
    }

    @POST
    @Path("/{id}/merges")
    @Operation(
            operationId = "mergeHousehold",
            summary = "合户：另一户并入本户（需本户的 If-Match）",
            description = "另一户的全部在户成员并入本户，另一户标记为已并入（MERGED），其记录和历史保留。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HouseholdApi.Merge.class),
                            examples = {@ExampleObject(name = "老人随子女合户", summary = "独居的母亲黄某兰一户并入韦某强户", value = """
                                                {
                                                  "householdId": "0193c2a4-7a05-7c11-9d2e-5f60718293a4",
                                                  "members": [
                                                    {
                                                      "memberId": "0193c2a4-7a05-7c11-9d2e-5f60718293a5",
                                                      "relation": "MOTHER"
                                                    }
                                                  ],
                                                  "effectiveOn": "2026-05-06",
                                                  "reason": "老人年迈独居，随子女合户"
                                                }""")}))
    @APIResponse(
            responseCode = "200",
            description = "合户后的本户",
            content = @Content(schema = @Schema(implementation = HouseholdApi.HouseholdView.class)))
    @APIResponse(responseCode = "409", description = "另一户已并入别户或已注销")
    public Response merge(
            @PathParam("id") @ResourceId("household.not-found") UUID id,
            @Valid @NotNull HouseholdApi.Merge request,
            @HeaderParam("If-Match") String ifMatch) {
        return current(restructuring.merge(id, request, ifMatch));
    }

    @GET
    @Path("/{id}/revisions")
    @Operation(
            operationId = "listHouseholdRevisions",
            summary = "农户变更历史（分页，最新在前）",
            description = "每个版本记录操作人、时间、原因和变更的字段及新旧值；个人号码脱敏。")
    public Page<HouseholdApi.RevisionView> revisions(
            @PathParam("id") @ResourceId("household.not-found") UUID id,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        Household household = households.get(id);
        return history.revisions(household.id, PageRequest.of(page, size)).map(HouseholdResource::revision);
    }

    @GET
    @Path("/{id}/revisions/{version}")
    @Operation(operationId = "getHouseholdRevision", summary = "农户的某一个版本（变更内容及变更后的农户状态）")
    @APIResponse(
            responseCode = "200",
            description = "成功",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            description = "revision：这一版的记录（谁、何时、为何、哪些字段）；household：这一版的农户")))
    public Response revision(
            @PathParam("id") @ResourceId("household.not-found") UUID id, @PathParam("version") long version) {
        Household household = households.get(id);
        HouseholdHistory.Revision revision = history.revision(household.id, version)
                .orElseThrow(() -> ProblemException.notFound("household.revision.not-found", household.id, version));
        return Response.ok(Map.of("revision", revision(revision), "household", revision.snapshot()))
                .build();
    }

    private static HouseholdApi.RevisionView revision(HouseholdHistory.Revision r) {
        return new HouseholdApi.RevisionView(
                r.version(), r.recordedAt(), r.effectiveOn(), r.operation(), r.actor(), r.reason(), r.changes());
    }

    private Response current(Household household) {
        return withTag(Response.ok(views.read(household)), household);
    }

    private static Response withTag(Response.ResponseBuilder response, Household household) {
        return response.header("ETag", EntityTags.of(household.version)).build();
    }

    private static LocalDate parseDate(String value, String field) {
        LocalDate date = IsoDates.date(value);
        if (date == null) {
            throw ProblemException.invalid(Violation.of(field, "FORMAT", "household.date.format", value));
        }
        return date;
    }

    @POST
    @Path("/lookup")
    @Operation(
            operationId = "findHouseholdByIdNumber",
            summary = "按身份证号查找农户",
            description = "精确匹配（按密钥散列查找，身份证号不以明文保存）。身份证号放在请求体中，不出现在网址和访问日志里。" + "查不到或在调用者管辖范围以外时都回答 404。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HouseholdApi.IdNumberLookup.class),
                            examples = {@ExampleObject(name = "按户主身份证号", summary = "查找韦某强所在的农户", value = """
                                                {"idNumber": "450422196804150030"}""")}))
    @APIResponse(
            responseCode = "200",
            description = "此人所在的农户",
            content = @Content(schema = @Schema(implementation = HouseholdApi.HouseholdView.class)))
    @APIResponse(responseCode = "404", description = "管辖范围内没有登记此身份证号的农户")
    public Response findByIdNumber(@Valid @NotNull HouseholdApi.IdNumberLookup request) {
        return current(households.findByIdNumber(request.idNumber()));
    }

    @POST
    @Path("/search")
    @Operation(
            operationId = "searchHouseholds",
            summary = "查询农户（分页、排序）",
            description = "按成员姓名、身份证号（精确）、区划、贫困户状态、监测类别、风险状态、成员劳动能力和健康状况、人均纯收入区间查询，" + "只在调用者的管辖范围内。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HouseholdApi.Search.class),
                            examples = {
                                @ExampleObject(
                                        name = "风险未消除的监测户",
                                        summary = "同心镇有大病成员、风险未消除的监测对象，按人均纯收入从低到高",
                                        value = """
                                                {
                                                  "division": "450422101",
                                                  "monitored": true,
                                                  "riskState": "AT_RISK",
                                                  "health": "SERIOUS_ILLNESS",
                                                  "sort": "INCOME",
                                                  "descending": false,
                                                  "page": 0,
                                                  "size": 20
                                                }"""),
                                @ExampleObject(name = "按姓名", summary = "沙村姓韦的脱贫户", value = """
                                                {"division": "450422101201", "name": "韦", "povertyStatus": "EXITED"}""")
                            }))
    @APIResponse(responseCode = "200", description = "一页农户")
    @APIResponse(responseCode = "400", description = "条件不合法")
    public Page<HouseholdApi.HouseholdSummary> search(@Valid @NotNull HouseholdApi.Search request) {
        return search.search(request);
    }

    @GET
    @Operation(operationId = "listHouseholds", summary = "按区划列出现有农户（分页；已并入别户或已注销的农户用查询接口按状态查）")
    public Page<HouseholdApi.HouseholdSummary> list(
            @Parameter(description = "区划代码（县 6 位、乡镇 9 位、村 12 位），列出其下所有农户", example = "450422101")
                    @QueryParam("division")
                    String division,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return search.list(division, PageRequest.of(page, size));
    }
}
