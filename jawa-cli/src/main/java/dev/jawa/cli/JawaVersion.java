package dev.jawa.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code jawa --version}: the project version, recorded in a resource at build time. */
final class JawaVersion implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        return new String[] {"jawa " + version()};
    }

    /** The version, or {@code unknown} if the resource is missing (a build without resources). */
    static String version() throws IOException {
        try (InputStream in = JawaVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        }
    }
}
