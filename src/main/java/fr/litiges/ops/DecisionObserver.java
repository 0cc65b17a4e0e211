package fr.litiges.ops;

import fr.litiges.decision.DecisionService;
import fr.litiges.decision.api.Decision;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Wraps the decision service so that every decision it returns to a caller of the decisions API is
 * observed by {@link DecisionMetrics}, without the decision core knowing about metrics. Only calls
 * from outside are seen (the controller's single and batch calls), so a decision is counted once
 * even though one {@code decide} calls the other; the analysts' scenarios run by the reload gate
 * are not decisions served and are not counted.
 */
final class DecisionObserver implements BeanPostProcessor {
    static final String DECISIONS_API = "/api/v1/decisions";

    private final ObjectProvider<DecisionMetrics> metrics;

    DecisionObserver(ObjectProvider<DecisionMetrics> metrics) {
        this.metrics = metrics;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DecisionService)) {
            return bean;
        }
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice((MethodInterceptor) invocation -> isDecision(invocation.getMethod()) && servedToACaller()
                ? metrics.getObject().observe(invocation)
                : invocation.proceed());
        return proxy.getProxy(bean.getClass().getClassLoader());
    }

    /** Asked by a request to /api/v1/decisions (one complaint or a batch), on the request's own thread. */
    static boolean servedToACaller() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRequestURI().substring(request.getContextPath().length()).startsWith(DECISIONS_API);
        }
        return false;
    }

    private static boolean isDecision(Method method) {
        return method.getName().equals("decide") && method.getReturnType() == Decision.class;
    }
}
