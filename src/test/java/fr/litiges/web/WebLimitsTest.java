package fr.litiges.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class WebLimitsTest {

    private static WebLimits bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("litiges.web", WebLimits.class);
    }

    @Test
    void defaultsAreTheContractLimits() {
        WebLimits limits = bind(Map.of());
        assertThat(limits.maxBodySize()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(limits.maxBodySize().toBytes()).isEqualTo(1024 * 1024);
        assertThat(limits.maxBatchBodySize()).isEqualTo(DataSize.ofMegabytes(16));
        assertThat(limits.maxBatchSize()).isEqualTo(1000);
    }

    @Test
    void limitsCanBeConfigured() {
        WebLimits limits = bind(Map.of("litiges.web.max-body-size", "2MB", "litiges.web.max-batch-size", "50"));
        assertThat(limits.maxBodySize()).isEqualTo(DataSize.ofMegabytes(2));
        assertThat(limits.maxBatchBodySize()).isEqualTo(DataSize.ofMegabytes(16));
        assertThat(limits.maxBatchSize()).isEqualTo(50);
    }
}
