package cn.gridwatch.map.wms;

/**
 * A WMS service exception: an OGC code ({@code LayerNotDefined}, {@code InvalidCRS}, ... or null
 * for a failure without a standard code), a message that names the parameter and value, and an
 * optional locator (the parameter or layer at fault). Reported by {@link ExceptionReport}.
 */
public final class WmsException extends RuntimeException {
    public static final String LAYER_NOT_DEFINED = "LayerNotDefined";
    public static final String STYLE_NOT_DEFINED = "StyleNotDefined";
    public static final String INVALID_FORMAT = "InvalidFormat";
    public static final String MISSING_PARAMETER = "MissingParameterValue";
    public static final String INVALID_PARAMETER = "InvalidParameterValue";
    public static final String INVALID_POINT = "InvalidPoint";
    public static final String CURRENT_UPDATE_SEQUENCE = "CurrentUpdateSequence";
    public static final String INVALID_UPDATE_SEQUENCE = "InvalidUpdateSequence";
    public static final String OPERATION_NOT_SUPPORTED = "OperationNotSupported";
    public static final String LAYER_NOT_QUERYABLE = "LayerNotQueryable";
    public static final String INVALID_DIMENSION_VALUE = "InvalidDimensionValue";

    private final String code;
    private final String locator;

    public WmsException(String code, String message, String locator) {
        super(message);
        this.code = code;
        this.locator = locator;
    }

    public static WmsException missing(String param) {
        return new WmsException(MISSING_PARAMETER, "parameter " + param + " is required", param);
    }

    public static WmsException invalid(String param, String message) {
        return new WmsException(INVALID_PARAMETER, message, param);
    }

    /** The OGC code, or null. */
    public String code() {
        return code;
    }

    /** The parameter or layer at fault, or null. */
    public String locator() {
        return locator;
    }
}
