package dev.jawa.text.wast;

import java.util.List;

/** A parsed .wast script: its commands in order. */
public record WastScript(String fileName, String source, List<WastCommand> commands) {

    public WastScript {
        commands = List.copyOf(commands);
    }
}
