package dev.jawa.text.wast;

import java.util.List;

/** One top-level command of a .wast script. Names ({@code $id}) are null when absent. */
public sealed interface WastCommand {

    /** The line of the command in the script. */
    int line();

    /**
     * {@code (module $name? ...)}: define and instantiate; with {@code definition}, only define
     * ({@code (module definition $name? ...)}), for later {@link ModuleInstance}.
     */
    record ModuleCmd(int line, String name, boolean definition, ModuleSource source) implements WastCommand {
    }

    /** {@code (module instance $instance? $definition?)}. */
    record ModuleInstance(int line, String instance, String definition) implements WastCommand {
    }

    /** {@code (register "as" $module?)}. */
    record Register(int line, String as, String module) implements WastCommand {
    }

    /** A bare action at top level. */
    record ActionCmd(int line, Action action) implements WastCommand {
    }

    /** {@code (assert_return action result...)}. */
    record AssertReturn(int line, Action action, List<ResultPattern> expected) implements WastCommand {

        public AssertReturn {
            expected = List.copyOf(expected);
        }
    }

    /** {@code (assert_trap action "message")}. */
    record AssertTrap(int line, Action action, String message) implements WastCommand {
    }

    /** {@code (assert_trap (module ...) "message")}: instantiation traps (in the start function). */
    record AssertModuleTrap(int line, ModuleSource module, String message) implements WastCommand {
    }

    /** {@code (assert_exhaustion action "message")}. */
    record AssertExhaustion(int line, Action action, String message) implements WastCommand {
    }

    /** {@code (assert_exception action)}. */
    record AssertException(int line, Action action) implements WastCommand {
    }

    /** {@code (assert_malformed module "message")}. */
    record AssertMalformed(int line, ModuleSource module, String message) implements WastCommand {
    }

    /** {@code (assert_invalid module "message")}. */
    record AssertInvalid(int line, ModuleSource module, String message) implements WastCommand {
    }

    /**
     * {@code (assert_malformed_custom module "message")}: the module is well-formed, but a custom
     * section or annotation in it is not (the custom-section tests).
     */
    record AssertMalformedCustom(int line, ModuleSource module, String message) implements WastCommand {
    }

    /** {@code (assert_invalid_custom module "message")}: a custom section's content is invalid. */
    record AssertInvalidCustom(int line, ModuleSource module, String message) implements WastCommand {
    }

    /** {@code (assert_unlinkable module "message")}. */
    record AssertUnlinkable(int line, ModuleSource module, String message) implements WastCommand {
    }

    /** {@code (assert_uninstantiable module "message")}. */
    record AssertUninstantiable(int line, ModuleSource module, String message) implements WastCommand {
    }

    /**
     * {@code (thread $name (shared (module $m))* command*)}: commands run on their own thread,
     * seeing the named modules of the enclosing script.
     */
    record Thread(int line, String name, List<String> sharedModules, List<WastCommand> commands)
            implements WastCommand {

        public Thread {
            sharedModules = List.copyOf(sharedModules);
            commands = List.copyOf(commands);
        }
    }

    /** {@code (wait $thread)}. */
    record Wait(int line, String thread) implements WastCommand {
    }
}
