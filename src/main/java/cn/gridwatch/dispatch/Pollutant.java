package cn.gridwatch.dispatch;

/**
 * The pollutants of an hourly air-station reading, with the {@code station_reading} column and
 * feed column they live in ({@code id}) and their unit: µg/m³, CO in mg/m³. Immutable.
 */
public enum Pollutant {
    PM25("pm25", "PM2.5", "µg/m³"),
    PM10("pm10", "PM10", "µg/m³"),
    O3("o3", "O3", "µg/m³"),
    NO2("no2", "NO2", "µg/m³"),
    SO2("so2", "SO2", "µg/m³"),
    CO("co", "CO", "mg/m³");

    private final String id;
    private final String label;
    private final String unit;

    Pollutant(String id, String label, String unit) {
        this.id = id;
        this.label = label;
        this.unit = unit;
    }

    /** The column name in feeds, {@code station_reading} and the API, e.g. {@code pm25}. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }
}
