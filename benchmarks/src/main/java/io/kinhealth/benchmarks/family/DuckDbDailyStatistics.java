package io.kinhealth.benchmarks.family;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;

/**
 * The peer: DuckDB (in-process, columnar, vectorised) computing the SDK's daily statistics with SQL over a table of
 * the de-duplicated readings: local day in Asia/Shanghai, count, min, max, mean, sample standard deviation,
 * p10/p50/p90 by linear interpolation ({@code quantile_cont}, the SDK's definition), the latest value, and
 * time-in-range 3.9-10.0 mmol/L.
 */
public final class DuckDbDailyStatistics implements AutoCloseable {
  static final String QUERY = """
      SELECT date_trunc('day', ts AT TIME ZONE 'Asia/Shanghai') AS day, count(*) AS n, min(v), max(v), avg(v),
             stddev_samp(v), quantile_cont(v, 0.1), quantile_cont(v, 0.5), quantile_cont(v, 0.9), arg_max(v, ts),
             count(*) FILTER (WHERE v < 3.9), count(*) FILTER (WHERE v BETWEEN 3.9 AND 10.0),
             count(*) FILTER (WHERE v > 10.0)
      FROM readings GROUP BY day ORDER BY day""";

  /** One day's row, as the benchmark and the agreement test read it. */
  public record Day(java.time.LocalDateTime day, long count, double min, double max, double mean, double sd,
      double p10, double p50, double p90, double latest, long below, long inRange, long above) {}

  private final Connection connection;
  private final PreparedStatement query;

  /** Loads the kept rows of {@code series} into an in-memory database using {@code threads} threads. */
  public DuckDbDailyStatistics(GlucoseSeries series, int threads) throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = connection.createStatement()) {
      s.execute("SET threads = " + threads);
      s.execute("SET TimeZone = 'UTC'");
      s.execute("CREATE TABLE raw (ms BIGINT, v DOUBLE)");
    }
    try (var appender = ((DuckDBConnection) connection).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "raw")) {
      for (int i : series.kept) {
        appender.beginRow();
        appender.append(series.at[i]);
        appender.append(series.value[i]);
        appender.endRow();
      }
    }
    try (Statement s = connection.createStatement()) {
      // epoch_ms gives a UTC wall-clock TIMESTAMP; with the session in UTC the cast keeps the instant
      s.execute("CREATE TABLE readings AS SELECT epoch_ms(ms)::TIMESTAMPTZ AS ts, v FROM raw ORDER BY ms");
      s.execute("DROP TABLE raw");
    }
    query = connection.prepareStatement(QUERY);
  }

  /** Runs the query and reads every row (the work a dashboard would do with the answer). */
  public List<Day> daily() throws SQLException {
    List<Day> out = new ArrayList<>(400);
    try (ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        out.add(new Day(rs.getObject(1, java.time.LocalDateTime.class), rs.getLong(2), rs.getDouble(3),
            rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9),
            rs.getDouble(10), rs.getLong(11), rs.getLong(12), rs.getLong(13)));
      }
    }
    return out;
  }

  @Override
  public void close() throws SQLException {
    query.close();
    connection.close();
  }
}
