package fr.litiges.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.litiges.security.TestOidcIssuer;
import fr.litiges.testing.AnalystWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The analysts' console in a real browser: Debian's Chromium, headless, driven by Selenium against
 * the whole service on a random port, over a temporary copy of the shipped rules. Skipped (with the
 * reason) only where no Chromium is installed. The steps that need the ruleset versions, impact
 * and report APIs check first that the service has them, and are skipped, saying so, where it has not.
 * <p>
 * {@code -Dconsole.screenshots=docs/console} saves the pages shown in the analysts' guide.
 */
// An OIDC issuer beside the API keys: both sign-ins in one context. The folders do not follow
// published versions here, so the grid can be seen reading the version rather than the folder.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"litiges.ruleset.watch=false", "litiges.decision.time-budget=20s", "litiges.console.replay-sample=replay/sample.ndjson",
                "litiges.rulesets.follow-folders=false", "litiges.console.oidc-client-id=" + ConsoleBrowserTest.CLIENT,
                "litiges.security.jwt.roles-claim=" + ConsoleBrowserTest.ROLES_CLAIM})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    static final String CLIENT = "litiges-console";
    static final String ROLES_CLAIM = "litiges_roles";
    private static final TestOidcIssuer ISSUER = TestOidcIssuer.start(ROLES_CLAIM);
    private static final String ADMIN_KEY = "local-admin-key";
    private static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"));

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path root;
    private static AnalystWorkspace workspace;
    private static Path profile;
    private static Path downloads;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void analystFolders(DynamicPropertyRegistry registry) {
        try {
            root = Files.createTempDirectory("console-rules");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        workspace = AnalystWorkspace.copyOfShippedRules(root);
        registry.add("litiges.ruleset.rules-dir", () -> workspace.rules().toString());
        registry.add("litiges.ruleset.tables-dir", () -> workspace.tables().toString());
        registry.add("litiges.scenarios.dir", () -> workspace.scenarios().toString());
        registry.add("litiges.security.jwt.issuer-uri", ISSUER::issuer);
        // with an issuer the local keys are retired: the same keys, configured as a deployment would (a list binds
        // from one property source only: all of it here)
        registry.add("litiges.security.api-keys[0].name", () -> "local-admin");
        registry.add("litiges.security.api-keys[0].sha256", () -> sha256(ADMIN_KEY));
        registry.add("litiges.security.api-keys[0].roles", () -> "decider,rules-admin");
        registry.add("litiges.security.api-keys[1].name", () -> "local-decider");
        registry.add("litiges.security.api-keys[1].sha256", () -> sha256("local-decider-key"));
        registry.add("litiges.security.api-keys[1].roles", () -> "decider");
    }

    private static String sha256(String key) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void startChromium() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "No Chromium here (" + CHROMIUM + ", " + CHROMEDRIVER + "): the console's browser tests are skipped. "
                        + "Install them with: apt-get install -y chromium chromium-driver");
        // The machines have no internet: name the driver and the browser, so Selenium Manager never looks for them.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        System.setProperty("SE_OFFLINE", "true");
        profile = Files.createTempDirectory("console-chromium");
        downloads = Files.createTempDirectory("console-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        options.setBinary(CHROMIUM.toFile());
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--window-size=1280,800", "--lang=fr-FR", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // --window-size counts the window, not the page: make the page itself 1280 x 800, as the issue asks
        @SuppressWarnings("unchecked")
        List<Number> inner = (List<Number>) ((JavascriptExecutor) browser).executeScript("return [window.innerWidth, window.innerHeight]");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280 + 1280 - inner.get(0).intValue(),
                800 + 800 - inner.get(1).intValue()));
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        ISSUER.close();
        deleteTree(profile);
        deleteTree(downloads);
        deleteTree(root);
    }

    @BeforeEach
    void onTheRulesOfTheWorkspace() {
        assertThat(browser).as("Chromium started").isNotNull();
    }

    /** What the browser showed and logged at the end of each test, under target/, for whoever reads a failure. */
    @org.junit.jupiter.api.AfterEach
    void keepTheLastPage(org.junit.jupiter.api.TestInfo test) throws IOException {
        Path folder = Path.of("target", "console-browser");
        Files.createDirectories(folder);
        String name = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test");
        Files.copy(((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        StringBuilder log = new StringBuilder(browser.getCurrentUrl()).append("\n");
        browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)
                .forEach(entry -> log.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n'));
        log.append(browser.findElement(By.tagName("body")).getText());
        Files.writeString(folder.resolve(name + ".txt"), log);
    }

    // ---------------------------------------------------------------- what works on every build

    @Test
    @Order(1)
    void onlyARulesAdminKeySignsIn() {
        browser.get(url("/console"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin")));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Connexion");
        assertThat(browser.getCurrentUrl()).doesNotContain("key");
        assertThat(browser.findElement(By.id("signout")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();
        assertThat(browser.switchTo().activeElement().getAttribute("name")).isEqualTo("apiKey");
        screenshot("connexion");

        signInWith("not-a-key");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=alert]"), "Clé refusée"));

        signInWith("local-decider-key");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=alert]"), "n'ont pas le rôle rules-admin"));

        signInWith(ADMIN_KEY);
        wait.until(ExpectedConditions.textToBe(By.id("who"), "Connecté : local-admin"));
        assertThat(waitForText(By.tagName("h1"))).isEqualTo("Règles actives");
        assertThat(browser.getCurrentUrl()).doesNotContain(ADMIN_KEY);
        Object stored = js("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie");
        assertThat(stored.toString()).doesNotContain(ADMIN_KEY);
    }

    @Test
    @Order(2)
    void theActiveRulesetShowsItsFilesAndTheEnglishSwitchTranslatesThePage() {
        signIn();
        String version = waitForText(By.id("active-version"));
        assertThat(version).isEqualTo(get("/api/v1/ruleset").body().replaceAll(".*\"version\":\"([^\"]+)\".*", "$1"));
        assertThat(browser.findElements(By.cssSelector("#files a"))).extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).startsWith("decision-tables/resolution.xlsx"))
                .anySatisfy(text -> assertThat(text).startsWith("rules/escalation.drl"));
        screenshot("regles");

        browser.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Active rules"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.cssSelector("#nav a[data-route=essayer]")).getText()).isEqualTo("Try a complaint");
        browser.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Règles actives"));
    }

    @Test
    @Order(2)
    void theConsolesFileViewsNeedTheRulesAdminRoleAndOpenOnlyTheRulesetsFiles() {
        assertThat(status("GET", "/api/v1/console/files/rules/escalation.drl")).isEqualTo(200);
        assertThat(send("GET", "/api/v1/console/files/rules/escalation.drl", "local-decider-key").statusCode()).isEqualTo(403);
        HttpResponse<String> missing = get("/api/v1/console/files/rules/nope.drl");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(status("GET", "/api/v1/console/files/rules/..%2F..%2Fpom.xml")).isIn(400, 404);
        assertThat(get("/console/").headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'"));
    }

    @Test
    @Order(3)
    void aTraceEntryOpensItsTableAtItsRowHighlighted() {
        signIn();
        waitForText(By.id("active-version"));
        browser.findElement(By.cssSelector("#nav a[data-route=essayer]")).click();
        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("text")));
        text.sendKeys("Bonjour, la facture F-1 nous a été facturée deux fois pour la même commande.");
        browser.findElement(By.cssSelector("input[name=reason][value=BILLED_TWICE]")).click();
        browser.findElement(By.name("amount")).sendKeys("1200");
        setDate(By.name("issuedOn"), "2026-10-01");
        setDate(By.name("dueOn"), "2026-11-30");
        browser.findElement(By.id("decide")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trace")));
        assertThat(browser.findElement(By.id("rationale")).getText()).isNotBlank();
        screenshot("essai");
        WebElement tableEntry = browser.findElements(By.cssSelector("#trace a.open-trace")).stream()
                .filter(link -> link.getAttribute("href").contains("sheet="))
                // the last one: the text patterns found come first in the trace, the table rules after them
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no decision-table rule in the trace"));
        String href = tableEntry.getAttribute("href");
        String sheet = java.net.URLDecoder.decode(href.replaceAll(".*[?&]sheet=([^&]+).*", "$1"), java.nio.charset.StandardCharsets.UTF_8);
        String row = href.replaceAll(".*[?&]row=(\\d+).*", "$1");
        tableEntry.click();

        WebElement highlighted = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.grid tr.hl")));
        assertThat(highlighted.getAttribute("data-row")).isEqualTo(row);
        assertThat(highlighted.getAttribute("aria-current")).isEqualTo("location");
        assertThat(browser.findElement(By.cssSelector("[role=tab][aria-selected=true]")).getAttribute("data-sheet")).isEqualTo(sheet);
        assertThat(browser.switchTo().activeElement().getAttribute("aria-label")).contains(row, sheet);
        assertThat(highlighted.findElement(By.cssSelector("td.cov")).getText()).matches("\\d+");
        screenshot("grille");

        browser.navigate().back();
        WebElement ruleEntry = wait.until(driver -> driver.findElements(By.cssSelector("#trace a.open-trace")).stream()
                .filter(link -> link.getAttribute("href").contains("line=") && !link.getAttribute("href").contains("sheet="))
                .findFirst().orElse(null));
        String line = ruleEntry.getAttribute("href").replaceAll(".*[?&]line=(\\d+).*", "$1");
        ruleEntry.click();
        WebElement drlLine = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".code .line.hl")));
        assertThat(drlLine.getAttribute("data-line")).isEqualTo(line);
        assertThat(drlLine.getText()).contains("rule");
        assertThat(browser.switchTo().activeElement().getAttribute("data-line")).isEqualTo(line);
        screenshot("drl");
    }

    /**
     * An analyst with a keyboard only: types the key and Enter, tabs to "Essayer", fills the complaint,
     * submits with Enter, tabs to a trace entry and opens it: the table's row has the focus.
     */
    @Test
    @Order(4)
    void withAKeyboardOnlyAnAnalystSignsInTriesAComplaintAndOpensATraceRow() {
        browser.get("about:blank");
        browser.get(url("/console/"));
        wait.until(driver -> "apiKey".equals(driver.switchTo().activeElement().getAttribute("name")));
        keys(ADMIN_KEY, org.openqa.selenium.Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("who"), "Connecté : local-admin"));
        waitForText(By.id("active-version"));

        tabTo(element -> "essayer".equals(element.getAttribute("data-route")));
        keys(org.openqa.selenium.Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Essayer une réclamation"));
        tabTo(element -> "text".equals(element.getAttribute("name")));
        keys("Bonjour, la facture F-9 nous a été facturée deux fois pour la même commande.");
        tabTo(element -> "BILLED_TWICE".equals(element.getAttribute("value")));
        keys(org.openqa.selenium.Keys.SPACE);
        tabTo(element -> "invoiceNumber".equals(element.getAttribute("name")));
        new org.openqa.selenium.interactions.Actions(browser).keyDown(org.openqa.selenium.Keys.CONTROL).sendKeys("a")
                .keyUp(org.openqa.selenium.Keys.CONTROL).sendKeys(org.openqa.selenium.Keys.DELETE).perform(); // no invoice
        assertThat(browser.switchTo().activeElement().getAttribute("value")).isEmpty();
        tabTo(element -> "decide".equals(element.getAttribute("id")));
        keys(org.openqa.selenium.Keys.ENTER);

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trace")));
        WebElement entry = tabTo(element -> element.getAttribute("class") != null && element.getAttribute("class").contains("open-trace")
                && element.getAttribute("href").contains("sheet="));
        String row = entry.getAttribute("href").replaceAll(".*[?&]row=(\\d+).*", "$1");
        keys(org.openqa.selenium.Keys.ENTER);
        WebElement highlighted = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.grid tr.hl")));
        assertThat(highlighted.getAttribute("data-row")).isEqualTo(row);
        assertThat(browser.switchTo().activeElement().getAttribute("aria-label")).contains(row);
    }

    /** Presses Tab until the focus is on what the analyst looks for; fails when Tab never gets there. */
    private WebElement tabTo(java.util.function.Predicate<WebElement> wanted) {
        for (int presses = 0; presses < 300; presses++) {
            WebElement focused = browser.switchTo().activeElement();
            if (wanted.test(focused)) {
                return focused;
            }
            keys(org.openqa.selenium.Keys.TAB);
        }
        throw new AssertionError("Tab never reaches the element looked for on " + browser.getCurrentUrl());
    }

    private void keys(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(keys).perform();
    }

    @Test
    @Order(4)
    void theSheetTabsMoveWithTheArrowKeys() {
        signIn("fichier?path=decision-tables/resolution.xlsx");
        WebElement first = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[role=tab][aria-selected=true]")));
        first.click();
        first.sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT);
        WebElement now = browser.switchTo().activeElement();
        assertThat(now.getAttribute("role")).isEqualTo("tab");
        assertThat(now.getAttribute("aria-selected")).isEqualTo("true");
        assertThat(now.getAttribute("data-sheet")).isNotEqualTo(first.getAttribute("data-sheet"));
    }

    @Test
    @Order(5)
    void aBrokenTableIsRefusedAndItsErrorOpensTheRow() throws IOException {
        Path table = workspace.tables().resolve("resolution.xlsx");
        Path saved = Files.createTempFile(root, "resolution", ".xlsx");
        Files.copy(table, saved, StandardCopyOption.REPLACE_EXISTING);
        try {
            workspace.editTable("resolution.xlsx", workbook -> AnalystWorkspace.rowStartingWith(workbook.getSheet("Canaux"), "BUSINESS_MEDIATION")
                    .getCell(1).setCellValue("soixante"));
            int row = AnalystWorkspace.rowNumberOf(table, "Canaux", "BUSINESS_MEDIATION");
            signIn();
            String active = waitForText(By.id("active-version"));
            browser.findElement(By.id("reload")).click();

            WebElement errors = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reload-errors")));
            WebElement link = errors.findElements(By.tagName("a")).stream()
                    .filter(a -> a.getText().startsWith("decision-tables/resolution.xlsx — Canaux · Ligne " + row))
                    .findFirst().orElseThrow(() -> new AssertionError("no link to Canaux row " + row + " in: " + errors.getText()));
            assertThat(errors.getText()).contains("soixante");
            assertThat(browser.findElement(By.id("active-version")).getText()).isEqualTo(active);
            screenshot("erreurs");
            link.click();

            WebElement highlighted = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.grid tr.hl")));
            assertThat(highlighted.getAttribute("data-row")).isEqualTo(String.valueOf(row));
            assertThat(highlighted.getText()).contains("soixante");
            // the refused draft is the folder's, and the page says it is not what decides
            assertThat(browser.findElement(By.id("file-origin")).getText()).contains("Dossier de travail");
        } finally {
            Files.copy(saved, table, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    // ---------------------------------------------------------------- OIDC sign-in (authorization code + PKCE)

    @Test
    @Order(7)
    void theIssuersSignInGivesATokenThatOpensTheAdminPagesAndIsNeverWrittenDown() {
        ISSUER.register(CLIENT, url("/console/"));
        ISSUER.signInAs("analyste.oidc", List.of("rules-admin"));
        int before = ISSUER.issuedTokens().size();
        ch.qos.logback.classic.Logger logRoot = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level testLevel = logRoot.getLevel();
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs = new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        logRoot.addAppender(logs);
        // the detail goes to the capture only, not to the build's output
        ch.qos.logback.core.Appender<ch.qos.logback.classic.spi.ILoggingEvent> console = logRoot.getAppender("CONSOLE");
        if (console != null) {
            logRoot.detachAppender(console);
        }
        // stricter than production (INFO): whatever the service and Spring Security say in detail while the token is used
        logRoot.setLevel(ch.qos.logback.classic.Level.DEBUG);
        ch.qos.logback.classic.Logger service = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("fr.litiges");
        ch.qos.logback.classic.Level serviceLevel = service.getLevel();
        service.setLevel(ch.qos.logback.classic.Level.DEBUG);
        String token;
        try {
            browser.get("about:blank");
            browser.get(url("/console/#/regles"));
            wait.until(ExpectedConditions.elementToBeClickable(By.id("oidc"))).click();

            wait.until(ExpectedConditions.textToBe(By.id("who"), "Connecté : analyste.oidc"));
            assertThat(ISSUER.refusals()).as("what the issuer refused").isEmpty();
            assertThat(ISSUER.issuedTokens()).hasSize(before + 1);
            token = ISSUER.issuedTokens().get(before);
            // the token opens an admin page: the active version and the history are read with it
            assertThat(waitForText(By.id("active-version"))).isNotBlank();
            assertThat(browser.findElements(By.cssSelector("#history tbody tr"))).isNotEmpty();
            assertThat(browser.findElement(By.cssSelector("main h1")).getText()).isEqualTo("Règles actives");

            String signature = token.substring(token.lastIndexOf('.') + 1);
            assertThat(browser.getCurrentUrl()).doesNotContain("code=", "state=", signature);
            Object requested = js("return performance.getEntries().map(e => e.name).join('\\n')");
            // every address this page loaded: its own (with the one-time code, now spent), the issuer's token endpoint, the API
            assertThat(requested.toString()).contains(ISSUER.tokenEndpoint(), "/api/v1/console/me").doesNotContain(signature);
            Object stored = js("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie");
            assertThat(stored.toString()).doesNotContain(signature).doesNotContain("litiges.console.pkce");
            // no cookie carries a session: there is nothing for a cross-site request to ride on (docs/security.md)
            assertThat(browser.manage().getCookies()).isEmpty();
        } finally {
            logRoot.detachAppender(logs);
            if (console != null) {
                logRoot.addAppender(console);
            }
            logRoot.setLevel(testLevel);
            service.setLevel(serviceLevel);
        }
        String signature = token.substring(token.lastIndexOf('.') + 1);
        assertThat(logs.list).as("the capture caught the requests' log lines")
                .anySatisfy(event -> assertThat(event.getLoggerName()).startsWith("org.springframework.security"));
        assertThat(logs.list).noneSatisfy(event -> assertThat(event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage())).contains(signature));

        browser.findElement(By.id("signout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin")));
        assertThat(browser.findElement(By.id("who")).getText()).isEmpty();
        browser.get(url("/console/#/modifier"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin")));
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();
        assertThat(ISSUER.issuedTokens()).hasSize(before + 1);
    }

    @Test
    @Order(7)
    void aRefusalAtTheIssuerIsToldAndLeavesNothingBehind() {
        ISSUER.register(CLIENT, url("/console/"));
        ISSUER.denyNext();
        browser.get("about:blank");
        browser.get(url("/console/#/regles"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("oidc"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=alert]"), "access_denied"));
        assertThat(browser.getCurrentUrl()).doesNotContain("error=", "state=");
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();
        assertThat(js("return sessionStorage.length").toString()).isEqualTo("0");
    }

    /**
     * The issuer the browser test signs in through refuses a wrong verifier, a plain challenge and a
     * replayed code: the console's sign-in above passes only because its PKCE is right.
     */
    @Test
    @Order(8)
    void theIssuerRefusesAWrongVerifierSoTheConsolesPkceIsReallyChecked() throws Exception {
        String redirect = url("/console/");
        ISSUER.register(CLIENT, redirect);
        ISSUER.signInAs("analyste.oidc", List.of("rules-admin"));
        String verifier = "a-verifier-of-the-test-with-enough-characters-" + System.nanoTime();

        assertThat(exchange(authorize(redirect, TestOidcIssuer.challengeOf(verifier), "S256"), verifier + "x", redirect).statusCode())
                .isEqualTo(400);
        assertThat(exchange(authorize(redirect, TestOidcIssuer.challengeOf(verifier), "S256"), TestOidcIssuer.challengeOf(verifier), redirect)
                .statusCode()).isEqualTo(400);
        HttpResponse<String> plain = HTTP.send(HttpRequest.newBuilder(URI.create(ISSUER.authorizationEndpoint() + "?" + query(redirect, verifier, "plain")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).contains("error=invalid_request"));

        String code = authorize(redirect, TestOidcIssuer.challengeOf(verifier), "S256");
        HttpResponse<String> granted = exchange(code, verifier, redirect);
        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(exchange(code, verifier, redirect).statusCode()).as("a code is good once").isEqualTo(400);
        String token = granted.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/v1/console/me")))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("analyste.oidc", "rules-admin");

        ISSUER.signInAs("crm", List.of("decider"));
        String deciderToken = exchange(authorize(redirect, TestOidcIssuer.challengeOf(verifier), "S256"), verifier, redirect).body()
                .replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/v1/console/me"))).header("Authorization", "Bearer " + deciderToken)
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
        ISSUER.signInAs("analyste.oidc", List.of("rules-admin"));
    }

    private static String query(String redirect, String challenge, String method) {
        return "response_type=code&client_id=" + CLIENT + "&state=s1&code_challenge_method=" + method + "&code_challenge="
                + java.net.URLEncoder.encode(challenge, java.nio.charset.StandardCharsets.UTF_8)
                + "&redirect_uri=" + java.net.URLEncoder.encode(redirect, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The code the issuer sends back to the console's address. */
    private static String authorize(String redirect, String challenge, String method) throws Exception {
        HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(URI.create(ISSUER.authorizationEndpoint() + "?" + query(redirect, challenge, method)))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirect + "?").contains("state=s1");
        return location.replaceAll(".*[?&]code=([^&]+).*", "$1");
    }

    private static HttpResponse<String> exchange(String code, String verifier, String redirect) throws Exception {
        String form = "grant_type=authorization_code&client_id=" + CLIENT + "&code=" + code + "&code_verifier="
                + java.net.URLEncoder.encode(verifier, java.nio.charset.StandardCharsets.UTF_8)
                + "&redirect_uri=" + java.net.URLEncoder.encode(redirect, java.nio.charset.StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(URI.create(ISSUER.tokenEndpoint())).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The grid reads the version that decides: a change published through the API shows in the grid
     * while the working folder keeps its file; the history opens the previous version's file as it was.
     */
    @Test
    @Order(9)
    void theGridShowsTheActiveVersionNotTheFolderAndTheHistoryOpensAnyVersion() throws Exception {
        assumeTrue(status("GET", "/api/v1/rulesets") == 200, "GET /api/v1/rulesets is not in this build (issue 11)");
        Path folderFile = workspace.tables().resolve("resolution.xlsx");
        byte[] folderBefore = Files.readAllBytes(folderFile);
        String previous = get("/api/v1/ruleset").body().replaceAll(".*\"version\":\"([^\"]+)\".*", "$1");
        String marker = "essai " + System.nanoTime() % 1_000_000;
        Path changed = root.resolve("api-resolution.xlsx");
        Files.write(changed, folderBefore);
        AnalystWorkspace.editWorkbook(changed, workbook -> {
            org.apache.poi.ss.usermodel.Cell cell = AnalystWorkspace.rowStartingWith(workbook.getSheet("Justifications"), "AMICABLE_SETTLEMENT")
                    .getCell(3);
            cell.setCellValue(cell.getStringCellValue() + " " + marker);
        });
        int row = AnalystWorkspace.rowNumberOf(changed, "Justifications", "AMICABLE_SETTLEMENT");
        String published = publish("decision-tables/resolution.xlsx", Files.readAllBytes(changed), "Version publiée par l'API, " + marker);
        try {
            signIn("fichier?path=decision-tables/resolution.xlsx&sheet=Justifications&row=" + row);
            WebElement highlighted = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.grid tr.hl")));
            assertThat(highlighted.getText()).contains(marker);
            assertThat(browser.findElement(By.id("file-origin")).getAttribute("data-version")).isEqualTo(published);
            assertThat(Files.readAllBytes(folderFile)).as("the working folder's file").isEqualTo(folderBefore);

            signIn();
            WebElement older = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#history tr[data-version='" + previous + "']")));
            new Select(older.findElement(By.tagName("select"))).selectByValue("decision-tables/resolution.xlsx");
            older.findElement(By.cssSelector("button.view")).click();
            WebElement origin = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("file-origin")));
            assertThat(origin.getAttribute("data-version")).isEqualTo(previous);
            assertThat(origin.getText()).contains("pas active");
            browser.findElement(By.cssSelector("[role=tab][data-sheet=Justifications]")).click();
            WebElement oldRow = browser.findElement(By.cssSelector("[role=tabpanel]:not([hidden]) table.grid tr[data-row='" + row + "']"));
            assertThat(oldRow.getText()).contains("AMICABLE_SETTLEMENT").doesNotContain(marker);
            screenshot("version");
        } finally {
            assertThat(send("POST", "/api/v1/rulesets/" + previous + "/activate").statusCode()).isEqualTo(200);
        }
    }

    /** Publishes one changed file through the API, as a script or another tool would; answers the new version. */
    private String publish(String path, byte[] content, String message) throws Exception {
        String boundary = "----console-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + path
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> candidate = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/v1/rulesets/candidates")))
                .header("X-API-Key", ADMIN_KEY).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(candidate.statusCode()).as(candidate.body()).isEqualTo(201);
        assertThat(candidate.body()).contains("\"status\":\"READY\"");
        String id = candidate.body().replaceAll("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        HttpResponse<String> version = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/v1/rulesets/candidates/" + id + "/publish")))
                .header("X-API-Key", ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"" + message + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(version.statusCode()).as(version.body()).isEqualTo(201);
        return version.body().replaceAll("(?s).*?\"version\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    // ------------------------------------------ the change cycle: needs the ruleset versions API

    @Test
    @Order(10)
    void aGoodChangeShowsItsDiffAndImpactThenIsPublishedAndRolledBack() throws IOException {
        assumeTrue(status("POST", "/api/v1/rulesets/candidates") != 404,
                "POST /api/v1/rulesets/candidates answers 404: the ruleset versions API (issue 11) is not in this build");
        assumeTrue(status("GET", "/api/v1/rulesets") == 200, "GET /api/v1/rulesets is not in this build (issue 11)");
        Path upload = root.resolve("upload");
        Files.createDirectories(upload);
        Path changed = upload.resolve("resolution.xlsx");
        Files.copy(workspace.tables().resolve("resolution.xlsx"), changed, StandardCopyOption.REPLACE_EXISTING);
        String message = "Justification amiable précisée, essai " + System.nanoTime() % 1_000_000;
        AnalystWorkspace.editWorkbook(changed, workbook -> {
            // a rationale sentence: no scenario pins it, so the candidate is READY
            org.apache.poi.ss.usermodel.Row row = AnalystWorkspace.rowStartingWith(workbook.getSheet("Justifications"), "AMICABLE_SETTLEMENT");
            org.apache.poi.ss.usermodel.Cell last = row.getCell(3); // the French justification (the ID column comes after it)
            last.setCellValue(last.getStringCellValue() + " " + message);
        });
        signIn();
        List<WebElement> before = wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#history tbody tr")));
        String previous = browser.findElement(By.cssSelector("#history tr[data-active]")).getAttribute("data-version");

        browser.findElement(By.cssSelector("#nav a[data-route=modifier]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("change-files"))).sendKeys(changed.toString());
        assertThat(browser.findElement(By.cssSelector("#paths input")).getAttribute("value")).isEqualTo("decision-tables/resolution.xlsx");
        browser.findElement(By.id("check-change")).click();

        assertThat(waitForText(By.id("cand-status"))).isEqualTo("READY");
        WebElement diff = browser.findElement(By.cssSelector("#diff table.diff[data-sheet=Justifications]"));
        assertThat(diff.findElement(By.cssSelector("td.side-after.changed")).getText()).contains(message);
        assertThat(diff.findElement(By.cssSelector("td.side-before.changed")).getText()).doesNotContain(message);

        if (Files.isRegularFile(Path.of("replay/sample.ndjson"))) {
            browser.findElement(By.id("run-impact")).click();
        } else {
            Path complaints = upload.resolve("complaints.ndjson");
            Files.writeString(complaints, fr.litiges.console.ConsoleBrowserTest.sampleComplaints());
            browser.findElements(By.cssSelector("#candidate input[type=radio]")).get(1).click();
            browser.findElement(By.id("impact-file")).sendKeys(complaints.toString());
            browser.findElement(By.id("run-impact")).click();
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("impact-fields")));
        assertThat(browser.findElement(By.id("impact-changed")).getText()).matches("[\\d\\s\u202f\u00a0]+");
        screenshotAt("modifier", By.id("cand-h"));
        screenshotAt("impact", By.id("impact-h"));

        browser.findElement(By.id("publish-message")).sendKeys(message);
        browser.findElement(By.id("publish")).click();
        assertThat(waitForText(By.cssSelector("#publish-result .success"))).contains("active");

        browser.findElement(By.cssSelector("#nav a[data-route=regles]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), message));
        assertThat(browser.findElements(By.cssSelector("#history tbody tr"))).hasSizeGreaterThan(before.size());
        WebElement published = browser.findElement(By.cssSelector("#history tr[data-active]"));
        assertThat(published.getAttribute("data-version")).isNotEqualTo(previous);
        assertThat(published.getText()).contains(message);
        screenshotAt("historique", By.id("history-h"));

        WebElement previousRow = browser.findElement(By.cssSelector("#history tr[data-version='" + previous + "']"));
        previousRow.findElement(By.cssSelector("button.activate")).click();
        browser.switchTo().alert().accept();
        wait.until(driver -> previous.equals(driver.findElement(By.cssSelector("#history tr[data-active]")).getAttribute("data-version")));
    }

    @Test
    @Order(11)
    void anyFileOfAnyVersionDownloads() {
        assumeTrue(status("GET", "/api/v1/rulesets") == 200, "GET /api/v1/rulesets is not in this build (issue 11)");
        String version = get("/api/v1/rulesets").body().replaceAll("(?s).*?\"version\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(status("GET", "/api/v1/rulesets/" + version + "/files/rules/escalation.drl")).isEqualTo(200);
        signIn();
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#history tbody tr")));
        String rowVersion = row.getAttribute("data-version");
        new Select(row.findElement(By.tagName("select"))).selectByValue("decision-tables/resolution.xlsx");
        row.findElement(By.cssSelector("button.download")).click();
        // the browser saves it in its download folder, byte for byte the version's file
        Path saved = downloads.resolve("resolution.xlsx");
        wait.until(driver -> Files.isRegularFile(saved) && !Files.exists(downloads.resolve("resolution.xlsx.crdownload")));
        assertThat(row.findElements(By.cssSelector(".error, .notice"))).isEmpty();
        try {
            HttpResponse<byte[]> stored = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/v1/rulesets/" + rowVersion
                    + "/files/decision-tables/resolution.xlsx"))).header("X-API-Key", ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(Files.readAllBytes(saved)).isEqualTo(stored.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(12)
    void theDisputesReportDrawsItsChartsAndOffersTheWorkbook() throws IOException {
        assumeTrue(status("POST", "/api/v1/reports/disputes") != 404,
                "POST /api/v1/reports/disputes answers 404: the disputes report (issue 13) is not in this build");
        Path history = root.resolve("history.ndjson");
        Files.writeString(history, sampleComplaints());
        signIn();
        browser.findElement(By.cssSelector("#nav a[data-route=rapport]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-file"))).sendKeys(history.toString());
        browser.findElement(By.id("report-submit")).click();
        assertThat(waitForText(By.id("report-count"))).isEqualTo("3");
        assertThat(browser.findElements(By.cssSelector(".chart table.bars"))).hasSize(4);
        assertThat(browser.findElement(By.id("report-xlsx")).isEnabled()).isTrue();
        screenshot("rapport");

        browser.findElement(By.id("report-xlsx")).click();
        Path workbook = wait.until(driver -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(file -> file.toString().endsWith(".xlsx") && !file.getFileName().toString().equals("resolution.xlsx"))
                        .findFirst().orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (org.apache.poi.ss.usermodel.Workbook report = org.apache.poi.ss.usermodel.WorkbookFactory.create(
                new java.io.ByteArrayInputStream(Files.readAllBytes(workbook)))) {
            assertThat(report.getNumberOfSheets()).isPositive();
        }
    }

    // ---------------------------------------------------------------- helpers

    static String sampleComplaints() {
        StringBuilder lines = new StringBuilder();
        String[] texts = {"facturé deux fois", "il manque des articles", "produit défectueux"};
        for (int i = 0; i < texts.length; i++) {
            lines.append("{\"complaintId\":\"T-").append(i).append("\",\"receivedOn\":\"2026-0").append(i + 1)
                    .append("-15\",\"text\":\"").append(texts[i]).append("\",\"customer\":{\"id\":\"K-").append(i)
                    .append("\",\"type\":\"BUSINESS\"},\"invoices\":[{\"number\":\"F-").append(i)
                    .append("\",\"issuedOn\":\"2026-01-01\",\"dueOn\":\"2026-03-01\",\"amount\":1000.00,\"currency\":\"EUR\",\"status\":\"OPEN\"}]}\n");
        }
        return lines.toString();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void signIn() {
        signIn("regles");
    }

    /** Opens a fresh console at a page (which forgets any key) and signs in with the administrator's key. */
    private void signIn(String route) {
        browser.get("about:blank");
        browser.get(url("/console/#/" + route));
        signInWith(ADMIN_KEY);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
        wait.until(driver -> !driver.findElements(By.id("active-version")).isEmpty()
                || !driver.findElements(By.cssSelector("main h1")).isEmpty() && !driver.findElement(By.cssSelector("main h1")).getText().equals("Connexion"));
    }

    private void signInWith(String key) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("apiKey")));
        field.clear();
        field.sendKeys(key);
        browser.findElement(By.cssSelector("#signin button[type=submit]")).click();
        if (!key.equals(ADMIN_KEY)) {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alert]")));
        }
    }

    private String waitForText(By locator) {
        return wait.until(driver -> {
            List<WebElement> found = driver.findElements(locator);
            return found.isEmpty() || found.get(0).getText().isBlank() ? null : found.get(0).getText();
        });
    }

    private void setDate(By locator, String isoDate) {
        WebElement input = browser.findElement(locator);
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input, isoDate);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private HttpResponse<String> get(String path) {
        return send("GET", path);
    }

    private int status(String method, String path) {
        return send(method, path).statusCode();
    }

    private HttpResponse<String> send(String method, String path) {
        return send(method, path, ADMIN_KEY);
    }

    private HttpResponse<String> send(String method, String path, String key) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).header("X-API-Key", key)
                    .method(method, HttpRequest.BodyPublishers.noBody()).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A screenshot with this element at the top of the page. */
    private void screenshotAt(String name, By top) {
        js("arguments[0].scrollIntoView({block: 'start'})", browser.findElement(top));
        screenshot(name);
    }

    private void screenshot(String name) {
        String folder = System.getProperty("console.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        try {
            Path target = Path.of(folder).resolve(name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        }
    }
}
