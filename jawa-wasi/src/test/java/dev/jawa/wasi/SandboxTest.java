package dev.jawa.wasi;

import dev.jawa.Tier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERP", "JIT"})
    void guestEscapesAllFail(Tier tier) throws IOException {
        ProgramRun.Result r = new ProgramRun("sandbox").in(box).on(tier).exec();
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
    void opensRacingADirectorySwapNeverReachOutside() throws Exception {
        // sub/file.txt is inside; outside/file.txt is the secret. A thread keeps swapping sub for a
        // symlink to outside while opens of sub/file.txt run as path_open runs them. (With opens by
        // path instead, this test reads the secret within a second.)
        Files.writeString(box.resolve("sub/file.txt"), "inside\n");
        Files.writeString(outside.resolve("file.txt"), "secret\n");
        DirectoryDescriptor dir = preopen(box);
        dir.handle = Sandbox.openHandle(dir.path);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger swaps = new AtomicInteger();
        Thread swapper = new Thread(() -> {
            Path sub = box.resolve("sub");
            Path aside = root.resolve("sub-aside");
            try {
                while (!stop.get()) {
                    Files.move(sub, aside);
                    Files.createSymbolicLink(sub, Path.of("../outside"));
                    Files.delete(sub);
                    Files.move(aside, sub);
                    swaps.incrementAndGet();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        swapper.start();
        int opened = 0;
        try {
            long end = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < end) {
                try {
                    Path host = Sandbox.resolve(dir, "sub/file.txt", true).host();
                    try (FileChannel channel = Sandbox.openFile(dir, host,
                            Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
                        ByteBuffer b = ByteBuffer.allocate(64);
                        channel.read(b);
                        assertEquals("inside\n", new String(b.array(), 0, b.position(), StandardCharsets.UTF_8));
                        opened++;
                    }
                } catch (WasiError | IOException e) {
                    // The swap was caught (or sub was briefly missing): the open failed, as it should.
                }
            }
        } finally {
            stop.set(true);
            swapper.join();
            dir.close();
        }
        assertTrue(swaps.get() > 10, "the directory was swapped " + swaps.get() + " times");
        assertTrue(opened > 0, "some opens found the real directory");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERP", "JIT"})
    void absoluteSymlinkTargetsAreNeverCreated(Tier tier) throws IOException {
        ProgramRun.Result r = new ProgramRun("sandbox").in(box).on(tier).exec();
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
