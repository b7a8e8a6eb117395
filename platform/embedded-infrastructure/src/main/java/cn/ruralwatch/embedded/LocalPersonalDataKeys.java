package cn.ruralwatch.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The personal-data key ring of a local stack: generated at the first start and kept with the development token keys,
 * so data encrypted in one run stays readable in the next. Production key rings come from the deployment's secret
 * store (docs/security.md).
 */
public final class LocalPersonalDataKeys {

    public static final String AES_KEY = "local-aes";
    public static final String SM4_KEY = "local-sm4";
    public static final String LOOKUP_KEY = "local-lookup";

    private final String keyRing;

    private LocalPersonalDataKeys(String keyRing) {
        this.keyRing = keyRing;
    }

    /** Loads the key ring from {@code directory}, generating it there first if it is missing. */
    public static LocalPersonalDataKeys inDirectory(Path directory) {
        Path file = directory.resolve("personal-data-keys");
        try {
            Files.createDirectories(directory);
            if (!Files.exists(file)) {
                SecureRandom random = new SecureRandom();
                String ring = String.join(
                        ",",
                        AES_KEY + ":" + secret(random, 32),
                        SM4_KEY + ":" + secret(random, 16),
                        LOOKUP_KEY + ":" + secret(random, 32));
                Files.writeString(file, ring + "\n", StandardCharsets.US_ASCII);
                DevIdentityProvider.restrictToOwner(file);
            }
            return new LocalPersonalDataKeys(
                    Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the personal-data keys in " + directory, e);
        }
    }

    /**
     * The environment of a service using this key ring: AES-256-GCM, or SM4-GCM when {@code mode} is {@code sm}.
     */
    public Map<String, String> environment(String mode) {
        Map<String, String> env = new HashMap<>();
        env.put("RURALWATCH_PERSONAL_DATA_KEYS", keyRing);
        env.put("RURALWATCH_PERSONAL_DATA_ENCRYPTION_KEY", "sm".equalsIgnoreCase(mode) ? SM4_KEY : AES_KEY);
        env.put("RURALWATCH_PERSONAL_DATA_LOOKUP_KEY", LOOKUP_KEY);
        return env;
    }

    private static String secret(SecureRandom random, int bytes) {
        byte[] key = new byte[bytes];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
