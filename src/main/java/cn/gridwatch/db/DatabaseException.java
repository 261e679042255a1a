package cn.gridwatch.db;

/**
 * A database failure wrapped with what was being done. The message is safe to log; HTTP error
 * mapping never shows the cause's SQL text to clients.
 */
public class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseException(String doing, Throwable cause) {
        super(doing + ": " + cause.getMessage(), cause);
    }
}
