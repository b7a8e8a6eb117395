package cn.ruralwatch.household;

import static io.restassured.RestAssured.given;

import cn.ruralwatch.testing.TestIdNumbers;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Test data: divisions and valid, unique ID numbers. */
final class Fixtures {

    private Fixtures() {}

    /** A valid ID number not used before in this JVM, born on the given date (yyyyMMdd). */
    static String idNumber(String birthDate, boolean male) {
        return TestIdNumbers.next(birthDate, male);
    }

    /** Creates county 450422, township 450422101 and the given village unless they exist. */
    static void village(String villageCode) {
        village(given(), villageCode);
    }

    /** {@link #village(String)} with the given caller, e.g. {@code Tokens.as(Roles.COUNTY_ADMIN, "450422")}. */
    static void village(RequestSpecification caller, String villageCode) {
        division(caller, "450422", "测试县", "COUNTY", null);
        division(caller, villageCode.substring(0, 9), "测试镇", "TOWNSHIP", "450422");
        division(caller, villageCode, "测试村", "VILLAGE", villageCode.substring(0, 9));
    }

    static void division(String code, String name, String level, String parent) {
        division(given(), code, name, level, parent);
    }

    /** Registers a division with the given request (which carries the caller's token). */
    static void division(RequestSpecification request, String code, String name, String level, String parent) {
        var response = request.contentType(ContentType.JSON)
                .body(parent == null ? """
                        {"code":"%s","name":"%s","level":"%s"}""".formatted(code, name, level) : """
                        {"code":"%s","name":"%s","level":"%s","parentCode":"%s"}""".formatted(code, name, level, parent))
                .post("/api/v1/divisions");
        int status = response.statusCode();
        if (status != 201 && status != 409) {
            throw new AssertionError("division " + code + " answered " + status + ": " + response.asString());
        }
    }

    static String household(String villageCode, String... idNumbers) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < idNumbers.length; i++) {
            if (i > 0) {
                members.append(',');
            }
            members.append("""
                    {"name":"成员%d","idNumber":"%s","relation":"%s"}""".formatted(i, idNumbers[i], i == 0 ? "HEAD" : "SON"));
        }
        return """
                {"villageCode":"%s","members":[%s]}""".formatted(villageCode, members);
    }
}
