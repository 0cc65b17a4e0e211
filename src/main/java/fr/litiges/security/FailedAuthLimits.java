package fr.litiges.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many wrong API keys one client address may send before it is made to wait.
 *
 * @param failedAuthLimit     failed authentications allowed per address within the window (0: no throttling)
 * @param failedAuthWindow    the window; an address over the limit waits until its window ends
 * @param failedAuthAddresses the most addresses tracked at once, so memory stays bounded
 */
@ConfigurationProperties("litiges.security")
public record FailedAuthLimits(@DefaultValue("20") int failedAuthLimit, @DefaultValue("1m") Duration failedAuthWindow,
                               @DefaultValue("10000") int failedAuthAddresses) {
}
