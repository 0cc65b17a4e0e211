package fr.litiges.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL                      | en",
            "''                        | en",
            "fr                        | fr",
            "fr-FR                     | fr",
            "fr-FR,fr;q=0.9            | fr",
            "FR-ca                     | fr",
            "en                        | en",
            "en-US,en;q=0.9,fr;q=0.8   | en",
            "fr;q=0.5,en;q=0.8         | en",
            "en;q=0.5,fr;q=0.8         | fr",
            "de-DE,fr;q=0.7,en;q=0.3   | fr",
            "de-DE                     | en",
            "*                         | en",
            "fr;q=0,en                 | en",
            "not a header;;q=x         | en"})
    void frenchOnlyWhenPreferred(String header, String expected) {
        assertThat(Languages.preferred(header)).isEqualTo(expected);
    }
}
