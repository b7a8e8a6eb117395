package cn.ruralwatch.access;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The token parser of every service's authentication and of the gateway's admission: a bearer token is checked by
 * SmallRye JWT's parser (signature, issuer, audience, expiry) only when {@link VerifiedTokens} has not seen it pass a
 * moment ago. The methods with explicit keys go straight to that parser.
 */
@Alternative
@Priority(1)
@Singleton
public class VerifiedTokenParser implements JWTParser {

    @Inject
    DefaultJWTParser parser;

    @Inject
    VerifiedTokens verified;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Optional<JsonWebToken> known = verified.get(token);
        if (known.isPresent()) {
            return known.get();
        }
        JsonWebToken checked = parser.parse(token);
        verified.put(token, checked);
        return checked;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
