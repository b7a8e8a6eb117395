package cn.ruralwatch.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * 金山店镇 as its 2023 work report (seed 003, 巩固拓展脱贫攻坚成果工作情况汇报) describes it, written as the suite's import
 * files: 22 villages (3 of them 脱贫村) and 2 communities, 16193 households with 46892 people, 8892 of the households
 * agricultural; 429 stable 脱贫户 with 900 people; 35 monitored households with 106 people including 2 households (4
 * people) identified in 2019 whose risk was eliminated in 2020, and the 33 at risk with 102 people: 突发严重困难户 17户62人,
 * 脱贫不稳定户 8户13人, 边缘易致贫户 8户27人, identified 4户11人 in 2021, 22户72人 in 2022 (one of them, a single person,
 * monitored in 2019–2020 too and identified again after a housing danger) and 7户19人 in 2023; 355 of the 脱贫户's and
 * 监测户's people working away from home.
 *
 * <p>The report's year figures add up to 103 people (11 + 73 + 19) where its categories add up to the 102 it states; the
 * data follows the categories (2022: 72 people), so the suite's checks find the contradiction. The households are written
 * as they stood before the year's natural changes (脱贫户、监测户自然增加5人, 自然减少11户25人): the 25 people who leave and
 * not yet the 5 who join, both given by {@link #departures()} and {@link #arrivals()} for a caller to record as member
 * changes. Village names the report does not give are made up.
 */
public final class JinshandianTownship {

    public static final String COUNTY = "420281";
    public static final String COUNTY_NAME = "大冶市";
    public static final String TOWNSHIP = "420281110";
    public static final String TOWNSHIP_NAME = "金山店镇";
    /** 脱贫村 */
    public static final List<String> EXITED_POVERTY_VILLAGES = List.of("朝阳村", "仕秦村", "向阳村");
    /** The year the 脱贫村 left the list; the report does not say, so one year is taken for the three. */
    public static final int POVERTY_EXIT_YEAR = 2019;

    public static final List<String> VILLAGE_NAMES = List.of(
            "朝阳村", "仕秦村", "向阳村", "马龙村", "长山村", "龙口村", "梅山村", "白合村", "山下村", "火石村", "马坪村", "石头咀村", "周家铺村", "畈上村", "洪家湾村",
            "大屋村", "柯家村", "刘家村", "黄家湾村", "下陆村", "毛铺村", "新屋村");
    public static final List<String> COMMUNITY_NAMES = List.of("金山店社区", "张敬湾社区");

    /** The columns of the household file. */
    public static final List<String> COLUMNS = List.of(
            "户编号", "行政村代码", "姓名", "证件号码", "与户主关系", "劳动能力", "务工地点", "务工月数", "就业类型", "农业户籍", "医疗保险", "贫困户状态", "脱贫年度",
            "住房安全等级", "人均住房面积", "监测对象类别", "风险类型", "风险状态", "识别年度", "纳入监测日期");

    private static final String[] SURNAMES = {"刘", "柯", "黄", "周", "陈", "王", "石", "洪", "余", "曹"};
    private static final String[] GIVEN = {"建", "国", "华", "明", "秀", "英", "志", "强", "丽", "芳", "文", "海"};

    /** One member as written. */
    public static final class Person {
        String name;
        String relation;
        LocalDate birth;
        boolean male;
        boolean migrant;
        boolean agricultural = true;
        String idNumber;

        /** The person's 身份证号. */
        public String idNumber() {
            return idNumber;
        }

        /** The person's name. */
        public String name() {
            return name;
        }
    }

    /** One household as written. */
    public static final class Home {
        final String reference;
        final String village;
        String poverty = "一般农户";
        String exitYear = "";
        String category = "";
        String risk = "";
        String riskState = "";
        String identifiedYear = "";
        boolean pastOnly;
        final List<Person> members = new ArrayList<>();

        Home(String reference, String village) {
            this.reference = reference;
            this.village = village;
        }

        /** The household's number in the file (户编号). */
        public String reference() {
            return reference;
        }

        /** The head's 身份证号, by which a household is found. */
        public String headIdNumber() {
            return members.getFirst().idNumber;
        }
    }

    /** An earlier monitoring episode to record for a household (identified and eliminated on these days). */
    public record PastEpisode(Home household, String category, LocalDate identifiedOn, LocalDate eliminatedOn) {}

    /** A member who leaves during the year: the household, the member and the way. */
    public record Departure(Home household, Person member, String change) {}

    /** A person who joins a household during the year. */
    public record Arrival(Home household, Person member, String change) {

        /** The relation to the head, as the API names it. */
        public String relation() {
            return switch (member.relation) {
                case "配偶" -> "SPOUSE";
                case "之儿媳" -> "DAUGHTER_IN_LAW";
                default -> "SON";
            };
        }
    }

    private final List<Home> homes = new ArrayList<>();
    private final List<PastEpisode> past = new ArrayList<>();
    private final List<Departure> departures = new ArrayList<>();
    private final List<Arrival> arrivals = new ArrayList<>();
    private final IssuedIdNumbers numbers = new IssuedIdNumbers(COUNTY);
    private int names;

    /** Builds the township; people join it by marriage or a move, so that the changes may be dated any day. */
    public JinshandianTownship() {
        build();
    }

    public static Map<String, String> villages() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (int i = 0; i < VILLAGE_NAMES.size(); i++) {
            codes.put(VILLAGE_NAMES.get(i), TOWNSHIP + (201 + i));
        }
        for (int i = 0; i < COMMUNITY_NAMES.size(); i++) {
            codes.put(COMMUNITY_NAMES.get(i), TOWNSHIP + (231 + i));
        }
        return codes;
    }

    public static String village(String name) {
        return villages().get(name);
    }

    public List<PastEpisode> pastEpisodes() {
        return past;
    }

    public List<Departure> departures() {
        return departures;
    }

    public List<Arrival> arrivals() {
        return arrivals;
    }

    public long count(Predicate<Home> households) {
        return homes.stream().filter(households).count();
    }

    public long people(Predicate<Home> households) {
        return homes.stream()
                .filter(households)
                .mapToLong(h -> h.members.size())
                .sum();
    }

    public long migrants() {
        return homes.stream()
                .flatMap(h -> h.members.stream())
                .filter(p -> p.migrant)
                .count();
    }

    public void writeDivisions(Writer out) {
        try {
            out.write("区划代码,名称,层级,上级代码\n");
            out.write(COUNTY + "," + COUNTY_NAME + ",县,\n");
            out.write(TOWNSHIP + "," + TOWNSHIP_NAME + ",乡镇," + COUNTY + "\n");
            for (Map.Entry<String, String> v : villages().entrySet()) {
                String level = COMMUNITY_NAMES.contains(v.getKey()) ? "社区" : "行政村";
                out.write(v.getValue() + "," + v.getKey() + "," + level + "," + TOWNSHIP + "\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int writeHouseholds(Writer out) {
        try {
            out.write(String.join(",", COLUMNS));
            out.write('\n');
            for (Home h : homes) {
                for (Person p : h.members) {
                    out.write(String.join(",", row(h, p)));
                    out.write('\n');
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return homes.size();
    }

    private void build() {
        List<String> villages = new ArrayList<>(villages().keySet());
        List<String> rural = VILLAGE_NAMES;
        // 监测户 at risk by category and year of identification: {category, year, size, count}
        int[][] monitored = {
            // 2021: 4户11人
            {2, 2021, 3, 3},
            {0, 2021, 2, 1},
            // 2022: 22户72人
            {1, 2022, 4, 10},
            {1, 2022, 3, 4},
            {2, 2022, 4, 2},
            {2, 2022, 3, 2},
            {0, 2022, 2, 2},
            {0, 2022, 1, 2},
            // 2023: 7户19人
            {1, 2023, 4, 1},
            {1, 2023, 3, 2},
            {2, 2023, 4, 1},
            {0, 2023, 2, 2},
            {0, 2023, 1, 1}
        };
        String[] categories = {"脱贫不稳定户", "突发严重困难户", "边缘易致贫户"};
        String[] risks = {"因病", "因意外事故", "因务工就业不稳"};
        int n = 0;
        Home reidentified = null;
        for (int[] group : monitored) {
            for (int k = 0; k < group[3]; k++) {
                Home h = home(rural.get(n++ % rural.size()), group[2], true);
                h.category = categories[group[0]];
                h.risk = risks[group[0]];
                h.riskState = "未消除风险";
                h.identifiedYear = String.valueOf(group[1]);
                if (group[0] == 0) {
                    h.poverty = "脱贫户";
                    h.exitYear = "2018";
                }
                if (reidentified == null && group[1] == 2022 && group[2] == 1) {
                    // monitored in 2019–2020, identified again in 2022 after a danger to its house
                    reidentified = h;
                    h.risk = "住房安全";
                    past.add(new PastEpisode(h, "EDGE_AT_RISK", LocalDate.of(2019, 6, 1), LocalDate.of(2020, 11, 20)));
                }
            }
        }
        // 2 households (4 people) identified in 2019, risk eliminated in 2020, not monitored since
        for (int k = 0; k < 2; k++) {
            Home h = home(rural.get(n++ % rural.size()), 2, true);
            h.pastOnly = true;
            past.add(new PastEpisode(h, "EDGE_AT_RISK", LocalDate.of(2019, 5, 10), LocalDate.of(2020, 10, 15)));
        }
        // 429 stable 脱贫户 with 900 people once 25 have left and 5 joined: written with 920
        List<Home> stable = new ArrayList<>();
        // three households of four lose three people each
        List<Integer> sizes = new ArrayList<>(List.of(4, 4, 4));
        sizes.addAll(IssuedIdNumbers.sizes(426, 908));
        for (int size : sizes) {
            Home h = home(rural.get(n++ % rural.size()), size, true);
            h.poverty = "脱贫户";
            h.exitYear = String.valueOf(2016 + stable.size() % 4);
            stable.add(h);
        }
        // the year's natural decrease: 25 people of 11 households (each keeps its head)
        int[] leaving = {3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2};
        String[] ways = {"DEATH", "MARRIAGE_OUT", "MOVE_OUT"};
        int h0 = 0;
        for (int count : leaving) {
            Home h = stable.stream()
                    .skip(h0)
                    .filter(s -> s.members.size() > count)
                    .findFirst()
                    .orElseThrow();
            h0 = stable.indexOf(h) + 1;
            for (int i = 0; i < count; i++) {
                Person p = h.members.get(h.members.size() - 1 - i);
                departures.add(new Departure(h, p, ways[departures.size() % ways.length]));
            }
        }
        // and the natural increase: 5 people who marry or move into 5 other households
        for (int i = 0; i < 5; i++) {
            Home h = stable.get(stable.size() - 1 - i);
            Person p =
                    person(h.members.getFirst().name.substring(0, 1), i % 2 == 0 ? "配偶" : "之子", 1995 + i, i % 2 == 1);
            if (h.members.size() > 1) {
                p.relation = "之儿媳";
                p.male = false;
                p.name = SURNAMES[(i + 3) % SURNAMES.length] + "某" + GIVEN[i];
            }
            arrivals.add(new Arrival(h, p, i % 2 == 0 ? "MARRIAGE_IN" : "MOVE_IN"));
        }
        // 外出务工: 335 of the stable 脱贫户's people (not among those who leave) and 20 of the monitored households'
        int migrants = 335;
        for (Home h : stable) {
            for (Person p : h.members) {
                boolean leaves = departures.stream().anyMatch(d -> d.member() == p);
                if (migrants > 0 && p != h.members.getFirst() && !leaves) {
                    p.migrant = true;
                    migrants--;
                }
            }
        }
        for (Home h : stable) {
            if (migrants > 0 && departures.stream().noneMatch(d -> d.household() == h)) {
                h.members.getFirst().migrant = true;
                migrants--;
            }
        }
        int monitoredMigrants = 20;
        for (Home h : homes) {
            if (monitoredMigrants > 0 && (h.category.equals("突发严重困难户") || h.category.equals("边缘易致贫户"))) {
                h.members.getLast().migrant = true;
                monitoredMigrants--;
            }
        }
        if (migrants + monitoredMigrants != 0) {
            throw new IllegalStateException("migrant workers left to place: " + migrants + ", " + monitoredMigrants);
        }
        // the rest: 16193 households with 46892 people in all once the year's changes are recorded
        int households = 16193 - homes.size();
        int people = 46892 + 25 - 5 - (int) people(h -> true);
        List<Integer> rest = IssuedIdNumbers.sizes(households, people);
        for (int i = 0; i < rest.size(); i++) {
            String village = villages.get(i % villages.size());
            home(village, rest.get(i), false);
        }
        // 8892 agricultural households: every poor or monitored one, and others in the villages
        long agricultural =
                homes.stream().filter(h -> h.members.getFirst().agricultural).count();
        for (int i = homes.size() - 1; i >= 0 && agricultural > 8892; i--) {
            Home h = homes.get(i);
            if (h.poverty.equals("一般农户") && h.category.isEmpty() && !h.pastOnly && h.members.getFirst().agricultural) {
                h.members.forEach(p -> p.agricultural = false);
                agricultural--;
            }
        }
        for (Home h : homes) {
            for (Person p : h.members) {
                p.idNumber = idNumber(p);
            }
        }
        for (Arrival a : arrivals) {
            a.member().idNumber = idNumber(a.member());
        }
    }

    private Home home(String village, int size, boolean agricultural) {
        Home h = new Home("JSD%05d".formatted(homes.size() + 1), village(village));
        String surname = SURNAMES[homes.size() % SURNAMES.length];
        for (int i = 0; i < size; i++) {
            Person p = person(
                    surname,
                    i == 0 ? "户主" : i == 1 ? "配偶" : i % 2 == 0 ? "之子" : "之女",
                    i < 2 ? 1968 + homes.size() % 20 : 1998 + i % 4,
                    i == 0 || i % 2 == 0 && i > 1);
            p.agricultural = agricultural || !COMMUNITY_NAMES.contains(village);
            h.members.add(p);
        }
        homes.add(h);
        return h;
    }

    private Person person(String surname, String relation, int year, boolean male) {
        Person p = new Person();
        p.name = surname + "某" + GIVEN[names++ % GIVEN.length];
        p.relation = relation;
        p.birth = LocalDate.of(year, 1 + names % 12, 1 + names % 28);
        p.male = male;
        return p;
    }

    private List<String> row(Home h, Person p) {
        List<String> row = new ArrayList<>(COLUMNS.size());
        row.add(h.reference);
        row.add(h.village);
        row.add(p.name);
        row.add(p.idNumber);
        row.add(p.relation);
        row.add(p.migrant ? "普通劳动力" : "");
        row.add(p.migrant ? "省外" : "");
        row.add(p.migrant ? "10" : "");
        row.add(p.migrant ? "外出务工" : "");
        row.add(p.agricultural ? "是" : "否");
        row.add("已参保");
        row.add(h.poverty);
        row.add(h.exitYear);
        row.add("B级");
        row.add("30");
        row.add(h.category);
        row.add(h.risk);
        row.add(h.riskState);
        row.add(h.identifiedYear);
        row.add(h.identifiedYear.isEmpty() ? "" : h.identifiedYear + "-06-15");
        return row;
    }

    private String idNumber(Person p) {
        IssuedIdNumbers.Issued issued = numbers.issue(p.birth, p.male);
        p.birth = issued.birth();
        return issued.idNumber();
    }
}
