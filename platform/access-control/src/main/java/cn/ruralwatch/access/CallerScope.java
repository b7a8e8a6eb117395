package cn.ruralwatch.access;

import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The region the caller may see and change: the {@code division} claim of the token. A city official of 4504 (450400)
 * works in every county of the city, a county admin of 450422 works in
 * every code starting with 450422, a village clerk of 450422101201 in that village only. Services apply it in their
 * queries; a record outside it answers as if it did not exist.
 */
@RequestScoped
public class CallerScope {

    /** The claim carrying the caller's division code. */
    public static final String DIVISION = "division";

    @Inject
    JsonWebToken token;

    /**
     * The claims read so far in this request, read from the token once each: the token does not change within a
     * request, and a bulk import checks the caller's region for every row.
     */
    private final Map<String, Optional<String>> claims = new HashMap<>();

    /**
     * The caller's region as the suite writes division codes ({@link DivisionCodes}): 2 digits for a province, 4 for a
     * city, 6 for a county, 9 for a township, 12 for a village (a claim of 450000 or 450400 is the province 45 or the
     * city 4504); a token without a valid one is refused with 403.
     */
    public String division() {
        String division = claim(DIVISION);
        if (!DivisionCodes.isRegion(division)) {
            throw ProblemException.of(ProblemType.FORBIDDEN, "problem.forbidden.no-division");
        }
        return DivisionCodes.normalize(division);
    }

    /** Whether a division code (or a village code a record belongs to) lies within the caller's region. */
    public boolean covers(String code) {
        return code != null && code.startsWith(division());
    }

    /**
     * Whether a record of a region is seen by the caller as belonging to it: the region lies within the caller's, or
     * holds it (a township's officer sees the county's campaign and the township's cadres from a village).
     */
    public boolean overlaps(String code) {
        String own = division();
        return code != null && (code.startsWith(own) || own.startsWith(code));
    }

    /**
     * The prefix to filter a list by: the requested division when it lies within the caller's region, the caller's
     * own division when the request asks for a wider one (or none), and empty when the two do not overlap.
     */
    public Optional<String> narrow(String requested) {
        String own = division();
        requested = DivisionCodes.normalize(requested);
        if (requested == null || own.startsWith(requested)) {
            return Optional.of(own);
        }
        return requested.startsWith(own) ? Optional.of(requested) : Optional.empty();
    }

    /** A claim of the caller's token as text ({@code null} when absent), e.g. {@code azp}. */
    public String claim(String name) {
        return claims.computeIfAbsent(name, n -> Optional.ofNullable(token.getClaim(n))
                        .map(value -> value.toString().replace("\"", "")))
                .orElse(null);
    }

    /** The caller's subject, for logs and records. */
    public String subject() {
        return token.getName();
    }
}
