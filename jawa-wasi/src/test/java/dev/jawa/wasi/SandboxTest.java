package dev.jawa.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way out of a preopen fails: {@code ..} above it, absolute paths, symlinks pointing out
 * (relative, absolute, through a directory, in loops), hard links to or from outside, and a
 * directory swapped for a symlink between the check and the use. The C program sandbox.c tries
 * them from a guest; the host's files are checked to be untouched.
 */
class SandboxTest {

    @TempDir
    Path root;
    Path box;
    Path outside;
    Path secret;

    @BeforeEach
    void layout() throws IOException {
        box = Files.createDirectory(root.resolve("box"));
        outside = Files.createDirectory(root.resolve("outside"));
        secret = Files.writeString(outside.resolve("secret.txt"), "secret\n");
        Files.writeString(box.resolve("inside.txt"), "inside\n");
        Files.createSymbolicLink(box.resolve("link_in"), Path.of("inside.txt"));
        Files.createSymbolicLink(box.resolve("link_out"), Path.of("../outside/secret.txt"));
        Files.createSymbolicLink(box.resolve("link_abs"), secret.toAbsolutePath());
        Files.createDirectory(box.resolve("sub"));
        Files.createSymbolicLink(box.resolve("sub/link_up"), Path.of("../../outside"));
        Files.createSymbolicLink(box.resolve("loop1"), Path.of("loop2"));
        Files.createSymbolicLink(box.resolve("loop2"), Path.of("loop1"));
    }

    @Test
    void guestEscapesAllFail() throws IOException {
        ProgramRun.Result r = new ProgramRun("sandbox").in(box).exec();
        assertEquals(ProgramRun.expected("sandbox"), r.stdout());
        assertEquals(0, r.exitCode());
        assertEquals("secret\n", Files.readString(secret));
        assertEquals(1, ((Number) Files.getAttribute(secret, "unix:nlink")).intValue(), "no hard link to the secret");
        assertEquals(List.of("secret.txt"), names(outside));
        assertEquals(List.of("box", "outside"), names(root));
        assertEquals(List.of("inside.txt", "link_abs", "link_in", "link_out", "loop1", "loop2", "sub"), names(box));
    }

    @Test
    void resolverRefusesEveryEscape() {
        DirectoryDescriptor dir = preopen(box);
        for (String p : List.of("..", "../outside", "/etc/passwd", "sub/../..", "link_out", "link_abs",
                "sub/link_up", "sub/link_up/secret.txt", "./../box/inside.txt")) {
            WasiError e = assertThrows(WasiError.class, () -> Sandbox.resolve(dir, p, true), p);
            assertEquals(Errno.NOTCAPABLE, e.errno, p);
        }
        assertEquals(Errno.LOOP, assertThrows(WasiError.class, () -> Sandbox.resolve(dir, "loop1", true)).errno);
        assertEquals(box.resolve("inside.txt"), Sandbox.resolve(dir, "link_in", true).host());
        assertEquals(box.resolve("inside.txt"), Sandbox.resolve(dir, "sub/../inside.txt", true).host());
        // Not following the last component names the link itself, which is inside.
        assertEquals(box.resolve("link_out"), Sandbox.resolve(dir, "link_out", false).host());
        assertEquals(box, Sandbox.resolve(dir, ".", true).host());
    }

    @Test
    void directorySwappedForASymlinkAfterTheCheckIsCaught() throws IOException {
        DirectoryDescriptor dir = preopen(box);
        Files.writeString(box.resolve("sub/file.txt"), "in sub\n");
        Path checked = Sandbox.resolve(dir, "sub/secret.txt", true).host();
        // Between the check and the use, sub becomes a link to the outside directory.
        Files.move(box.resolve("sub"), root.resolve("sub-moved"));
        Files.createSymbolicLink(box.resolve("sub"), outside);
        assertTrue(Files.exists(checked), "the host path now reaches the secret");
        WasiError e = assertThrows(WasiError.class, () -> Sandbox.verifyInside(dir, checked));
        assertEquals(Errno.NOTCAPABLE, e.errno);
    }

    @Test
    void absoluteSymlinkTargetsAreNeverCreated() throws IOException {
        ProgramRun.Result r = new ProgramRun("sandbox").in(box).exec();
        assertTrue(r.stdout().contains("symlink abs_link -> /etc/passwd: -1 ENOTCAPABLE"), r.stdout());
        assertFalse(Files.exists(box.resolve("abs_link"), LinkOption.NOFOLLOW_LINKS));
    }

    private static DirectoryDescriptor preopen(Path p) {
        try {
            return new DirectoryDescriptor(p.toRealPath(), ".", false, Rights.DIRECTORY, Rights.DIRECTORY | Rights.FILE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
