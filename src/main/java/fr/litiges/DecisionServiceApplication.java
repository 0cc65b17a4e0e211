package fr.litiges;

import fr.litiges.scenario.ValidateCommand;
import fr.litiges.web.JsonLimits;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Decision service for B2B customer disputes: the rules live in rules/ and decision-tables/. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DecisionServiceApplication {

    static {
        // Before any JSON factory exists: bounds on what a request may make the parser do.
        JsonLimits.apply();
    }

    public static void main(String[] args) {
        if (args.length > 0 && "validate".equals(args[0])) {
            // Analysts check their files without starting the web server.
            System.exit(ValidateCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(DecisionServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
