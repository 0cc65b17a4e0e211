package fr.litiges.console;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The analysts' console at {@code /console}.
 *
 * @param oidcClientId the public client the console signs in with (authorization code + PKCE) when
 *                     {@code litiges.security.jwt.issuer-uri} is set; without it only API keys are offered
 * @param oidcScope    the scopes the console asks for
 * @param replaySample the shipped replay sample (NDJSON complaints) offered for the impact of a change
 */
@ConfigurationProperties("litiges.console")
public record ConsoleProperties(String oidcClientId, @DefaultValue("openid") String oidcScope,
                                @DefaultValue("replay/sample.ndjson") Path replaySample) {
}
