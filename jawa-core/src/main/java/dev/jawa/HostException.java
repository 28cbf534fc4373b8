package dev.jawa;

/**
 * A host function threw a Java exception (other than Jawa's own): the call that reached it
 * ends like a trap, with the WebAssembly stack trace, and the exception as the
 * {@linkplain #getCause() cause}. WebAssembly code cannot catch it.
 */
public class HostException extends Trap {

    private final String function;

    /** {@code cause} thrown by the host function named {@code function}. */
    public HostException(String function, Throwable cause) {
        super("host function " + function + " threw " + cause, cause);
        this.function = function;
    }

    /** The host function's name ({@code module.name} as the linker defined it). */
    public String function() {
        return function;
    }
}
