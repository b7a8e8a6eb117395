package cn.ruralwatch.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * The token issuer of local runs and tests: an RSA key pair kept in a folder (generated at first use) and RS256 tokens
 * with the claims the suite reads — {@code sub}, {@code groups} (the role) and {@code division}. The services trust it
 * through {@code mp.jwt.verify.publickey.location} pointing at {@link #publicKeyFile()}; in the prod profile they
 * refuse its issuer.
 */
public final class DevIdentityProvider {

    public static final String ISSUER = "urn:ruralwatch:dev-issuer";
    public static final String AUDIENCE = "ruralwatch";
    /** The key id ({@code kid}) of every token, and of the key in the JWKS the container deployment serves. */
    public static final String KEY_ID = "ruralwatch-dev";

    private static final Pattern DIVISION = Pattern.compile("[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12}");

    private final Path publicKeyFile;
    private final PrivateKey privateKey;
    private final String issuer;

    private DevIdentityProvider(Path publicKeyFile, PrivateKey privateKey, String issuer) {
        this.publicKeyFile = publicKeyFile;
        this.privateKey = privateKey;
        this.issuer = issuer;
    }

    /** Loads the key pair from {@code directory}, generating it there first if it is missing. */
    public static DevIdentityProvider inDirectory(Path directory, String issuer) {
        try {
            Files.createDirectories(directory);
            Path publicKey = directory.resolve("dev-token-public.pem");
            Path privateKey = directory.resolve("dev-token-private.pem");
            if (!Files.exists(publicKey) || !Files.exists(privateKey)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(
                        privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                restrictToOwner(privateKey);
                Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            return new DevIdentityProvider(publicKey, privateKey(Files.readString(privateKey)), issuer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the development keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create the development keys", e);
        }
    }

    /** Signs with a PKCS#8 PEM private key found on the classpath (the test key pair). */
    public static DevIdentityProvider fromClasspath(String privateKeyResource, String issuer) {
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(privateKeyResource)) {
            if (in == null) {
                throw new IllegalStateException("No private key on the classpath at " + privateKeyResource);
            }
            return new DevIdentityProvider(
                    null, privateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII)), issuer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not a PKCS#8 RSA private key: " + privateKeyResource, e);
        }
    }

    private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        String encoded = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
    }

    /** A signed token for a role within a division (province, city, county, township or village code). */
    public String token(String subject, String role, String division, Duration validity) {
        if (!DIVISION.matcher(division).matches()) {
            throw new IllegalArgumentException("division must be a 2, 4, 6, 9 or 12-digit code: " + division);
        }
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setStringListClaim("groups", List.of(role));
        claims.setClaim("division", division);
        claims.setClaim("upn", subject);
        claims.setIssuedAtToNow();
        claims.setNotBeforeMinutesInThePast(1);
        claims.setExpirationTimeMinutesInTheFuture(validity.toSeconds() / 60f);
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey);
        jws.setKeyIdHeaderValue(KEY_ID);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign the token", e);
        }
    }

    /** The PEM file of the public key, for {@code mp.jwt.verify.publickey.location}; null for a classpath key. */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    public String issuer() {
        return issuer;
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** Makes a key file readable by its owner only. */
    static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // file systems without POSIX permissions keep their defaults
        }
    }
}
