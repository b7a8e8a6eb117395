package cn.ruralwatch.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
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

    private static APIResponse response(Operation operation, String status) {
        return operation.getResponses().getAPIResponse(status);
    }
}
