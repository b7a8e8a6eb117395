package cn.ruralwatch.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    @Test
    void anErrorAnswerDeclaredWithoutABodyGetsTheProblemBodyAndOtherAnswersAreLeftAsTheyAre() {
        Operation operation = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("已入库"))
                        .addAPIResponse("404", OASFactory.createAPIResponse().description("项目不存在"))
                        .addAPIResponse(
                                "409",
                                OASFactory.createAPIResponse()
                                        .description("当前阶段不允许")
                                        .content(OASFactory.createContent()
                                                .addMediaType("text/plain", OASFactory.createMediaType()))));

        new ProblemResponses().filterOperation(operation);

        assertNull(response(operation, "200").getContent());
        assertEquals(
                "#/components/schemas/Problem",
                response(operation, "404")
                        .getContent()
                        .getMediaType(Problem.MEDIA_TYPE)
                        .getSchema()
                        .getRef());
        assertEquals("项目不存在", response(operation, "404").getDescription());
        // a body the endpoint declares itself stays
        assertNull(response(operation, "409").getContent().getMediaType(Problem.MEDIA_TYPE));
    }

    /** An operation that takes a body may meet a body it cannot read, one too large, one of another media type. */
    @Test
    void anOperationWithABodyDeclaresTheAnswersToABodyItCannotTake() {
        Operation withBody = OASFactory.createOperation()
                .requestBody(OASFactory.createRequestBody())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("400", OASFactory.createAPIResponse().description("户主身份证号不合法")));
        Operation withoutBody = OASFactory.createOperation().responses(OASFactory.createAPIResponses());

        new ProblemResponses().filterOperation(withBody);
        new ProblemResponses().filterOperation(withoutBody);

        assertEquals("户主身份证号不合法", response(withBody, "400").getDescription());
        assertEquals("请求体超过该接口允许的大小", response(withBody, "413").getDescription());
        assertEquals(
                "#/components/schemas/Problem",
                response(withBody, "415")
                        .getContent()
                        .getMediaType(Problem.MEDIA_TYPE)
                        .getSchema()
                        .getRef());
        assertNull(withoutBody.getResponses().getAPIResponse("413"));
        assertNull(withoutBody.getResponses().getAPIResponse("415"));
    }

    /** An id that names nothing, a malformed query, a stale or missing If-Match: declared where they can happen. */
    @Test
    void parametersDeclareTheAnswersTheyCanMeet() {
        Operation update = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH))
                .addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("404", OASFactory.createAPIResponse().description("项目不存在")));
        Operation list = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("year").in(Parameter.In.QUERY))
                .responses(OASFactory.createAPIResponses());
        Operation byHousehold = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter()
                        .name("householdId")
                        .in(Parameter.In.QUERY)
                        .schema(OASFactory.createSchema().ref("#/components/schemas/UUID")))
                .responses(OASFactory.createAPIResponses());
        new ProblemResponses().filterOperation(byHousehold);
        assertEquals(
                "查询参数所指的区划、指标体系、指标或编号（农户、排查、案件等）不存在，或不在本人辖区内",
                response(byHousehold, "404").getDescription());
        // a code of a division, a standard or an indicator may name nothing, as an id may
        Operation byDivision = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("division").in(Parameter.In.QUERY))
                .responses(OASFactory.createAPIResponses());
        new ProblemResponses().filterOperation(byDivision);
        assertNotNull(response(byDivision, "404"));

        new ProblemResponses().filterOperation(update);
        new ProblemResponses().filterOperation(list);

        assertEquals("项目不存在", response(update, "404").getDescription());
        assertEquals(
                "#/components/schemas/Problem",
                response(update, "412")
                        .getContent()
                        .getMediaType(Problem.MEDIA_TYPE)
                        .getSchema()
                        .getRef());
        assertEquals(
                "缺少 If-Match：修改前先读取资源，把其 ETag 放入 If-Match",
                response(update, "428").getDescription());
        // any request can be unreadable
        assertEquals(
                "请求不合法：请求行、参数或请求头无法解析，或未通过校验（errors 列出每项及原因）",
                response(update, "400").getDescription());
        assertEquals("查询参数不合法或缺少必填参数（errors 列出每个参数及原因）", response(list, "400").getDescription());
        assertNull(list.getResponses().getAPIResponse("404"));
        assertNull(list.getResponses().getAPIResponse("412"));
    }

    @Test
    void declaringAnAnswerAddsItWithAProblemBodyAndKeepsTheEndpointsOwnDescription() {
        Operation operation = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("403", OASFactory.createAPIResponse().description("本人角色不能办理此动作")));

        ProblemResponses.declare(operation, "401", "未认证");
        ProblemResponses.declare(operation, "403", "无权");

        assertEquals("未认证", response(operation, "401").getDescription());
        assertEquals("本人角色不能办理此动作", response(operation, "403").getDescription());
        assertEquals(
                "#/components/schemas/Problem",
                response(operation, "403")
                        .getContent()
                        .getMediaType(Problem.MEDIA_TYPE)
                        .getSchema()
                        .getRef());
    }

    /** A body that refers to records by id (directly, through a component, or as a list) may name nothing: 404. */
    @Test
    void aBodyThatRefersToRecordsByIdDeclaresNotFound() {
        Schema uuid = OASFactory.createSchema().ref("#/components/schemas/UUID");
        OpenAPI document = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents()
                        .addSchema("UUID", OASFactory.createSchema().format("uuid"))
                        .addSchema(
                                "Clue",
                                OASFactory.createSchema()
                                        .addProperty("householdId", uuid)
                                        .addProperty("note", OASFactory.createSchema()))
                        .addSchema(
                                "Beneficiaries",
                                OASFactory.createSchema()
                                        .addProperty(
                                                "householdIds",
                                                OASFactory.createSchema().items(uuid)))
                        .addSchema(
                                "Household", OASFactory.createSchema().addProperty("name", OASFactory.createSchema())))
                .paths(OASFactory.createPaths()
                        .addPathItem("/clues", item(body("Clue")))
                        .addPathItem("/beneficiaries", item(body("Beneficiaries")))
                        .addPathItem("/households", item(body("Household"))));

        new ProblemResponses().filterOpenAPI(document);

        assertEquals(
                "请求体中的编号（农户、成员、项目等）所指的记录不存在，或不在本人辖区内",
                document.getPaths()
                        .getPathItem("/clues")
                        .getPOST()
                        .getResponses()
                        .getAPIResponse("404")
                        .getDescription());
        assertNotNull(document.getPaths()
                .getPathItem("/beneficiaries")
                .getPOST()
                .getResponses()
                .getAPIResponse("404"));
        assertNull(document.getPaths()
                .getPathItem("/households")
                .getPOST()
                .getResponses()
                .getAPIResponse("404"));
    }

    private static Operation body(String schema) {
        return OASFactory.createOperation()
                .requestBody(OASFactory.createRequestBody()
                        .content(OASFactory.createContent()
                                .addMediaType(
                                        "application/json",
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref("#/components/schemas/" + schema)))))
                .responses(OASFactory.createAPIResponses());
    }

    private static PathItem item(Operation post) {
        return OASFactory.createPathItem().POST(post);
    }

    private static APIResponse response(Operation operation, String status) {
        return operation.getResponses().getAPIResponse(status);
    }
}
