package cn.ruralwatch.launcher;

import cn.ruralwatch.embedded.DevIdentityProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code bin/suite token --role ROLE --division CODE [--subject NAME] [--hours N]}: prints a development token signed
 * with the key the local suite trusts ({@code .suite/keys}, generated at the first {@code bin/suite up}).
 */
public final class DevTokenMain {

    static final Set<String> ROLES =
            Set.of("county-admin", "township-officer", "village-clerk", "auditor", "integration", "operator");
    static final Pattern DIVISION = Pattern.compile("[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12}");

    private DevTokenMain() {}

    public static void main(String[] args) {
        String state = option(args, "--state", ".suite");
        String role = option(args, "--role", null);
        String division = option(args, "--division", null);
        String subject = option(args, "--subject", role == null ? null : "dev-" + role);
        int hours = Integer.parseInt(option(args, "--hours", "8"));
        if (role == null || division == null) {
            fail("usage: bin/suite token --role ROLE --division CODE [--subject NAME] [--hours N]");
        }
        if (!ROLES.contains(role)) {
            fail("unknown role " + role + "; one of "
                    + String.join(", ", ROLES.stream().sorted().toList()));
        }
        if (!DIVISION.matcher(division).matches()) {
            fail("division must be a province (45 or 450000), city (4504 or 450400), county (6 digits), township (9)"
                    + " or village (12) code: " + division);
        }
        DevIdentityProvider identity =
                DevIdentityProvider.inDirectory(Path.of(state).resolve("keys"), DevIdentityProvider.ISSUER);
        System.out.println(identity.token(subject, role, division, Duration.ofHours(hours)));
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
