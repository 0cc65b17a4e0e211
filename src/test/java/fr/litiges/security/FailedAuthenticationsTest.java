package fr.litiges.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Wrong API keys from one address are throttled; a correct key never is. */
class FailedAuthenticationsTest {
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final FailedAuthentications failures = new FailedAuthentications(new FailedAuthLimits(3, Duration.ofMinutes(1), 2), clock);
    private final ApiKeyFilter filter = new ApiKeyFilter(new ApiKeys(ApiKeys.LOCAL), new ProblemResponses(JsonMapper.builder().build()), failures);

    private MockHttpServletResponse call(String address, String key) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/decisions");
        request.setRemoteAddr(address);
        request.addHeader("X-API-Key", key);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void overTheLimitWrongKeysAre429WithRetryAfterUntilTheWindowEnds() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(call("10.0.0.1", "guess-" + i).getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse throttled = call("10.0.0.1", "guess-4");
        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(throttled.getContentType()).isEqualTo("application/problem+json");
        assertThat(throttled.getHeader("Retry-After")).isEqualTo("61");
        assertThat(call("10.0.0.2", "guess").getStatus()).as("another address").isEqualTo(401);

        now = now.plusSeconds(59);
        assertThat(call("10.0.0.1", "guess-5").getStatus()).isEqualTo(429);
        now = now.plusSeconds(1);
        assertThat(call("10.0.0.1", "guess-6").getStatus()).as("a new window").isEqualTo(401);
    }

    @Test
    void aCorrectKeyIsNeverThrottled() throws Exception {
        for (int i = 0; i < 5; i++) {
            call("10.0.0.1", "guess-" + i);
        }
        assertThat(call("10.0.0.1", "guess").getStatus()).isEqualTo(429);
        assertThat(call("10.0.0.1", "local-decider-key").getStatus()).isEqualTo(200);
    }

    @Test
    void theNumberOfTrackedAddressesIsBounded() throws Exception {
        call("10.0.0.1", "guess");
        call("10.0.0.2", "guess");
        call("10.0.0.3", "guess");
        assertThat(failures.tracked()).isEqualTo(2);
        now = now.plusSeconds(60);
        call("10.0.0.3", "guess");
        assertThat(failures.tracked()).as("expired windows make room").isEqualTo(1);
    }
}
