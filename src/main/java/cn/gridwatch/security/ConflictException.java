package cn.gridwatch.security;

/** The request contradicts the current state (a taken user name, the last administrator). HTTP 409. */
public class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
