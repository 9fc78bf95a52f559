package org.candor.readmodel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import org.candor.engine.EngineEvents;

/** Sends every engine event to two sinks, in order: the way a test watches what the projector is given. */
final class Tee {
    private Tee() {
    }

    static EngineEvents of(final EngineEvents first, final EngineEvents second) {
        return (EngineEvents) Proxy.newProxyInstance(EngineEvents.class.getClassLoader(),
            new Class<?>[] {EngineEvents.class}, (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                    return method.invoke(first, args);
                }
                try {
                    method.invoke(first, args);
                    method.invoke(second, args);
                } catch (final InvocationTargetException e) {
                    throw e.getCause();
                }
                return null;
            });
    }
}
