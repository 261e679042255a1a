package cn.gridwatch.routing.solver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A TSPLIB95 instance of type EUC_2D: node coordinates and the official distance rule
 * {@code nint(sqrt(dx² + dy²))} (round half up, TSPLIB95 section 2.1), plus the optimal tour files.
 * Test and benchmark code only. Immutable.
 */
public record Tsplib(String name, double[] x, double[] y) {

    public static Tsplib read(Path file) {
        List<double[]> pts = new ArrayList<>();
        String name = file.getFileName().toString();
        boolean coords = false;
        for (String line : lines(file)) {
            String t = line.trim();
            if (t.startsWith("NAME")) {
                name = t.substring(t.indexOf(':') + 1).trim();
            } else if (t.startsWith("EDGE_WEIGHT_TYPE") && !t.endsWith("EUC_2D")) {
                throw new IllegalArgumentException(file + ": only EUC_2D is supported, but " + t);
            } else if (t.equals("NODE_COORD_SECTION")) {
                coords = true;
            } else if (t.equals("EOF")) {
                break;
            } else if (coords && !t.isEmpty()) {
                String[] f = t.split("\\s+");
                pts.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
            }
        }
        double[] x = new double[pts.size()];
        double[] y = new double[pts.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pts.get(i)[0];
            y[i] = pts.get(i)[1];
        }
        return new Tsplib(name, x, y);
    }

    /** The 0-based node order of a TSPLIB .opt.tour file. */
    public static List<Integer> readTour(Path file) {
        List<Integer> tour = new ArrayList<>();
        boolean in = false;
        for (String line : lines(file)) {
            String t = line.trim();
            if (t.equals("TOUR_SECTION")) {
                in = true;
            } else if (in) {
                if (t.equals("-1") || t.equals("EOF")) {
                    break;
                }
                for (String f : t.split("\\s+")) {
                    tour.add(Integer.parseInt(f) - 1);
                }
            }
        }
        return tour;
    }

    public int size() {
        return x.length;
    }

    /** TSPLIB's EUC_2D distance. */
    long distance(int i, int j) {
        double dx = x[i] - x[j];
        double dy = y[i] - y[j];
        return (long) (Math.sqrt(dx * dx + dy * dy) + 0.5);
    }

    long[][] matrix() {
        long[][] m = new long[size()][size()];
        for (int i = 0; i < size(); i++) {
            for (int j = 0; j < size(); j++) {
                m[i][j] = distance(i, j);
            }
        }
        return m;
    }

    public long tourLength(List<Integer> tour) {
        long len = 0;
        for (int k = 0; k < tour.size(); k++) {
            len += distance(tour.get(k), tour.get((k + 1) % tour.size()));
        }
        return len;
    }

    /** The instance as a one-vehicle problem starting and ending at node 0, minimising distance. */
    public RoutingProblem problem() {
        long[][] m = matrix();
        return RoutingProblem.builder(m, m).cost(RoutingProblem.Cost.DISTANCE)
                .vehicle(new Vehicle(0, 0, 0, RoutingProblem.UNBOUNDED_TIME)).build();
    }

    /** The closed tour of a one-vehicle solution, starting at node 0. */
    public static List<Integer> tour(RoutingSolution s) {
        List<Integer> t = new ArrayList<>();
        t.add(0);
        s.routes().get(0).visits().forEach(v -> t.add(v.node()));
        return t;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }
}
