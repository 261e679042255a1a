package cn.gridwatch.security;

/** The request carries no valid credentials. HTTP answers 401 with {@code WWW-Authenticate}. */
public class NotAuthenticatedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotAuthenticatedException(String message) {
        super(message);
    }
}
