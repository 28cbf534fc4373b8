package dev.jawa.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jawa.CompiledModule;
import dev.jawa.Engine;
import dev.jawa.Tier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real program written by others: SQLite's command-line shell built for wasm32-wasi by
 * real-programs/build-sqlite3.sh (not committed). It creates a database file in a preopened
 * directory, fills and queries it, and a second run of the shell reads the file back. Skipped,
 * saying how to build it, when the module is missing.
 */
class SqliteShellTest {

    static final Path MODULE = Path.of(System.getProperty("jawa.sqlite3Wasm", "target/real-programs/sqlite3.wasm"));

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERP", "JIT", "AUTO"})
    void createsQueriesAndReopensADatabase(Tier tier) throws IOException {
        assumeTrue(Files.isRegularFile(MODULE), "SQLite's shell is not built: run jawa-wasi/real-programs/build-sqlite3.sh"
                + " (needs npm and clang) to test it");
        CompiledModule sqlite = new Engine(tier).compile(Files.readAllBytes(MODULE));
        String create = """
                create table planet(name text primary key, moons integer, km real);
                insert into planet values ('Mercury', 0, 2439.7), ('Venus', 0, 6051.8), ('Earth', 1, 6371.0),
                  ('Mars', 2, 3389.5), ('Jupiter', 95, 69911), ('Saturn', 146, 58232);
                create index by_moons on planet(moons);
                select count(*), sum(moons), printf('%.1f', avg(km)) from planet;
                select name from planet where moons > 1 order by moons desc;
                with recursive n(i) as (select 1 union all select i + 1 from n where i < 1000)
                  select sum(i * i) from n;
                """;
        assertEquals(new Result("6|244|24399.2\nSaturn\nJupiter\nMars\n333833500\n", 0), shell(sqlite, create));
        byte[] header = Arrays.copyOf(Files.readAllBytes(dir.resolve("solar.db")), 16);
        assertArrayEquals("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), header);

        String reopen = """
                update planet set moons = moons + 1 where name = 'Earth';
                select name, moons from planet where name like '%r%' order by name;
                pragma integrity_check;
                select sqlite_version() >= '3.40';
                """;
        assertEquals(new Result("Earth|2\nJupiter|95\nMars|2\nMercury|0\nSaturn|146\nok\n1\n", 0), shell(sqlite, reopen));

        Result error = shell(sqlite, "select * from no_such_table;\n");
        assertEquals(1, error.exitCode());
    }

    record Result(String stdout, int exitCode) {
    }

    private Result shell(CompiledModule sqlite, String sql) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasiConfig config = WasiConfig.builder().args("sqlite3", "-batch", "/db/solar.db")
                .stdin(sql.getBytes(StandardCharsets.UTF_8)).stdout(out).preopen(dir, "/db").build();
        int code = Wasi.run(sqlite, config);
        return new Result(out.toString(StandardCharsets.UTF_8), code);
    }
}
