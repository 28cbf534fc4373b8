package dev.jawa.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations java.nio cannot do relative to a directory handle (mkdir, symlink, link,
 * readlink, stat, set times) go through the *at system calls ({@link NativeAt}) from the
 * preopen's file descriptor. While a thread keeps swapping {@code box/sub} for a symlink to
 * {@code outside}, each operation on a name under {@code sub} runs as PathFunctions runs it
 * (resolve, then {@link Sandbox#at}); none may ever create, read or stat anything in
 * {@code outside}. Each operation must also succeed some of the time, so the race is real.
 */
class SandboxAtRaceTest {

    private static final long RACE_NANOS = 700_000_000L;

    @TempDir
    Path root;
    Path box;
    Path outside;
    DirectoryDescriptor dir;
    /** Makes each created name new, so that one left behind (its removal raced too) blocks nothing. */
    final AtomicInteger serial = new AtomicInteger();

    @BeforeEach
    void layout() throws IOException {
        root = root.toRealPath();
        box = Files.createDirectory(root.resolve("box"));
        outside = Files.createDirectory(root.resolve("outside"));
        Files.createDirectory(box.resolve("sub"));
        Files.writeString(box.resolve("inside.txt"), "inside\n");
        Files.writeString(box.resolve("sub/file.txt"), "inside\n");
        Files.writeString(outside.resolve("file.txt"), "the secret, longer\n");
        Files.createSymbolicLink(box.resolve("sub/link"), Path.of("inside-target"));
        Files.createSymbolicLink(outside.resolve("link"), Path.of("SECRET-TARGET"));
        dir = new DirectoryDescriptor(box, ".", false, Rights.DIRECTORY, Rights.DIRECTORY | Rights.FILE);
        dir.handle = Sandbox.openHandle(box);
        dir.fd = Sandbox.openNativeRoot(box);
    }

    @AfterEach
    void closeDirectory() throws IOException {
        dir.close();
    }

    @Test
    void nativeCallsAreUsedOnLinux() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux"), "not Linux");
        assertNotNull(NativeAt.LINUX, "the *at calls are available on Linux");
        assertTrue(Sandbox.isNative(dir), "the preopen holds a native fd");
    }

    @Test
    void eachCallWorksWithoutARace() throws IOException {
        assumeTrue(Sandbox.isNative(dir), "the *at calls are Linux's");
        Path made = Sandbox.resolve(dir, "sub/made", false).host();
        Sandbox.at(dir, made, (at, fd, name) -> {
            at.mkdir(fd, name);
            return null;
        });
        assertTrue(Files.isDirectory(box.resolve("sub/made"), LinkOption.NOFOLLOW_LINKS));
        WasiError again = org.junit.jupiter.api.Assertions.assertThrows(WasiError.class,
                () -> Sandbox.at(dir, made, (at, fd, name) -> {
                    at.mkdir(fd, name);
                    return null;
                }));
        assertEquals(Errno.EXIST, again.errno);
        Path link = Sandbox.resolve(dir, "sub/made/l", false).host();
        Sandbox.at(dir, link, (at, fd, name) -> {
            at.symlink("../file.txt", fd, name);
            return null;
        });
        assertEquals(Path.of("../file.txt"), Files.readSymbolicLink(box.resolve("sub/made/l")));
        assertArrayEquals("../file.txt".getBytes(StandardCharsets.UTF_8),
                Sandbox.at(dir, link, (at, fd, name) -> at.readlink(fd, name)));
        assertEquals(Descriptor.FILETYPE_SYMBOLIC_LINK, Sandbox.at(dir, link, (at, fd, name) -> at.stat(fd, name)).filetype());
        FileStats.Stat self = Sandbox.at(dir, box, (at, fd, name) -> at.stat(fd, name));
        assertEquals(Descriptor.FILETYPE_DIRECTORY, self.filetype());
        assertEquals(((Number) Files.getAttribute(box, "unix:ino")).longValue(), self.ino());
        Path hard = Sandbox.resolve(dir, "sub/made/hard", false).host();
        Sandbox.at(dir, box.resolve("inside.txt"), (at, fromFd, fromName) -> Sandbox.at(dir, hard, (at2, toFd, toName) -> {
            at.link(fromFd, fromName, toFd, toName);
            return null;
        }));
        assertEquals(2, ((Number) Files.getAttribute(box.resolve("inside.txt"), "unix:nlink")).intValue());
        assertEquals(2, Sandbox.at(dir, hard, (at, fd, name) -> at.stat(fd, name)).nlink());
        assertEquals(Errno.NOENT, org.junit.jupiter.api.Assertions.assertThrows(WasiError.class,
                () -> Sandbox.at(dir, box.resolve("sub/missing"), (at, fd, name) -> at.stat(fd, name))).errno);
    }

    @Test
    void everyCallFailsOnceTheCheckedDirectoryIsASymlink() throws IOException {
        // The worst case of the race, made certain: sub is swapped after the check, right before the
        // act (the path-based code would now create, read or stat outside/...).
        assumeTrue(Sandbox.isNative(dir), "the *at calls are Linux's");
        Path made = Sandbox.resolve(dir, "sub/made", false).host();
        Path file = Sandbox.resolve(dir, "sub/file.txt", false).host();
        Path link = Sandbox.resolve(dir, "sub/link", false).host();
        Path inside = Sandbox.resolve(dir, "inside.txt", false).host();
        FileTime before = Files.getLastModifiedTime(outside.resolve("file.txt"));
        Files.move(box.resolve("sub"), root.resolve("sub-aside"));
        Files.createSymbolicLink(box.resolve("sub"), Path.of("../outside"));
        List<Sandbox.AtAction<Object>> escapes = List.of(
                (at, fd, name) -> {
                    at.mkdir(fd, name);
                    return null;
                },
                (at, fd, name) -> {
                    at.symlink("x", fd, name);
                    return null;
                });
        for (Sandbox.AtAction<Object> action : escapes) {
            org.junit.jupiter.api.Assertions.assertThrows(WasiError.class, () -> Sandbox.at(dir, made, action));
        }
        org.junit.jupiter.api.Assertions.assertThrows(WasiError.class,
                () -> Sandbox.at(dir, inside, (at, fromFd, fromName) -> Sandbox.at(dir, made, (at2, toFd, toName) -> {
                    at.link(fromFd, fromName, toFd, toName);
                    return null;
                })));
        org.junit.jupiter.api.Assertions.assertThrows(WasiError.class,
                () -> Sandbox.at(dir, link, (at, fd, name) -> at.readlink(fd, name)));
        org.junit.jupiter.api.Assertions.assertThrows(WasiError.class,
                () -> Sandbox.at(dir, file, (at, fd, name) -> at.stat(fd, name)));
        org.junit.jupiter.api.Assertions.assertThrows(WasiError.class, () -> Sandbox.at(dir, file, (at, fd, name) -> {
            at.setTimes(fd, name, FileStats.OMIT, 0);
            return null;
        }));
        assertEquals(List.of("file.txt", "link"), names(outside), "nothing was created outside");
        assertEquals(before, Files.getLastModifiedTime(outside.resolve("file.txt")));
    }

    @Test
    void anOpenDirectoryKeepsMeaningItselfAfterItsPathIsSwapped() throws IOException {
        // A guest can do this alone: open sub, rename it, and put a (relative) symlink to outside in
        // its place. The descriptor must go on listing, stating and touching the real sub.
        Path sub = box.resolve("sub");
        DirectoryDescriptor d = new DirectoryDescriptor(sub, null, false, Rights.DIRECTORY, Rights.DIRECTORY | Rights.FILE);
        d.handle = Sandbox.openDirectory(dir, sub);
        d.fd = Sandbox.openNativeDirectory(dir, sub);
        try {
            long subInode = ((Number) Files.getAttribute(sub, "unix:ino")).longValue();
            Files.move(sub, box.resolve("moved"));
            Files.createSymbolicLink(sub, Path.of("../outside"));
            assumeTrue(Sandbox.isNative(d), "the *at calls are Linux's");
            assertEquals(subInode, FdFunctions.stat(d).ino());
            List<String> listed = FdFunctions.list(d).stream().map(DirectoryDescriptor.DirEntry::name).toList();
            assertEquals(List.of(".", "..", "file.txt", "link"), listed);
            long fileInode = ((Number) Files.getAttribute(box.resolve("moved/file.txt"), "unix:ino")).longValue();
            assertEquals(fileInode, FdFunctions.list(d).get(2).inode(), "the entries are the real sub's");
        } finally {
            d.close();
        }
    }

    @Test
    void mkdirRacingASwapNeverCreatesOutside() throws Exception {
        int done = race(() -> {
            Path host = Sandbox.resolve(dir, "sub/made" + serial.incrementAndGet(), false).host();
            Sandbox.at(dir, host, (at, fd, name) -> {
                at.mkdir(fd, name);
                return null;
            });
            Sandbox.delete(dir, host, true);
        });
        assertTrue(done > 0, "some mkdirs found the real directory");
        assertEquals(List.of("file.txt", "link"), names(outside), "nothing was created outside");
    }

    @Test
    void symlinkRacingASwapNeverCreatesOutside() throws Exception {
        int done = race(() -> {
            Path host = Sandbox.resolve(dir, "sub/made" + serial.incrementAndGet(), false).host();
            Sandbox.at(dir, host, (at, fd, name) -> {
                at.symlink("file.txt", fd, name);
                return null;
            });
            Sandbox.delete(dir, host, false);
        });
        assertTrue(done > 0, "some symlinks found the real directory");
        assertEquals(List.of("file.txt", "link"), names(outside), "nothing was created outside");
    }

    @Test
    void linkRacingASwapNeverCreatesOutside() throws Exception {
        int done = race(() -> {
            Path existing = Sandbox.resolve(dir, "inside.txt", false).host();
            Path link = Sandbox.resolve(dir, "sub/made" + serial.incrementAndGet(), false).host();
            Sandbox.at(dir, existing, (at, fromFd, fromName) -> Sandbox.at(dir, link, (at2, toFd, toName) -> {
                at.link(fromFd, fromName, toFd, toName);
                return null;
            }));
            Sandbox.delete(dir, link, false);
        });
        assertTrue(done > 0, "some links found the real directory");
        assertEquals(List.of("file.txt", "link"), names(outside), "nothing was created outside");
    }

    @Test
    void readlinkRacingASwapNeverReadsOutside() throws Exception {
        int done = race(() -> {
            Path host = Sandbox.resolve(dir, "sub/link", false).host();
            byte[] target = Sandbox.at(dir, host, (at, fd, name) -> at.readlink(fd, name));
            assertArrayEquals("inside-target".getBytes(StandardCharsets.UTF_8), target);
        });
        assertTrue(done > 0, "some readlinks found the real directory");
    }

    @Test
    void statRacingASwapNeverStatsOutside() throws Exception {
        long inode = ((Number) Files.getAttribute(box.resolve("sub/file.txt"), "unix:ino")).longValue();
        int done = race(() -> {
            Path host = Sandbox.resolve(dir, "sub/file.txt", false).host();
            FileStats.Stat s = Sandbox.at(dir, host, (at, fd, name) -> at.stat(fd, name));
            assertEquals(inode, s.ino());
            assertEquals(7, s.size());
            assertEquals(Descriptor.FILETYPE_REGULAR_FILE, s.filetype());
        });
        assertTrue(done > 0, "some stats found the real directory");
    }

    @Test
    void setTimesRacingASwapNeverTouchesOutside() throws Exception {
        FileTime before = Files.getLastModifiedTime(outside.resolve("file.txt"));
        long when = 1_000_000_000_000_000_000L; // 2001-09-09, far from now
        int done = race(() -> {
            Path host = Sandbox.resolve(dir, "sub/file.txt", false).host();
            Sandbox.at(dir, host, (at, fd, name) -> {
                at.setTimes(fd, name, FileStats.OMIT, when);
                return null;
            });
        });
        assertTrue(done > 0, "some time changes found the real directory");
        assertEquals(before, Files.getLastModifiedTime(outside.resolve("file.txt")));
        assertEquals(when, Files.getLastModifiedTime(box.resolve("sub/file.txt")).to(java.util.concurrent.TimeUnit.NANOSECONDS));
        assertNotEquals(before.to(java.util.concurrent.TimeUnit.NANOSECONDS), when);
    }

    /** A step that may fail (a WasiError or IOException: the swap was caught) but must never reach outside. */
    private interface Step {
        void run() throws IOException;
    }

    /** Runs {@code step} over and over while sub is swapped for a symlink to outside; how many times it succeeded. */
    private int race(Step step) throws Exception {
        assumeTrue(Sandbox.isNative(dir), "the *at calls are Linux's");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger swaps = new AtomicInteger();
        Path sub = box.resolve("sub");
        Path aside = root.resolve("sub-aside");
        Thread swapper = new Thread(() -> {
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
        int done = 0;
        try {
            long end = System.nanoTime() + RACE_NANOS;
            while (System.nanoTime() < end) {
                try {
                    step.run();
                    done++;
                } catch (WasiError | IOException e) {
                    // The swap was caught, or sub was briefly missing: the operation failed, as it should.
                }
            }
        } finally {
            stop.set(true);
            swapper.join();
        }
        assertTrue(swaps.get() > 10, "the directory was swapped " + swaps.get() + " times");
        assertTrue(Files.isDirectory(sub, LinkOption.NOFOLLOW_LINKS), "the swapper put sub back");
        return done;
    }

    private static List<String> names(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
