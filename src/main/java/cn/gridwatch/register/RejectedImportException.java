package cn.gridwatch.register;

import java.util.List;

/** Thrown inside an import's transaction to roll it back because rows were refused. */
final class RejectedImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Rejection> rejections;

    RejectedImportException(List<Rejection> rejections) {
        super(rejections.size() + " rows refused", null, false, false);
        this.rejections = rejections;
    }

    List<Rejection> rejections() {
        return rejections;
    }
}
