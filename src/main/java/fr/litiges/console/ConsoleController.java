package fr.litiges.console;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's own calls. {@code /console/config.json} is public and names no secret; the
 * {@code /api/v1/console/**} paths need {@code rules-admin} like every rule-management path. A file
 * is read from the active version, from another one ({@code ?version=}), or from the working folders
 * ({@code ?workingFolders=true}, where a refused reload's errors point). The
 * service is looked up per call so that web slices which do not build the console still start.
 */
@RestController
@Hidden
class ConsoleController {
    private static final String FILES = "/api/v1/console/files/";

    private final ObjectProvider<ConsoleService> console;

    ConsoleController(ObjectProvider<ConsoleService> console) {
        this.console = console;
    }

    @GetMapping(path = "/console/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> config() {
        return console.getObject().config();
    }

    @GetMapping(path = "/api/v1/console/me", produces = MediaType.APPLICATION_JSON_VALUE)
    ConsoleService.Me me(Authentication caller) {
        return console.getObject().me(caller);
    }

    @GetMapping(path = "/api/v1/console/files", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> list() {
        return console.getObject().list();
    }

    @GetMapping(path = FILES + "**", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> file(HttpServletRequest request, @RequestParam(required = false) String version,
                             @RequestParam(defaultValue = "false") boolean workingFolders) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length() + FILES.length());
        return console.getObject().file(URLDecoder.decode(path, StandardCharsets.UTF_8),
                new ConsoleService.Source(version, workingFolders));
    }

    @GetMapping(path = "/api/v1/console/replay-sample", produces = "application/x-ndjson")
    ResponseEntity<byte[]> replaySample() throws IOException {
        return console.getObject().replaySample();
    }
}
