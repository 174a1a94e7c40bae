package io.vigil.meta;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses writes to the metadata database while the disk under it has less than {@code floorBytes} free.
 *
 * <p>Why: H2 cannot survive a write that fails for lack of space. The store panics, the open database forgets
 * tables ("Table not found" for every later statement) and, reopened, the file can hold half of a schema
 * (seen: table {@code alerts} present, its migration not recorded). Accounts live there and cannot be rebuilt,
 * so the write must never reach H2: every statement that may write is checked first, and refused with a
 * {@link SQLException} naming the disk, while reads (logins, searches' access checks) go on. The check is a
 * {@code statfs} per writing statement; writes resume by themselves once space returns. A disk filling from
 * {@code floorBytes} to nothing between the check and H2's write (microseconds) is the remaining window.
 *
 * <p>Thread-safe: stateless apart from the file store handle.
 */
final class DiskSpaceGuard {
    /** Comfortably more than one metadata transaction writes (a chunk of a few KiB to a few MiB). */
    static final long DEFAULT_FLOOR_BYTES = 16L << 20;
    /** SQLSTATE for "disk full" (PostgreSQL's 53100), so callers can tell it from other errors. */
    static final String DISK_FULL_STATE = "53100";
    private static final Set<String> WRITING_CALLS = Set.of("execute", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    private final Path directory;
    private final FileStore disk;
    private final long floorBytes;

    DiskSpaceGuard(Path directory, long floorBytes) {
        if (floorBytes < 0) throw new IllegalArgumentException("floorBytes must be >= 0, got " + floorBytes);
        this.directory = directory;
        this.floorBytes = floorBytes;
        try {
            this.disk = Files.getFileStore(directory);
        } catch (IOException e) {
            throw new IllegalStateException("cannot find the disk of " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Throws when the disk has less than the floor free. */
    void checkWrite() throws SQLException {
        long free;
        try {
            free = disk.getUsableSpace();
        } catch (IOException e) {
            throw new SQLException("cannot tell the free space of " + directory + " (" + e.getMessage()
                    + "); metadata write refused", DISK_FULL_STATE, e);
        }
        if (free < floorBytes) {
            throw new SQLException("metadata database refuses writes: " + mib(free) + " MiB free on the disk of "
                    + directory + ", at least " + mib(floorBytes) + " MiB needed (a full disk damages H2); "
                    + "free disk space, then retry", DISK_FULL_STATE);
        }
    }

    /** {@code connection} with every writing statement checked first. */
    Connection guard(Connection connection) {
        return proxy(Connection.class, connection, (method, args) -> switch (method.getName()) {
            case "createStatement" -> statement(Statement.class, (Statement) invoke(connection, method, args), null);
            case "prepareStatement" -> statement(PreparedStatement.class,
                    (PreparedStatement) invoke(connection, method, args), (String) args[0]);
            default -> invoke(connection, method, args);
        });
    }

    private <S extends Statement> S statement(Class<S> type, S statement, String preparedSql) {
        return proxy(type, statement, (method, args) -> {
            if (WRITING_CALLS.contains(method.getName())) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
                if (!isQuery(sql)) checkWrite();
            }
            return invoke(statement, method, args);
        });
    }

    private static boolean isQuery(String sql) {
        if (sql == null) return false;
        String head = sql.stripLeading().toUpperCase(Locale.ROOT);
        return head.startsWith("SELECT") || head.startsWith("VALUES") || head.startsWith("SHOW");
    }

    private interface Call {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (p, method, args) -> switch (method.getName()) {
            case "unwrap", "isWrapperFor" -> invoke(target, method, args);
            default -> call.handle(method, args);
        };
        return type.cast(Proxy.newProxyInstance(DiskSpaceGuard.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static long mib(long bytes) {
        return bytes >> 20;
    }
}
