package org.candor.protocol;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.candor.engine.EngineEvents;

/**
 * An {@link EngineEvents} that records every call as its method name and arguments. It is a dynamic proxy so that
 * a new event method is recorded without touching the tests, which is what the coverage tests rely on.
 */
final class RecordingEvents implements InvocationHandler {
    /** One event: the interface method's name and its arguments in order. */
    record Call(String name, List<Object> args) {
    }

    final List<Call> calls = new ArrayList<>();
    final EngineEvents events = (EngineEvents) Proxy.newProxyInstance(EngineEvents.class.getClassLoader(),
        new Class<?>[] {EngineEvents.class}, this);

    @Override
    public Object invoke(final Object proxy, final Method method, final Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "RecordingEvents" + calls.size();
            };
        }
        final Object[] kept = args.clone();
        for (int i = 0; i < kept.length; i++) {
            // Characters are lent for the call only (a label is the command's own bytes): keep a copy.
            if (kept[i] instanceof CharSequence chars && !(chars instanceof String)) {
                kept[i] = chars.toString();
            }
        }
        calls.add(new Call(method.getName(), Arrays.asList(kept)));
        return null;
    }

    /** The reference of the last command result: the id of the order, withdrawal or hold it created. */
    long lastReference() {
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (calls.get(i).name().equals("commandResult")) {
                return (Long) calls.get(i).args().get(5);
            }
        }
        throw new IllegalStateException("no command result yet");
    }

    /** An {@link EngineEvents} that passes every call to both {@code first} and {@code second}, in that order. */
    static EngineEvents tee(final EngineEvents first, final EngineEvents second) {
        return (EngineEvents) Proxy.newProxyInstance(EngineEvents.class.getClassLoader(),
            new Class<?>[] {EngineEvents.class}, (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                    return method.getName().equals("equals") ? proxy == args[0]
                        : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : "tee";
                }
                method.invoke(first, args);
                method.invoke(second, args);
                return null;
            });
    }
}
