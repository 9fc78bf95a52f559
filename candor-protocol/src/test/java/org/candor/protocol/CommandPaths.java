package org.candor.protocol;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.candor.engine.Engine;

/**
 * The two ways of sending {@link Commands} to an engine: calling it directly, or encoding each command with
 * {@link CommandEncoder} and applying the bytes with {@link CommandDispatcher}. Both are reflective proxies that
 * look up the method of the same name and argument types, so a missing or mismatched encoder method fails loudly.
 */
final class CommandPaths {
    /** Commands are written at an odd offset, so offsets are known to be honoured. */
    static final int OFFSET = 13;

    private CommandPaths() {
    }

    static Commands direct(final Engine engine, final List<String> sent) {
        return proxy((method, args) -> {
            sent.add(method.getName());
            return Engine.class.getMethod(method.getName(), method.getParameterTypes()).invoke(engine, args);
        });
    }

    static Commands wire(final Engine engine, final List<String> sent) {
        final CommandEncoder encoder = new CommandEncoder();
        final CommandDispatcher dispatcher = new CommandDispatcher(engine);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[OFFSET + CommandEncoder.MAX_COMMAND_LENGTH]);
        return proxy((method, args) -> {
            sent.add(method.getName());
            // Garbage in the buffer shows that the encoder writes every byte of the message, padding included.
            buffer.setMemory(0, buffer.capacity(), (byte) 0x5A);
            final int length = (int) encoderMethod(method.getName(), method.getParameterTypes())
                .invoke(encoder, withBuffer(buffer, OFFSET, args));
            return dispatcher.dispatch(buffer, OFFSET, length);
        });
    }

    /** The {@link CommandEncoder} method for an engine command: the same name, buffer and offset first. */
    static Method encoderMethod(final String name, final Class<?>[] engineTypes) throws NoSuchMethodException {
        final Class<?>[] types = new Class<?>[engineTypes.length + 2];
        types[0] = MutableDirectBuffer.class;
        types[1] = int.class;
        System.arraycopy(engineTypes, 0, types, 2, engineTypes.length);
        return CommandEncoder.class.getMethod(name, types);
    }

    static Object[] withBuffer(final MutableDirectBuffer buffer, final int offset, final Object[] args) {
        final Object[] all = new Object[args.length + 2];
        all[0] = buffer;
        all[1] = offset;
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }

    private static Commands proxy(final Call call) {
        return (Commands) Proxy.newProxyInstance(Commands.class.getClassLoader(), new Class<?>[] {Commands.class},
            (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                    return method.getName().equals("equals") ? proxy == args[0]
                        : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : "commands";
                }
                try {
                    return call.apply(method, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }

    /** One command call, by reflection. */
    @FunctionalInterface
    private interface Call {
        Object apply(Method method, Object[] args) throws ReflectiveOperationException;
    }
}
