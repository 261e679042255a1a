package cn.gridwatch.security;

/** The user is known but may not do this; the message says why. HTTP answers 403. */
public class AccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
