package dev.jawa.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.binary.BinaryDecoder;
import dev.jawa.binary.BinaryEncoder;
import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Function;
import dev.jawa.module.Module;
import dev.jawa.module.Opcode;
import dev.jawa.validate.Validator;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LargeModuleGeneratorTest {

    @Test
    void theDefaultModuleHasMoreThanTenMegabytesOfCodeInThousandsOfFunctions() {
        Module m = LargeModuleGenerator.generate();
        long code = 0;
        for (Function f : m.functions()) {
            code += f.body().length();
        }
        assertTrue(code >= 10_000_000, "code bytes: " + code);
        assertTrue(m.functions().size() >= 2000, "functions: " + m.functions().size());
        assertEquals(m.funcCount(), m.elements().getFirst().init().size(), "the table holds every function");
    }

    @Test
    void bodiesAreWellNestedAndUseTheWholeMix() {
        Module m = LargeModuleGenerator.generate(7, 300_000);
        Map<Opcode, Integer> counts = new EnumMap<>(Opcode.class);
        for (int i = 0; i < m.functions().size(); i++) {
            Function f = m.functions().get(i);
            int funcIndex = m.importedFuncCount() + i;
            InstructionReader r = f.body().reader();
            int depth = 1;
            while (depth > 0) {
                Opcode op = r.next();
                counts.merge(op, 1, Integer::sum);
                switch (op) {
                    case BLOCK, LOOP, IF -> depth++;
                    case END -> depth--;
                    case BR, BR_IF -> assertTrue(r.index() < depth - 1, "branch out of the function's blocks");
                    case CALL -> assertTrue(r.index() < funcIndex, "calls go to lower indices");
                    case LOCAL_GET, LOCAL_SET, LOCAL_TEE -> assertTrue(r.index() < 2 + f.localCount());
                    default -> { }
                }
            }
            assertTrue(!r.hasMore(), "the body ends with its last end");
        }
        for (Opcode op : new Opcode[] {Opcode.I32_ADD, Opcode.LOCAL_GET, Opcode.LOCAL_SET, Opcode.I32_LOAD,
                Opcode.I32_STORE, Opcode.CALL, Opcode.CALL_INDIRECT, Opcode.BLOCK, Opcode.LOOP, Opcode.IF,
                Opcode.BR_IF, Opcode.BR_TABLE, Opcode.I32_CONST, Opcode.I64_CONST, Opcode.F64_CONST,
                Opcode.GLOBAL_GET, Opcode.GLOBAL_SET, Opcode.SELECT, Opcode.MEMORY_FILL}) {
            assertTrue(counts.getOrDefault(op, 0) > 0, op + " never generated");
        }
        int all = counts.values().stream().mapToInt(Integer::intValue).sum();
        int locals = counts.get(Opcode.LOCAL_GET) + counts.get(Opcode.LOCAL_SET);
        assertTrue(locals > all / 10 && locals < all / 2, "local traffic: " + locals + " of " + all);
    }

    @Test
    void theSameSeedGivesTheSameModule() {
        assertEquals(LargeModuleGenerator.generate(3, 50_000), LargeModuleGenerator.generate(3, 50_000));
        assertTrue(!LargeModuleGenerator.generate(3, 50_000).equals(LargeModuleGenerator.generate(4, 50_000)));
    }

    @Test
    void theModuleIsValidAndRoundTripsThroughTheBinaryFormat() {
        Module m = LargeModuleGenerator.generate(11, 200_000);
        Validator.validate(m);
        assertEquals(m, BinaryDecoder.decode(BinaryEncoder.encode(m)));
    }
}
