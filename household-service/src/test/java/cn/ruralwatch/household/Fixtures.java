package cn.ruralwatch.household;

import static io.restassured.RestAssured.given;

import cn.ruralwatch.testing.TestIdNumbers;
import cn.ruralwatch.time.ChinaTime;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Test data: divisions, valid and unique ID numbers, today. */
final class Fixtures {

    private Fixtures() {}

    /** A valid ID number not used before in this JVM, born on the given date (yyyyMMdd). */
    static String idNumber(String birthDate, boolean male) {
        return TestIdNumbers.next(birthDate, male);
    }

    /** A valid ID number not used before in this JVM, born on the given day. */
    static String idNumber(LocalDate birthDate, boolean male) {
        return idNumber(birthDate.format(DateTimeFormatter.BASIC_ISO_DATE), male);
    }

    /**
     * Today in the county, as the service counts days: tests that need a recent day or a person of a given age derive
     * it from here, so that they hold in every year.
     */
    static LocalDate today() {
        return LocalDate.now(ChinaTime.ZONE);
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
