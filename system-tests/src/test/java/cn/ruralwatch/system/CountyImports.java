package cn.ruralwatch.system;

import static io.restassured.RestAssured.given;

import cn.ruralwatch.synthetic.SyntheticCounty;
import io.restassured.specification.RequestSpecification;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** A synthetic county brought in through the gateway as a county admin would: its divisions, then its households. */
final class CountyImports {

    private CountyImports() {}

    /** The import job of a county's file, with the file and what it holds. */
    record Submitted(String importId, byte[] file, SyntheticCounty.Written written) {}

    /** Imports the county's divisions and submits its household file; the import runs on in the background. */
    static Submitted submit(RequestSpecification admin, SyntheticCounty.Settings settings, String fileName) {
        StringWriter divisions = new StringWriter();
        StringWriter households = new StringWriter();
        new SyntheticCounty(settings).writeDivisions(divisions);
        SyntheticCounty.Written written = new SyntheticCounty(settings).writeHouseholds(households);
        given().spec(admin)
                .contentType("text/csv; charset=UTF-8")
                .body(divisions.toString())
                .post("/api/v1/divisions/import")
                .then()
                .statusCode(200);
        byte[] file = households.toString().getBytes(StandardCharsets.UTF_8);
        String id = given().spec(admin)
                .contentType("text/csv")
                .queryParam("fileName", fileName)
                .body(file)
                .post("/api/v1/household-imports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        return new Submitted(id, file, written);
    }
}
