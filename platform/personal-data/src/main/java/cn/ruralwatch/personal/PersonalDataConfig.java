package cn.ruralwatch.personal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Set;

/** {@code ruralwatch.personal-data.*}: algorithms, keys and who may see personal numbers in full (docs/security.md). */
@ConfigMapping(prefix = "ruralwatch.personal-data")
public interface PersonalDataConfig {

    /** {@code standard} (AES-256-GCM, HMAC-SHA256) or {@code sm} (SM4-GCM, HMAC-SM3). */
    @WithDefault("standard")
    CryptoMode mode();

    /**
     * The key ring, {@code <key id>:<base64 secret>} entries separated by commas (environment variable
     * {@code RURALWATCH_PERSONAL_DATA_KEYS}, injected from the deployment's secret store).
     */
    List<String> keys();

    /** Id of the key that encrypts new values. */
    String encryptionKey();

    /** Id of the key of the look-up hashes. */
    String lookupKey();

    /** Roles that see personal numbers in full; every such read is audited. Everyone else sees them masked. */
    @WithDefault("county-admin,village-clerk,integration")
    Set<String> fullViewRoles();

    /** Whether a service re-encrypts values under retired keys in the background when it starts. */
    @WithDefault("true")
    boolean reencryptOnStart();

    /** Rows re-encrypted per transaction by {@link Reencryption}. */
    @WithDefault("500")
    int reencryptionBatchSize();
}
