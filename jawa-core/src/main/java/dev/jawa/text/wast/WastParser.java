package dev.jawa.text.wast;

import dev.jawa.MalformedTextException;
import dev.jawa.text.Keyword;
import dev.jawa.text.Lexer;
import dev.jawa.text.TokenCursor;
import dev.jawa.text.TokenKind;
import dev.jawa.text.TokenStream;
import dev.jawa.text.Utf8;
import dev.jawa.text.VectorLiteral;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a .wast script into its commands. Modules in text stay source ranges
 * ({@link ModuleSource.Text}); quoted modules become their text, binary modules their bytes.
 */
public final class WastParser {

    /** How deep {@code either} and {@code thread} may nest: far beyond any real script. */
    private static final int MAX_NESTING = 1000;

    private final TokenCursor c;
    private final TokenStream ts;
    private final String source;
    private int nesting;

    private WastParser(String source) {
        this.source = source;
        this.ts = Lexer.lex(source);
        this.c = new TokenCursor(ts);
    }

    /**
     * Parses a script.
     *
     * @param fileName for messages only
     * @throws MalformedTextException if the script's own syntax is broken (modules inside it are
     *     kept as source and parsed when the script runs, so a malformed module does not fail this)
     */
    public static WastScript parse(String source, String fileName) {
        WastParser p = new WastParser(source);
        try {
            return new WastScript(fileName, source, p.script());
        } catch (MalformedTextException e) {
            throw e;
        } catch (RuntimeException e) {
            MalformedTextException m = p.c.errorAtOffset(p.ts.start(p.c.pos()),
                    "malformed script (internal error: " + e + ")");
            m.initCause(e);
            throw m;
        }
    }

    private List<WastCommand> script() {
        int k = c.lparenKw();
        if (isModuleField(k)) {
            // The whole script is one module given by its fields.
            return List.of(new WastCommand.ModuleCmd(line(0), null, false,
                    new ModuleSource.Text(source, 0, source.length(), line(0))));
        }
        List<WastCommand> commands = new ArrayList<>();
        while (c.is(TokenKind.LPAREN)) {
            commands.add(command());
        }
        if (!c.is(TokenKind.EOF)) {
            throw c.unexpected();
        }
        return commands;
    }

    private static boolean isModuleField(int k) {
        return k == Keyword.TYPE || k == Keyword.REC || k == Keyword.FUNC || k == Keyword.TABLE
                || k == Keyword.MEMORY || k == Keyword.GLOBAL || k == Keyword.TAG || k == Keyword.IMPORT
                || k == Keyword.EXPORT || k == Keyword.START || k == Keyword.ELEM || k == Keyword.DATA;
    }

    private int line(int token) {
        return ts.line(ts.start(Math.min(token, ts.count() - 1)));
    }

    private WastCommand command() {
        int start = c.pos();
        int line = line(start);
        int kw = c.lparenKw();
        switch (kw) {
            case Keyword.MODULE -> {
                return moduleCommand();
            }
            case Keyword.INVOKE, Keyword.GET -> {
                return new WastCommand.ActionCmd(line, action());
            }
            default -> { }
        }
        c.advance();
        c.advance();
        WastCommand cmd = switch (kw) {
            case Keyword.REGISTER -> {
                String as = c.name();
                String module = c.optionalId();
                yield new WastCommand.Register(line, as, module);
            }
            case Keyword.ASSERT_RETURN -> {
                Action a = action();
                List<ResultPattern> results = new ArrayList<>();
                while (c.is(TokenKind.LPAREN)) {
                    results.add(result());
                }
                yield new WastCommand.AssertReturn(line, a, results);
            }
            case Keyword.ASSERT_TRAP -> {
                if (c.isLParenKw(Keyword.MODULE)) {
                    ModuleSource m = moduleSource();
                    yield new WastCommand.AssertModuleTrap(line, m, message());
                }
                Action a = action();
                yield new WastCommand.AssertTrap(line, a, message());
            }
            case Keyword.ASSERT_EXHAUSTION -> {
                Action a = action();
                yield new WastCommand.AssertExhaustion(line, a, message());
            }
            case Keyword.ASSERT_EXCEPTION -> new WastCommand.AssertException(line, action());
            case Keyword.ASSERT_MALFORMED -> {
                ModuleSource m = moduleSource();
                yield new WastCommand.AssertMalformed(line, m, message());
            }
            case Keyword.ASSERT_INVALID -> {
                ModuleSource m = moduleSource();
                yield new WastCommand.AssertInvalid(line, m, message());
            }
            case Keyword.ASSERT_MALFORMED_CUSTOM -> {
                ModuleSource m = moduleSource();
                yield new WastCommand.AssertMalformedCustom(line, m, message());
            }
            case Keyword.ASSERT_INVALID_CUSTOM -> {
                ModuleSource m = moduleSource();
                yield new WastCommand.AssertInvalidCustom(line, m, message());
            }
            case Keyword.ASSERT_UNLINKABLE -> {
                ModuleSource m = moduleSource();
                yield new WastCommand.AssertUnlinkable(line, m, message());
            }
            case Keyword.ASSERT_UNINSTANTIABLE -> {
                ModuleSource m = moduleSource();
                yield new WastCommand.AssertUninstantiable(line, m, message());
            }
            case Keyword.THREAD -> thread(line);
            case Keyword.WAIT -> new WastCommand.Wait(line, c.id());
            default -> {
                c.seek(start + 1);
                throw c.unexpected();
            }
        };
        c.expectRParen();
        return cmd;
    }

    private String message() {
        int at = c.pos();
        byte[] b = c.string();
        String s = Utf8.decodeStrict(b);
        if (s == null) {
            throw c.errorAt(at, "malformed UTF-8 encoding");
        }
        return s;
    }

    /** {@code (thread $name (shared (module $m))* command*)}, after the keyword. */
    private WastCommand thread(int line) {
        String name = c.optionalId();
        List<String> shared = new ArrayList<>();
        while (c.isLParenKw(Keyword.SHARED)) {
            c.advance();
            c.advance();
            c.expectLParenKw(Keyword.MODULE);
            shared.add(c.id());
            c.expectRParen();
            c.expectRParen();
        }
        List<WastCommand> commands = new ArrayList<>();
        enter();
        while (c.is(TokenKind.LPAREN)) {
            commands.add(command());
        }
        nesting--;
        return new WastCommand.Thread(line, name, shared, commands);
    }

    /** One level deeper into {@code either} or {@code thread}, which the parser recurses on. */
    private void enter() {
        if (++nesting > MAX_NESTING) {
            throw c.error("nesting too deep");
        }
    }

    // ---- modules

    /** A top-level {@code (module ...)} command, or {@code (module instance ...)}. */
    private WastCommand moduleCommand() {
        int start = c.pos();
        int line = line(start);
        c.advance();
        c.advance();
        if (c.isKw(Keyword.INSTANCE)) {
            c.advance();
            String first = c.optionalId();
            String second = c.optionalId();
            c.expectRParen();
            // (module instance $I $M), (module instance $M) or (module instance)
            return second != null
                    ? new WastCommand.ModuleInstance(line, first, second)
                    : new WastCommand.ModuleInstance(line, null, first);
        }
        c.seek(start);
        ModuleHead head = moduleHead();
        return new WastCommand.ModuleCmd(line, head.name, head.definition, head.source);
    }

    private record ModuleHead(String name, boolean definition, ModuleSource source) {
    }

    private ModuleSource moduleSource() {
        return moduleHead().source;
    }

    /** {@code (module definition? $name? (binary|quote)? ...)}. */
    private ModuleHead moduleHead() {
        int start = c.pos();
        int line = line(start);
        int close = ts.value(start);
        c.expectLParenKw(Keyword.MODULE);
        boolean definition = false;
        String name = null;
        for (int i = 0; i < 2; i++) {
            if (c.isKw(Keyword.DEFINITION)) {
                definition = true;
                c.advance();
            } else if (c.isId() && name == null) {
                name = c.id();
            }
        }
        if (c.isKw(Keyword.BINARY) || c.isKw(Keyword.QUOTE)) {
            boolean binary = c.isKw(Keyword.BINARY);
            c.advance();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (c.is(TokenKind.STRING)) {
                b.writeBytes(c.string());
            }
            c.expectRParen();
            ModuleSource src = binary
                    ? new ModuleSource.Binary(b.toByteArray(), line)
                    : new ModuleSource.Quote(Utf8.decodeLossless(b.toByteArray()), line);
            return new ModuleHead(name, definition, src);
        }
        if (close < 0) {
            c.seek(ts.count() - 1);
            throw c.unexpected();
        }
        c.seek(close + 1);
        int end = ts.end(close);
        return new ModuleHead(name, definition, new ModuleSource.Text(source, ts.start(start), end, line));
    }

    // ---- actions and values

    private Action action() {
        int line = line(c.pos());
        int kw = c.lparenKw();
        if (kw != Keyword.INVOKE && kw != Keyword.GET) {
            throw c.unexpected();
        }
        c.advance();
        c.advance();
        String module = c.optionalId();
        String name = c.name();
        if (kw == Keyword.GET) {
            c.expectRParen();
            return new Action.Get(line, module, name);
        }
        List<WastValue> args = new ArrayList<>();
        while (c.is(TokenKind.LPAREN)) {
            args.add(value());
        }
        c.expectRParen();
        return new Action.Invoke(line, module, name, args);
    }

    /** A constant: {@code (i32.const n)}, ..., {@code (ref.null ht)}, {@code (ref.extern n)}. */
    private WastValue value() {
        c.expect(TokenKind.LPAREN);
        int kw = c.kw();
        c.advance();
        WastValue v;
        if (kw == Keyword.I32_CONST) {
            v = new WastValue.I32((int) c.integer(32));
        } else if (kw == Keyword.I64_CONST) {
            v = new WastValue.I64(c.integer(64));
        } else if (kw == Keyword.F32_CONST) {
            v = new WastValue.F32(c.f32());
        } else if (kw == Keyword.F64_CONST) {
            v = new WastValue.F64(c.f64());
        } else if (kw == Keyword.V128_CONST) {
            long[] h = vector();
            v = new WastValue.V128(h[0], h[1]);
        } else if (kw == Keyword.REF_NULL) {
            v = new WastValue.RefNull(heapTypeText());
        } else if (kw == Keyword.REF_EXTERN) {
            v = new WastValue.RefExtern(c.nat(32));
        } else if (kw == Keyword.REF_HOST) {
            v = new WastValue.RefHost(c.nat(32));
        } else {
            c.seek(c.pos() - 1);
            throw c.unexpected();
        }
        c.expectRParen();
        return v;
    }

    private String heapTypeText() {
        byte k = c.kind();
        if (k == TokenKind.KEYWORD || k == TokenKind.NAT || k == TokenKind.ID) {
            String s = c.text();
            c.advance();
            return s;
        }
        throw c.unexpected();
    }

    /** The shape and lanes of a v128 constant without NaN patterns. */
    private long[] vector() {
        int shape = c.kw();
        int n = VectorLiteral.laneCount(shape);
        if (n < 0) {
            throw c.unexpected();
        }
        int at = c.pos();
        c.advance();
        int count = VectorLiteral.countNumbers(c);
        if (count != n) {
            throw c.errorAt(c.kind(c.pos() + count) == TokenKind.ERROR ? c.pos() + count : at,
                    "wrong number of lane literals");
        }
        long[] h = new long[2];
        int bits = 128 / n;
        for (int i = 0; i < n; i++) {
            VectorLiteral.setLane(h, i, bits, lane(shape, bits));
        }
        return h;
    }

    private long lane(int shape, int bits) {
        return switch (shape) {
            case Keyword.F32X4 -> c.f32();
            case Keyword.F64X2 -> c.f64();
            default -> c.integer(bits);
        };
    }

    // ---- expected results

    private ResultPattern result() {
        int open = c.pos();
        c.expect(TokenKind.LPAREN);
        int kw = c.kw();
        c.advance();
        ResultPattern r;
        if (kw == Keyword.F32_CONST || kw == Keyword.F64_CONST) {
            boolean is64 = kw == Keyword.F64_CONST;
            int nan = c.kw();
            if (nan == Keyword.NAN_CANONICAL || nan == Keyword.NAN_ARITHMETIC) {
                c.advance();
                r = new ResultPattern.NaN(is64, nan == Keyword.NAN_CANONICAL);
            } else {
                r = new ResultPattern.Exact(is64 ? new WastValue.F64(c.f64()) : new WastValue.F32(c.f32()));
            }
        } else if (kw == Keyword.V128_CONST) {
            r = vectorPattern();
        } else if (kw == Keyword.EITHER) {
            List<ResultPattern> alts = new ArrayList<>();
            enter();
            while (c.is(TokenKind.LPAREN)) {
                alts.add(result());
            }
            nesting--;
            if (alts.isEmpty()) {
                throw c.unexpected();
            }
            r = new ResultPattern.Either(alts);
        } else if (kw == Keyword.REF_NULL && c.is(TokenKind.RPAREN)) {
            r = new ResultPattern.RefKind("null");
        } else if (kw == Keyword.REF_EXTERN && c.is(TokenKind.RPAREN)) {
            r = new ResultPattern.RefKind("extern");
        } else if (kw == Keyword.REF && c.is(TokenKind.RPAREN)) {
            r = new ResultPattern.RefKind("any");
        } else if (refKind(kw) != null) {
            r = new ResultPattern.RefKind(refKind(kw));
        } else {
            c.seek(open);
            r = new ResultPattern.Exact(value());
            return r;
        }
        c.expectRParen();
        return r;
    }

    private static String refKind(int kw) {
        if (kw == Keyword.REF_FUNC) {
            return "func";
        }
        if (kw == Keyword.REF_I31) {
            return "i31";
        }
        if (kw == Keyword.REF_EQ) {
            return "eq";
        }
        return switch (kw) {
            case Keyword.REF_STRUCT -> "struct";
            case Keyword.REF_ARRAY -> "array";
            case Keyword.REF_EXN -> "exn";
            case Keyword.REF_ANY -> "any";
            default -> null;
        };
    }

    /** {@code (v128.const shape lane*)} where float lanes may be NaN patterns. */
    private ResultPattern vectorPattern() {
        int shape = c.kw();
        int n = VectorLiteral.laneCount(shape);
        if (n < 0) {
            throw c.unexpected();
        }
        String shapeName = c.text();
        int at = c.pos();
        c.advance();
        int count = 0;
        while (TokenKind.isNumber(c.kind(c.pos() + count)) || isNanPattern(c.kwAt(c.pos() + count))) {
            count++;
        }
        if (count != n) {
            throw c.errorAt(c.kind(c.pos() + count) == TokenKind.ERROR ? c.pos() + count : at,
                    "wrong number of lane literals");
        }
        long[] lanes = new long[n];
        ResultPattern.NaN[] nans = new ResultPattern.NaN[n];
        int bits = 128 / n;
        for (int i = 0; i < n; i++) {
            int k = c.kw();
            if (isNanPattern(k)) {
                if (!VectorLiteral.isFloatShape(shape)) {
                    throw c.error("invalid vector constant");
                }
                nans[i] = new ResultPattern.NaN(shape == Keyword.F64X2, k == Keyword.NAN_CANONICAL);
                c.advance();
            } else {
                long v = lane(shape, bits);
                lanes[i] = bits < 64 ? v & ((1L << bits) - 1) : v;
            }
        }
        return new ResultPattern.V128Lanes(shapeName, lanes, nans);
    }

    private static boolean isNanPattern(int kw) {
        return kw == Keyword.NAN_CANONICAL || kw == Keyword.NAN_ARITHMETIC;
    }
}
