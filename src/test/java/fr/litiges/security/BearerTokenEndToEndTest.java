package fr.litiges.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Real signed bearer tokens against the running service, with the issuer's keys served by a
 * local JWK set endpoint: the roles claim grants access, a missing role is a 403, and an expired,
 * foreign or unsigned token is a 401. Configuring an issuer also retires the local keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "litiges.ruleset.watch=false")
class BearerTokenEndToEndTest {
    private static final String ISSUER = "https://login.example.test/realms/litiges";
    private static final RSAKey KEY = generate("issuer-key");
    private static final RSAKey FOREIGN_KEY = generate("foreign-key");
    private static final HttpServer JWKS = serveKeySet();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("litiges.security.jwt.issuer-uri", () -> ISSUER);
        registry.add("litiges.security.jwt.jwk-set-uri", () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/certs");
        registry.add("litiges.security.jwt.roles-claim", () -> "app_roles");
    }

    @AfterAll
    static void stopKeySet() {
        JWKS.stop(0);
    }

    private static RSAKey generate(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serveKeySet() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(RSAKey key, String issuer, List<String> roles, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("crm-service").issuer(issuer)
                .issueTime(Date.from(Instant.now().minusSeconds(60))).expirationTime(Date.from(expires))
                .claim("app_roles", roles).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private HttpResponse<String> call(String method, String path, String authorization, String apiKey) throws Exception {
        String body;
        try (InputStream in = getClass().getResourceAsStream("/decision/contract-example.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(method.equals("POST") ? body : ""));
        if (authorization != null) {
            request.header("Authorization", "Bearer " + authorization);
        }
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDeciderTokenDecidesButCannotReload() throws Exception {
        String token = token(KEY, ISSUER, List.of("decider"), Instant.now().plusSeconds(600));

        assertThat(call("POST", "/api/v1/decisions", token, null).statusCode()).isEqualTo(200);
        HttpResponse<String> reload = call("POST", "/api/v1/ruleset/reload", token, null);
        assertThat(reload.statusCode()).isEqualTo(403);
        assertThat(reload.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void anAdminTokenMayReload() throws Exception {
        String token = token(KEY, ISSUER, List.of("decider", "rules-admin"), Instant.now().plusSeconds(600));

        assertThat(call("POST", "/api/v1/ruleset/reload", token, null).statusCode()).isEqualTo(200);
    }

    @Test
    void expiredForeignOrWrongIssuerTokensAre401() throws Exception {
        assertThat(call("POST", "/api/v1/decisions", token(KEY, ISSUER, List.of("decider"), Instant.now().minusSeconds(300)), null).statusCode())
                .isEqualTo(401);
        assertThat(call("POST", "/api/v1/decisions", token(FOREIGN_KEY, ISSUER, List.of("decider"), Instant.now().plusSeconds(600)), null).statusCode())
                .isEqualTo(401);
        assertThat(call("POST", "/api/v1/decisions", token(KEY, "https://elsewhere.test", List.of("decider"), Instant.now().plusSeconds(600)), null)
                .statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/v1/decisions", "not-a-token", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutRolesIs403AndTheLocalKeysAreRetired() throws Exception {
        assertThat(call("POST", "/api/v1/decisions", token(KEY, ISSUER, List.of(), Instant.now().plusSeconds(600)), null).statusCode())
                .isEqualTo(403);
        assertThat(call("POST", "/api/v1/decisions", null, "local-admin-key").statusCode()).isEqualTo(401);
        assertThat(call("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
    }
}
