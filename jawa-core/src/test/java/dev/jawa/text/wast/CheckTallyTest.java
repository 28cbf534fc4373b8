package dev.jawa.text.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckTallyTest {

    @Test
    void countsAndSums() {
        CheckTally a = new CheckTally();
        a.pass();
        a.rejected(true);
        a.rejected(false);
        a.countNotRun();
        CheckFailure f = new CheckFailure("a.wast", 3, CheckKind.MALFORMED, "parse", "accepted");
        a.fail(f);
        CheckTally b = new CheckTally();
        b.pass();
        b.rejectedInvalid(true);
        b.rejectedInvalid(true);
        b.rejectedInvalid(false);
        b.countNotRun();
        b.countNotRun();
        CheckFailure g = new CheckFailure("b.wast", 0, CheckKind.SCRIPT, "parse", "x");
        b.fail(g);

        CheckTally sum = new CheckTally();
        sum.add(a);
        sum.add(b);
        assertEquals(7, sum.passed());
        assertEquals(2, sum.failed());
        assertEquals(3, sum.notRun());
        assertEquals(2, sum.rejections());
        assertEquals(1, sum.rejectionsWithExpectedMessage());
        assertEquals(3, sum.invalidRejections());
        assertEquals(2, sum.invalidRejectionsWithExpectedMessage());
        assertEquals(List.of(f, g), sum.failures());
        assertEquals("a.wast:3 malformed: parse: accepted", f.describe());
    }
}
