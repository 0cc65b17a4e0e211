package fr.litiges.ops;

import fr.litiges.decision.DecisionService;
import fr.litiges.decision.api.Decision;
import java.lang.reflect.Method;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the decision service so that every decision it returns is observed by
 * {@link DecisionMetrics}, without the decision core knowing about metrics. Only calls from
 * outside are seen (the controller's single and batch calls), so a decision is counted once even
 * though one {@code decide} calls the other.
 */
final class DecisionObserver implements BeanPostProcessor {
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
        proxy.addAdvice((MethodInterceptor) invocation -> isDecision(invocation.getMethod())
                ? metrics.getObject().observe(invocation)
                : invocation.proceed());
        return proxy.getProxy(bean.getClass().getClassLoader());
    }

    private static boolean isDecision(Method method) {
        return method.getName().equals("decide") && method.getReturnType() == Decision.class;
    }
}
