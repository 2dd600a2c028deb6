package org.nf4j.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell's snippets in this JVM, on the calling thread (so a cell's objects, pictures and large
 * arrays never cross a process boundary), and keeps what the last snippet returned or threw as the
 * objects themselves: JShell reports only their {@code toString()} and the thrown exception's name.
 */
final class CapturingExecutionControl extends DirectExecutionControl {
    private Object value;
    private Throwable thrown;
    private volatile Thread running;

    /** A provider that hands JShell this control. */
    ExecutionControlProvider provider() {
        ExecutionControl control = this;
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "nf4j-direct";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
    }

    /** Forgets the previous snippet's value and exception; call before each snippet. */
    void reset() {
        value = null;
        thrown = null;
    }

    /** What the last snippet's code returned (an expression's value, a variable's initial value), or null. */
    Object value() {
        return value;
    }

    /** What the last snippet's code threw, or null. */
    Throwable thrown() {
        return thrown;
    }

    /** Interrupts the thread running a snippet, if one is running (code that never checks runs on). */
    void interrupt() {
        Thread t = running;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        running = Thread.currentThread();
        try {
            value = doitMethod.invoke(null);
            // the value is rendered from the object itself; its toString() may be long or slow
            return "";
        } catch (InvocationTargetException e) {
            thrown = e.getCause();
            throw e;
        } finally {
            running = null;
            Thread.interrupted();
        }
    }
}
