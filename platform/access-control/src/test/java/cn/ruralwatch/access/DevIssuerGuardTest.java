package cn.ruralwatch.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DevIssuerGuardTest {

    @Test
    void devIssuerCannotBeTrustedInTheProdProfile() {
        assertThrows(
                IllegalStateException.class, () -> DevIssuerGuard.check(List.of("prod"), DevIssuerGuard.DEV_ISSUER));
    }

    @Test
    void devIssuerIsFineLocallyAndOtherIssuersInProd() {
        assertDoesNotThrow(() -> DevIssuerGuard.check(List.of("local"), DevIssuerGuard.DEV_ISSUER));
        assertDoesNotThrow(() -> DevIssuerGuard.check(List.of("prod"), "https://sso.gxzf.gov.cn/realms/fanpin"));
    }
}
