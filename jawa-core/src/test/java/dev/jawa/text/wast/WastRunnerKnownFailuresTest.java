package dev.jawa.text.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WastRunnerKnownFailuresTest {

    private static final String FILE = """
            # Checks known to fail.

            address.wast:12 text-roundtrip   # printer drops an offset
            legacy/throw.wast:0 script
              binary.wast:0040 malformed
            """;

    private static CheckFailure failure(String file, int line, CheckKind check) {
        return new CheckFailure(file, line, check, "parse", "why");
    }

    @Test
    void readsEntriesSkippingCommentsAndBlankLines() {
        WastRunnerKnownFailures k = WastRunnerKnownFailures.parse(FILE, "known-failures.txt");
        assertEquals(List.of("address.wast:12 text-roundtrip", "legacy/throw.wast:0 script", "binary.wast:40 malformed"),
                k.entries());
        assertTrue(k.isKnown(failure("address.wast", 12, CheckKind.TEXT_ROUND_TRIP)));
        assertFalse(k.isKnown(failure("address.wast", 12, CheckKind.BINARY_ROUND_TRIP)));
        assertFalse(k.isKnown(failure("throw.wast", 0, CheckKind.SCRIPT)));
    }

    @Test
    void eachKindOfRunSeesOnlyItsOwnEntries() {
        WastRunnerKnownFailures k = WastRunnerKnownFailures.parse(
                "a.wast:1 exec\nb.wast:2 invalid\nc.wast:3 malformed\nd.wast:0 script\n", "known-failures.txt");
        assertEquals(List.of("a.wast:1 exec", "d.wast:0 script"), k.restrictedTo(CheckKind.EXECUTED).entries());
        assertEquals(List.of("b.wast:2 invalid", "c.wast:3 malformed", "d.wast:0 script"),
                k.restrictedTo(CheckKind.STATIC).entries());
        assertEquals(List.of("c.wast:3 malformed", "d.wast:0 script"), k.restrictedTo(CheckKind.FORMATS).entries());
    }

    @Test
    void rejectsMalformedEntriesWithTheirLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WastRunnerKnownFailures.parse("# ok\naddress.wast:12\n", "kf.txt"));
        assertTrue(e.getMessage().startsWith("kf.txt:2: "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> WastRunnerKnownFailures.parse("a.wast:1 roundtrip\n", "kf.txt"));
        assertTrue(e.getMessage().startsWith("kf.txt:1: "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> WastRunnerKnownFailures.parse("a.wast:1 script\na.wast:01 script\n", "kf.txt"));
        assertTrue(e.getMessage().startsWith("kf.txt:2: listed twice"), e.getMessage());
    }

    @Test
    void aRunMatchesOnlyWhenItFailsExactlyTheListedChecks() {
        WastRunnerKnownFailures k = WastRunnerKnownFailures.parse(FILE, "kf.txt");
        CheckFailure a = failure("address.wast", 12, CheckKind.TEXT_ROUND_TRIP);
        CheckFailure t = failure("legacy/throw.wast", 0, CheckKind.SCRIPT);
        CheckFailure b = failure("binary.wast", 40, CheckKind.MALFORMED);
        CheckFailure other = failure("binary.wast", 41, CheckKind.MALFORMED);

        assertTrue(k.compare(List.of(a, t, b)).exact());

        WastRunnerKnownFailures.Comparison fixed = k.compare(List.of(a, b));
        assertFalse(fixed.exact());
        assertEquals(List.of("legacy/throw.wast:0 script"), fixed.nowPassing());
        assertEquals(List.of(), fixed.unexpected());

        WastRunnerKnownFailures.Comparison worse = k.compare(List.of(a, t, b, other));
        assertFalse(worse.exact());
        assertEquals(List.of(other), worse.unexpected());
        assertEquals(List.of(), worse.nowPassing());

        assertTrue(WastRunnerKnownFailures.NONE.compare(List.of()).exact());
        assertEquals(List.of(a), WastRunnerKnownFailures.NONE.compare(List.of(a)).unexpected());
    }
}
