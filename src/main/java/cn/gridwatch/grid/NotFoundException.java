package cn.gridwatch.grid;

/** A grid cell that was asked for by code (and date) does not exist. The message names both. */
public class NotFoundException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
