package dev.jawa;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;

/**
 * Binds a WebAssembly function to a Java functional interface with a dynamic proxy. A first,
 * simple form: each call boxes its arguments; a generated binding can replace it later behind the
 * same {@link Instance#bind} method.
 */
final class FunctionBinding {

    private FunctionBinding() {
    }

    static <T> T bind(Function f, Class<T> type) {
        Method method = singleAbstractMethod(type);
        int params = f.type().params().size();
        if (method.getParameterCount() != params) {
            throw new IllegalArgumentException(type.getName() + "." + method.getName() + " takes "
                    + method.getParameterCount() + " parameters, the function " + params);
        }
        Class<?> ret = method.getReturnType();
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "WebAssembly function bound to " + type.getName();
                };
            }
            Object[] results = f.apply(args == null ? new Object[0] : args);
            if (ret == void.class) {
                return null;
            }
            if (ret == Object[].class) {
                return results;
            }
            if (results.length != 1) {
                throw new IllegalStateException("the function returns " + results.length + " values; bind it to a "
                        + "method returning Object[]");
            }
            return results[0];
        });
        return type.cast(proxy);
    }

    private static Method singleAbstractMethod(Class<?> type) {
        if (!type.isInterface()) {
            throw new IllegalArgumentException(type.getName() + " is not an interface");
        }
        Method found = null;
        for (Method m : type.getMethods()) {
            if (Modifier.isAbstract(m.getModifiers())) {
                if (found != null) {
                    throw new IllegalArgumentException(type.getName() + " has more than one abstract method");
                }
                found = m;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(type.getName() + " has no abstract method");
        }
        return found;
    }
}
