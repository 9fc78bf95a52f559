package org.candor.protocol;

/**
 * Distinct, valid-looking arguments for any command or event signature, so that a swapped field shows up as a
 * difference: each position gets its own value, and each enum position a different constant.
 */
final class SampleArguments {
    private SampleArguments() {
    }

    static Object[] of(final Class<?>[] types) {
        final Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = sample(types[i], i);
        }
        return args;
    }

    private static Object sample(final Class<?> type, final int position) {
        if (type == long.class) {
            return 1_000_003L * (position + 1);
        }
        if (type == int.class) {
            return position + 1;
        }
        if (type == boolean.class) {
            return position % 2 == 1;
        }
        if (type == String.class || type == CharSequence.class) {
            return "S" + position;
        }
        if (type.isEnum()) {
            final Object[] constants = type.getEnumConstants();
            return constants[(position + 1) % constants.length];
        }
        throw new IllegalArgumentException("no sample for type=" + type.getName());
    }
}
