package cn.gridwatch.grid;

/**
 * A grid cell (or other domain object) asked for by code and date does not exist. The message names
 * both; HTTP answers 404.
 */
public class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
