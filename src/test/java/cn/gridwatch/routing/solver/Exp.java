package cn.gridwatch.routing.solver;
import java.nio.file.Path;
import java.time.Duration;
public class Exp {
  public static void main(String[] a) {
    long[][] m = {{0,1,10},{1,0,9},{10,9,0}};
    RoutingProblem p = RoutingProblem.builder(m, m)
                .vehicle(new Vehicle(0, 0, 0, 100))
                .service(1, 5).service(2, 5)
                .window(2, 12, 15)
                .window(1, 30, 40)
                .build();
    RoutingSolution s = new OrToolsSolver().solve(p, SolverOptions.deterministic(200, Duration.ofSeconds(2)));
    System.out.println(s.wallMillis() + " " + s.stopReason());
    Tsplib t = Tsplib.read(Path.of("/work/shared/data/benchmarks/tsplib/berlin52.tsp"));
    for (int i = 0; i < 2; i++) {
    s = new OrToolsSolver().solve(t.problem(), SolverOptions.deterministic(1000, Duration.ofSeconds(20)));
    System.out.println(s.wallMillis() + " " + s.stopReason() + " " + t.tourLength(Tsplib.tour(s)));
    }
  }
}
