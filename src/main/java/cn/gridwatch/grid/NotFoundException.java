package cn.gridwatch.grid;

/** A requested grid cell (or other domain object) does not exist; the message names it. */
public class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
