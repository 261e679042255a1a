package cn.gridwatch.grid.generate.registers;

/**
 * A generated pollution source, as later generators (meters, complaints, patrols, problems) need it.
 * Point in EPSG:4490, x = longitude, y = latitude. Immutable.
 */
record GenSource(String code, String name, String category, String inspectionClass, boolean active,
        Places.Village village, double lon, double lat, String address) {

    boolean keyClass() {
        return !inspectionClass.equals("general");
    }
}
