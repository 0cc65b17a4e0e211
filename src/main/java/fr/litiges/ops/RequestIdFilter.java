package fr.litiges.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id (see {@link RequestIds}), puts it in the logging context as
 * {@code requestId} for every line logged while the request runs, and answers it in
 * {@code X-Request-Id}, so a CRM, a load balancer and our logs name the same request. Runs before
 * security, so refusals carry it too.
 */
final class RequestIdFilter extends OncePerRequestFilter {
    static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // An error dispatch of the same request keeps the id chosen on the way in.
        String id = request.getAttribute(ATTRIBUTE) instanceof String chosen ? chosen
                : RequestIds.of(request.getHeader(RequestIds.HEADER), request.getHeader(RequestIds.TRACEPARENT));
        request.setAttribute(ATTRIBUTE, id);
        if (!response.isCommitted()) {
            response.setHeader(RequestIds.HEADER, id);
        }
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
