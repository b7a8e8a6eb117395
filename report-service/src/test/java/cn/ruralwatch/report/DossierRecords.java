package cn.ruralwatch.report;

import java.util.UUID;

/**
 * One household of village 459388101201 as household-service and project-fund-service answer a county administrator
 * (ID numbers in full, a cadre's phone masked by the roster's rule): the records DossierTest draws a dossier from.
 * {@link SourceCountsStub} serves them.
 */
final class DossierRecords {

    static final String COUNTY = "459388";
    static final String TOWNSHIP = "459388101";
    static final String VILLAGE = "459388101201";

    static final UUID HOUSEHOLD = UUID.fromString("0190f3a4-0000-7000-8000-000000000001");
    /** A household household-service refuses to show the caller (403 with its reason). */
    static final UUID REFUSED = UUID.fromString("0190f3a4-0000-7000-8000-000000000403");

    static final String NEIGHBOUR = "0190f3a4-0000-7000-8000-000000000002";
    static final String HEAD = "0190f3a4-0000-7000-8000-0000000000a1";
    static final String SON = "0190f3a4-0000-7000-8000-0000000000a2";
    static final String MOTHER = "0190f3a4-0000-7000-8000-0000000000a3";
    static final String CADRE = "0190f3a4-0000-7000-8000-0000000000c1";
    static final String FORMER_CADRE = "0190f3a4-0000-7000-8000-0000000000c2";

    static final String HEAD_ID_NUMBER = "459388198003150012";

    private DossierRecords() {}

    static final String HOUSEHOLD_JSON = """
            {"id":"%s","villageCode":"%s","status":"ACTIVE","mergedInto":null,"splitFrom":null,
             "attributes":{"address":"一镇大梳村那勒屯12号","phone":"13812345678","bankAccount":"6228480012345678901",
               "povertyStatus":"EXITED","exitYear":2019,"minimumLiving":false,"extremePoverty":false,
               "housingSafetyGrade":"B","housingAreaPerCapita":32.5,"noHouse":false,"housingRenovation":"COMPLETED",
               "drinkingWater":{"quantity":true,"quality":true,"convenience":true,"supplyGuarantee":true},
               "electricity":true,"tvBroadband":true,"roadToHamlet":true,"industries":["桑蚕","肉牛"],
               "cooperative":"大梳村桑蚕专业合作社","relocated":false,"renovationMethod":"REPAIR","renovationYear":2020,
               "renovationStage":"COMPLETED","renovationProgress":null},
             "monitoring":{"category":"EDGE_AT_RISK","riskTypes":["ILLNESS","EDUCATION"],"riskState":"AT_RISK",
               "identifiedYear":2024,"monitoredSince":"2024-03-20","riskEliminatedOn":null},
             "pastMonitoring":[{"category":"UNSTABLE_EXITED","riskTypes":["DISASTER"],"identifiedOn":"2021-06-12",
               "eliminatedOn":"2022-11-30"}],
             "disabledHousehold":true,"drinkingWaterSecured":true,"agriculturalHousehold":true,
             "netIncomePerCapita":9125.00,
             "incomes":[{"year":2024,"wage":36000.00,"business":8000.00,"property":600.00,"transfer":3200.00,
               "productionCosts":2500.00,"assessedOn":"2024-12-20","netIncome":45300.00,"netIncomePerCapita":9125.00}],
             "memberCount":2,
             "members":[
              {"id":"%s","name":"程海源","idNumber":"%s","relation":"HEAD","sex":"MALE","birthDate":"1980-03-15",
               "status":"ACTIVE","joinedBy":"REGISTRATION","joinedOn":"2021-03-01","leftBy":null,"leftOn":null,
               "attributes":{"laborAbility":"ORDINARY","health":"HEALTHY","educationStage":"JUNIOR_SECONDARY",
                 "schoolingStatus":"NOT_IN_SCHOOL","medicalInsurance":"ENROLLED","pensionInsurance":"ENROLLED",
                 "employmentLocation":"OUT_OF_PROVINCE","employmentMonths":8,"employmentMonthlyIncome":4500.00,
                 "employmentKind":"MIGRANT_WORK"}},
              {"id":"%s","name":"程小明","idNumber":"459388201009010035","relation":"SON","sex":"MALE",
               "birthDate":"2010-09-01","status":"ACTIVE","joinedBy":"REGISTRATION","joinedOn":"2021-03-01",
               "attributes":{"laborAbility":"NONE","health":"CHRONIC_ILLNESS","educationStage":"JUNIOR_SECONDARY",
                 "schoolingStatus":"IN_SCHOOL","schoolLocation":"IN_COUNTY","medicalInsurance":"ENROLLED"}},
              {"id":"%s","name":"韦秀英","idNumber":"459388195201020028","relation":"MOTHER","sex":"FEMALE",
               "birthDate":"1952-01-02","status":"REMOVED","joinedBy":"REGISTRATION","joinedOn":"2021-03-01",
               "leftBy":"DEATH","leftOn":"2023-05-06",
               "attributes":{"laborAbility":"LOST","health":"DISABLED","disabilityGrade":2,
                 "medicalInsurance":"ENROLLED","pensionInsurance":"RECEIVING"}}],
             "version":7,"registeredAt":"2021-03-01T02:00:00Z","updatedAt":"2024-12-20T02:00:00Z"}""".formatted(HOUSEHOLD, VILLAGE, HEAD, HEAD_ID_NUMBER, SON, MOTHER);

    /**
     * The household as household-service shows it to a caller who may not see personal numbers in full (a township
     * officer, an auditor): ID numbers, phone and bank account masked.
     */
    static String householdMasked() {
        return HOUSEHOLD_JSON
                .replace(HEAD_ID_NUMBER, mask(HEAD_ID_NUMBER))
                .replace("459388201009010035", mask("459388201009010035"))
                .replace("459388195201020028", mask("459388195201020028"))
                .replace("13812345678", "138****5678")
                .replace("6228480012345678901", "6228************8901");
    }

    /** 459388********0012. */
    static String mask(String idNumber) {
        return idNumber.substring(0, 6) + "********" + idNumber.substring(14);
    }

    static final String MEASURES_JSON = """
            {"items":[
              {"id":"0190f3a4-0000-7000-8000-0000000000d2","householdId":"%1$s","type":"EDUCATION",
               "description":"落实雨露计划，资助程小明就读","responsibleCadres":[{"name":"李建国","position":"驻村第一书记",
               "organisation":"县农业农村局"}],"startedOn":"2024-09-01","endedOn":null,"amount":1500.00},
              {"id":"0190f3a4-0000-7000-8000-0000000000d1","householdId":"%1$s","type":"INDUSTRY",
               "description":"发放桑蚕产业奖补，扩种桑园2亩","responsibleCadres":[{"name":"李建国","position":"驻村第一书记",
               "organisation":"县农业农村局"}],"startedOn":"2024-04-01","endedOn":"2024-12-31","amount":3000.00}],
             "page":0,"size":500,"totalItems":2}""".formatted(HOUSEHOLD);

    static final String VISITS_JSON = """
            {"items":[
              {"id":"0190f3a4-0000-7000-8000-0000000000e2","householdId":"%1$s","cadreId":"%2$s","cadreName":"李建国",
               "visitedOn":"2024-10-15","note":"了解程小明就学情况，宣讲雨露计划"},
              {"id":"0190f3a4-0000-7000-8000-0000000000e1","householdId":"%1$s","cadreId":"%3$s","cadreName":"黄丽",
               "visitedOn":"2024-03-18","note":"入户核实因病支出，登记医疗费用票据"}],
             "page":0,"size":500,"totalItems":2}""".formatted(HOUSEHOLD, CADRE, FORMER_CADRE);

    static final String CADRES_JSON = """
            {"householdId":"%1$s","villageCode":"%2$s",
             "current":[{"id":"0190f3a4-0000-7000-8000-0000000000f2","householdId":"%1$s","cadreId":"%3$s",
               "cadreName":"李建国","kind":"RESPONSIBLE","startsOn":"2024-06-01","endsOn":null,"reason":"工作调整",
               "endReason":null,"current":true}],
             "history":[
              {"id":"0190f3a4-0000-7000-8000-0000000000f2","householdId":"%1$s","cadreId":"%3$s",
               "cadreName":"李建国","kind":"RESPONSIBLE","startsOn":"2024-06-01","endsOn":null,"reason":"工作调整",
               "endReason":null,"current":true},
              {"id":"0190f3a4-0000-7000-8000-0000000000f1","householdId":"%1$s","cadreId":"%4$s",
               "cadreName":"黄丽","kind":"RESPONSIBLE","startsOn":"2024-03-20","endsOn":"2024-06-01",
               "reason":"新识别监测对象，落实帮扶责任人","endReason":"REASSIGNED","current":false}]}""".formatted(HOUSEHOLD, VILLAGE, CADRE, FORMER_CADRE);

    static String cadre(String id) {
        boolean current = CADRE.equals(id);
        return """
                {"id":"%s","name":"%s","unit":"%s","position":"%s","phone":"%s","divisionCode":"%s",
                 "kind":"RESPONSIBLE","active":true}""".formatted(
                        id,
                        current ? "李建国" : "黄丽",
                        current ? "县农业农村局" : "一镇人民政府",
                        current ? "驻村第一书记" : "乡村振兴办干部",
                        current ? "138****5678" : "139****4321",
                        current ? VILLAGE : TOWNSHIP);
    }

    /** Two cases of the village: this household's identification, and the neighbour's (not in the dossier). */
    static final String CASES_JSON = """
            {"items":[
              {"id":"0190f3a4-0000-7000-8000-000000000101","householdId":"%1$s","villageCode":"%2$s",
               "kind":"IDENTIFICATION","status":"APPROVED","category":"EDGE_AT_RISK","riskTypes":["ILLNESS","EDUCATION"],
               "openedAt":"2024-03-01T01:00:00Z","deadline":"2024-03-16","overdue":false,
               "decidedAt":"2024-03-20T03:00:00Z","reason":"部门预警：医疗自付费用高",
               "steps":[
                {"step":"HOME_VERIFICATION","outcome":"PASSED","performedOn":"2024-03-02","note":"入户核实，自付医疗费用3.2万元"},
                {"step":"DEMOCRATIC_REVIEW","outcome":"PASSED","performedOn":"2024-03-05","note":"村民代表会议评议通过"},
                {"step":"PUBLIC_NOTICE","outcome":"PASSED","performedOn":"2024-03-06","noticeFrom":"2024-03-06",
                 "noticeTo":"2024-03-11","note":null},
                {"step":"COUNTY_DECISION","outcome":"PASSED","performedOn":"2024-03-20","note":"同意纳入监测"}]},
              {"id":"0190f3a4-0000-7000-8000-000000000102","householdId":"%3$s","villageCode":"%2$s",
               "kind":"IDENTIFICATION","status":"OPEN","category":"SUDDEN_HARDSHIP","riskTypes":["DISASTER"],
               "openedAt":"2024-05-01T01:00:00Z","steps":[]}],
             "page":0,"size":500,"totalItems":2}""".formatted(HOUSEHOLD, VILLAGE, NEIGHBOUR);

    /** The household's benefits of a year: an industry reward in 2024 and a PV revenue share in 2025. */
    static String benefits(int year) {
        String items =
                switch (year) {
                    case 2024 -> """
                            {"id":"0190f3a4-0000-7000-8000-000000000201","householdId":"%s","villageCode":"%s",
                             "memberId":null,"kind":"INDUSTRY_REWARD","year":2024,"amount":3000.00,
                             "grantedOn":"2024-09-20","description":"2024年桑蚕产业奖补","source":null}""".formatted(HOUSEHOLD, VILLAGE);
                    case 2025 -> """
                            {"id":"0190f3a4-0000-7000-8000-000000000202","householdId":"%s","villageCode":"%s",
                             "memberId":"%s","kind":"PV_REWARD","year":2025,"amount":1200.00,
                             "grantedOn":"2025-01-15","description":"大梳村光伏收益分配：公益性岗位奖励",
                             "source":"pv-plan:0190f3a4-0000-7000-8000-000000000301"}""".formatted(HOUSEHOLD, VILLAGE, HEAD);
                    default -> "";
                };
        return """
                {"items":[%s],"page":0,"size":500,"totalItems":%d}""".formatted(items, items.isEmpty() ? 0 : 1);
    }

    static final String LOANS_JSON = """
            {"items":[{"id":"0190f3a4-0000-7000-8000-000000000401","householdId":"%s","villageCode":"%s",
              "borrowerMemberId":"%s","bank":"县农村商业银行","contractNumber":"NSH-2024-0815","principal":50000.00,
              "annualRatePercent":3.45,"subsidyPercent":100,"disbursedOn":"2024-03-01","dueOn":"2027-03-01",
              "repaidOn":null,"purpose":"发展桑蚕","status":"ACTIVE",
              "interestSubsidyByYear":{"2024":1461.46,"2025":1749.38},"interestSubsidy":3210.84}],
             "page":0,"size":500,"totalItems":1}""".formatted(HOUSEHOLD, VILLAGE, HEAD);

    static final String REFUSED_PROBLEM = """
            {"type":"urn:ruralwatch:problem:forbidden","title":"无权访问","status":403,
             "detail":"本户已转入档案封存，仅县级管理员可以查阅"}""";

    static String notFound(Object id) {
        return """
                {"type":"urn:ruralwatch:problem:not-found","title":"未找到","status":404,"detail":"农户 %s 不存在"}""".formatted(id);
    }
}
