package fr.litiges.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.litiges.decision.DecisionProperties;
import fr.litiges.decision.DecisionService;
import fr.litiges.decision.ShippedRuleset;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.web.LocalApiKey;
import fr.litiges.web.WebSlice;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@WebMvcTest(DisputesReportController.class)
@Import({WebSlice.class, LocalApiKey.class, DisputesReportControllerTest.Engine.class})
@TestPropertySource(properties = "litiges.web.max-replay-body-size=128KB")
class DisputesReportControllerTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;

    @TestConfiguration(proxyBeanMethods = false)
    static class Engine {
        @Bean
        DecisionService decisionService() {
            return new DecisionService(new ActiveRuleset(ShippedRuleset.get()), Clock.systemUTC(), new DecisionProperties(5000));
        }
    }

    private static List<String> sample(int lines) throws Exception {
        return Files.readAllLines(Path.of("replay/sample.ndjson")).subList(0, lines);
    }

    @Test
    void sumsUpTheSampleByCauseDepartmentChannelAndMonth() throws Exception {
        String body = String.join("\n", sample(60)) + "\n{\"complaintId\": \"broken\"\n";

        MvcResult result = mvc.perform(post("/api/v1/reports/disputes").contentType("application/x-ndjson").content(body))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.complaints").value(60))
                .andExpect(jsonPath("$.failed").value(1))
                .andReturn();

        JsonNode report = JsonMapper.builder().build().readTree(result.getResponse().getContentAsString());
        for (String table : List.of("byCause", "byDepartment", "byChannel", "byMonth")) {
            int count = 0;
            for (JsonNode line : report.get(table)) {
                count += line.get("count").asInt();
                assertThat(line.get("amountAtRisk").isNumber()).isTrue();
                assertThat(line.get("financingCost").isNumber()).isTrue();
            }
            assertThat(count).as(table).isEqualTo(60);
        }
        assertThat(report.get("byCause").get(0).has("subCause")).isTrue();
        assertThat(report.get("byMonth").get(0).get("month").asString()).matches("\\d{4}-\\d{2}");
        assertThat(report.get("unknownShare").decimalValue()).isBetween(java.math.BigDecimal.ZERO, java.math.BigDecimal.ONE);
        assertThat(report.get("financingCost").decimalValue()).isPositive();
        assertThat(report.get("expectedDelayDays").asLong()).isPositive();
    }

    @Test
    void answersAWorkbookWithOneSheetPerTableAndAChartOfCauses() throws Exception {
        String body = "{\"complaints\": [" + String.join(",", sample(40)) + "]}";

        byte[] xlsx = mvc.perform(post("/api/v1/reports/disputes").contentType(MediaType.APPLICATION_JSON).accept(XLSX).content(body))
                .andExpect(status().isOk())
                .andExpect(content().contentType(XLSX))
                .andReturn().getResponse().getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook).extracting(s -> s.getSheetName()).containsExactly("Synthèse", "Causes", "Services", "Canaux", "Mois");
            XSSFSheet causes = workbook.getSheet("Causes");
            assertThat(causes.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Sous-cause");
            assertThat(causes.getLastRowNum()).isPositive();
            assertThat(causes.getDrawingPatriarch().getCharts()).hasSize(1);
        }
    }

    @Test
    void aBodyThatIsNotAListOfComplaintsIs400() throws Exception {
        mvc.perform(post("/api/v1/reports/disputes").contentType(MediaType.APPLICATION_JSON).content("{\"items\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("complaints"));
    }

    @Test
    void overTheLimitIs413() throws Exception {
        String tooLong = String.join("\n", sample(400));
        mvc.perform(post("/api/v1/reports/disputes").contentType("application/x-ndjson").content(tooLong))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        String tooMany = "{\"complaints\": [" + "{},".repeat(ImpactReplay.MAX_COMPLAINTS) + "{}]}";
        mvc.perform(post("/api/v1/reports/disputes").contentType(MediaType.APPLICATION_JSON).content(tooMany))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void onlyRulesAdministratorsMayAsk() throws Exception {
        mvc.perform(post("/api/v1/reports/disputes").header("X-API-Key", LocalApiKey.DECIDER)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"complaints\": [{}]}"))
                .andExpect(status().isForbidden());
    }
}
