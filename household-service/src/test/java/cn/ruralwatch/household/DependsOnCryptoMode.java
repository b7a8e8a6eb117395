package cn.ruralwatch.household;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test whose outcome depends on the personal-data algorithms: what is stored encrypted, found by keyed hash, masked
 * after decryption, sealed or re-encrypted. The build runs the tests tagged {@code crypto-mode} a second time with the
 * national algorithms (surefire execution {@code sm-mode}: SM4-GCM at rest, HMAC-SM3 look-up hashes); the rest of the
 * suite does not change with the mode and runs once.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("crypto-mode")
@interface DependsOnCryptoMode {}
