package fr.litiges.web;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The HTTP layer's own configuration (limits, size filter, strict JSON), for web slices of other packages. */
@TestConfiguration(proxyBeanMethods = false)
@Import(WebConfiguration.class)
public class WebSlice {
}
