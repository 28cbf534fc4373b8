package dev.jawa.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code jawa} command: it only dispatches to its subcommands. */
@Command(name = "jawa",
        mixinStandardHelpOptions = true,
        versionProvider = JawaVersion.class,
        description = "Jawa, a WebAssembly engine for the JVM.",
        subcommands = {Wat2WasmCommand.class, Wasm2WatCommand.class, ValidateCommand.class, WastScriptCommand.class,
            RunCommand.class, CompileCommand.class, HelpCommand.class})
final class JawaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** {@code jawa} alone: show the usage and fail, since nothing was asked. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitStatus.USAGE;
    }
}
