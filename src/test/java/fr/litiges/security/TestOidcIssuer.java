package fr.litiges.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A small OAuth2/OIDC issuer for tests, on a free loopback port: discovery document, key set (an
 * RSA key made here), an authorization endpoint that signs in whoever the test says without a login
 * page, and a token endpoint for public clients. It is strict where the console could go wrong:
 * the authorization request must be {@code response_type=code} with a {@code state}, the registered
 * client and redirect address, and an S256 challenge; the token request must bring the code once,
 * from the same client and redirect address, with the verifier whose SHA-256 is that challenge
 * (RFC 7636). Everything refused is kept in {@link #refusals()} so a failing test says why.
 */
public final class TestOidcIssuer implements AutoCloseable {
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final RSAKey key;
    private final String rolesClaim;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private volatile String clientId;
    private volatile String redirectUri;
    private volatile String subject = "analyste";
    private volatile List<String> roles = List.of();
    private volatile boolean denyNext;

    /** What an authorization granted, until its code is exchanged. */
    private record Grant(String clientId, String redirectUri, String challenge, String subject, List<String> roles) {
    }

    private TestOidcIssuer(String rolesClaim) throws IOException {
        this.rolesClaim = rolesClaim;
        try {
            this.key = new RSAKeyGenerator(2048).keyID("test-issuer-" + Long.toHexString(RANDOM.nextLong())).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, 200, discovery()));
        server.createContext("/jwks", exchange -> json(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    /** Starts an issuer whose tokens carry the caller's roles in {@code rolesClaim}. */
    public static TestOidcIssuer start(String rolesClaim) {
        try {
            return new TestOidcIssuer(rolesClaim);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String authorizationEndpoint() {
        return issuer() + "/authorize";
    }

    public String tokenEndpoint() {
        return issuer() + "/token";
    }

    /** The one public client this issuer knows, and the one address it sends codes back to. */
    public void register(String clientId, String redirectUri) {
        this.clientId = clientId;
        this.redirectUri = redirectUri;
    }

    /** Who the next authorizations sign in (the login page a real issuer would show). */
    public void signInAs(String subject, List<String> roles) {
        this.subject = subject;
        this.roles = List.copyOf(roles);
    }

    /** The next authorization answers {@code error=access_denied}, as when the user cancels at the issuer. */
    public void denyNext() {
        this.denyNext = true;
    }

    /** Every access token issued, oldest first. */
    public List<String> issuedTokens() {
        return List.copyOf(issued);
    }

    /** Why each refused request was refused, oldest first. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** The S256 challenge of a verifier (base64url of its SHA-256, no padding). */
    public static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private String discovery() {
        return """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token","jwks_uri":"%1$s/jwks",\
                "response_types_supported":["code"],"grant_types_supported":["authorization_code"],\
                "code_challenge_methods_supported":["S256"],"token_endpoint_auth_methods_supported":["none"],\
                "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer());
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String redirect = query.get("redirect_uri");
        if (redirectUri == null || !redirectUri.equals(redirect) || clientId == null || !clientId.equals(query.get("client_id"))) {
            // never redirect to an address the client did not register: answer here
            refuse("authorize: unknown client " + query.get("client_id") + " or redirect_uri " + redirect);
            text(exchange, 400, "unknown client or redirect_uri");
            return;
        }
        String state = query.get("state");
        String problem = null;
        if (!"code".equals(query.get("response_type"))) {
            problem = "response_type must be code, not " + query.get("response_type");
        } else if (state == null || state.isBlank()) {
            problem = "state is missing";
        } else if (!"S256".equals(query.get("code_challenge_method"))) {
            problem = "code_challenge_method must be S256, not " + query.get("code_challenge_method");
        } else if (query.get("code_challenge") == null || !CHALLENGE.matcher(query.get("code_challenge")).matches()) {
            problem = "code_challenge is not a base64url SHA-256: " + query.get("code_challenge");
        }
        Map<String, String> answer = new LinkedHashMap<>();
        if (problem != null) {
            refuse("authorize: " + problem);
            answer.put("error", "invalid_request");
            answer.put("error_description", problem);
        } else if (denyNext) {
            denyNext = false;
            answer.put("error", "access_denied");
        } else {
            String code = random(32);
            codes.put(code, new Grant(clientId, redirect, query.get("code_challenge"), subject, roles));
            answer.put("code", code);
        }
        if (state != null) {
            answer.put("state", state);
        }
        exchange.getResponseHeaders().add("Location", redirect + (redirect.contains("?") ? "&" : "?") + encode(answer));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        cors(exchange);
        if ("OPTIONS".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "POST");
            exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type");
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            text(exchange, 405, "POST only");
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String code = form.get("code");
        Grant grant = code == null ? null : codes.remove(code); // a code is good once, whatever happens next
        String verifier = form.get("code_verifier");
        String problem = null;
        if (!"authorization_code".equals(form.get("grant_type"))) {
            problem = "grant_type must be authorization_code";
        } else if (grant == null) {
            problem = "unknown or used code";
        } else if (!grant.clientId().equals(form.get("client_id"))) {
            problem = "client_id differs from the authorization's";
        } else if (!grant.redirectUri().equals(form.get("redirect_uri"))) {
            problem = "redirect_uri differs from the authorization's";
        } else if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
            problem = "code_verifier must be 43 to 128 unreserved characters";
        } else if (!MessageDigest.isEqual(challengeOf(verifier).getBytes(StandardCharsets.US_ASCII),
                grant.challenge().getBytes(StandardCharsets.US_ASCII))) {
            problem = "code_verifier does not match the code_challenge";
        }
        if (problem != null) {
            refuse("token: " + problem);
            json(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + problem + "\"}");
            return;
        }
        String accessToken = sign(grant);
        issued.add(accessToken);
        json(exchange, 200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private String sign(Grant grant) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer()).subject(grant.subject()).audience(grant.clientId())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).jwtID(random(16))
                .claim(rolesClaim, grant.roles()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private void refuse(String why) {
        refusals.add(why);
    }

    /** The console's page reads discovery and tokens from another origin: only the registered client's may. */
    private void cors(HttpExchange exchange) {
        if (redirectUri != null) {
            URI registered = URI.create(redirectUri);
            String origin = registered.getScheme() + "://" + registered.getAuthority();
            if (origin.equals(exchange.getRequestHeaders().getFirst("Origin"))) {
                exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
                exchange.getResponseHeaders().set("Vary", "Origin");
            }
        }
    }

    private void json(HttpExchange exchange, int status, String body) throws IOException {
        cors(exchange);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        send(exchange, status, "application/json", body);
    }

    private static void text(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String encode(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        values.forEach((name, value) -> out.append(out.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
