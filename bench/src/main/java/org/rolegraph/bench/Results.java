package org.rolegraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The suite's results: one row per figure, written as a Markdown table and plotted as a PNG. */
final class Results {

    /** One measured figure with the baseline it is compared to, measured in the same run. */
    record Row(String target, int roles, long triples, String what, double value, String unit, String baselineWhat,
            double baseline, String goal, boolean higherIsBetter, double goalRatio, String note) {

        double ratio() {
            return baseline == 0 ? Double.NaN : value / baseline;
        }

        boolean met() {
            if (Double.isNaN(goalRatio)) {
                return true;
            }
            return higherIsBetter ? ratio() >= goalRatio : ratio() <= goalRatio;
        }
    }

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
        System.out.printf(Locale.ROOT, "  %-34s %9s roles: %s %.1f %s vs %s %.1f -> ratio %.2f%s%n", row.what(),
                String.format(Locale.ROOT, "%,d", row.roles()), "ours", row.value(), row.unit(), row.baselineWhat(),
                row.baseline(), row.ratio(), row.met() ? "" : "  (goal " + row.goal() + " missed)");
    }

    List<Row> rows() {
        return rows;
    }

    void writeMarkdown(Path file, String machine, String command) throws IOException {
        StringBuilder md = new StringBuilder("# RoleGraph benchmark results\n\n");
        md.append("Machine: ").append(machine).append("  \nCommand: `").append(command).append("`\n\n");
        md.append("Every figure is a ratio to a baseline measured in the same run, on the same data and store kind.\n\n");
        md.append("| # | roles | triples | measured | ours | baseline | ratio | goal | met | note |\n");
        md.append("| --- | ---: | ---: | --- | ---: | ---: | ---: | --- | --- | --- |\n");
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %s %s | %s: %s %s | %.2f | %s | %s | %s |%n", r.target(), r.roles(),
                    r.triples(), r.what(), fmt(r.value()), r.unit(), r.baselineWhat(), fmt(r.baseline()), r.unit(), r.ratio(),
                    r.goal(), r.met() ? "yes" : "**no**", r.note() == null ? "" : r.note()));
        }
        Files.writeString(file, md.toString());
    }

    private static String fmt(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Throughput (ours and baselines) against data set size, and compare latency, on log axes. */
    void plot(Path file, String machine) throws IOException {
        XYSeriesCollection rates = new XYSeriesCollection();
        for (Row r : rows) {
            if (!r.unit().equals("triples/s")) {
                continue;
            }
            series(rates, r.what() + " (ours)").add(r.triples(), r.value());
            series(rates, r.what() + " (" + r.baselineWhat() + ")").add(r.triples(), r.baseline());
        }
        JFreeChart chart = ChartFactory.createXYLineChart("RoleGraph throughput by data set size", "triples", "triples per second",
                rates, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(new LogAxis("triples (log)"));
        plot.setRangeAxis(new LogAxis("triples per second (log)"));
        chart.addSubtitle(new TextTitle(machine));
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1100, 700);
        XYSeriesCollection latency = new XYSeriesCollection();
        for (Row r : rows) {
            if (r.unit().equals("ms") && r.roles() > 100) {
                series(latency, r.what() + " (ours)").add(r.triples(), r.value());
                if (r.baselineWhat().startsWith("Oxigraph")) {
                    series(latency, r.what() + " (Oxigraph)").add(r.triples(), r.baseline());
                }
            }
        }
        if (latency.getSeriesCount() > 0) {
            JFreeChart chart2 = ChartFactory.createXYLineChart("query latency by data set size", "triples", "ms", latency,
                    PlotOrientation.VERTICAL, true, false, false);
            chart2.getXYPlot().setDomainAxis(new LogAxis("triples (log)"));
            chart2.addSubtitle(new TextTitle(machine));
            Path second = file.resolveSibling(file.getFileName().toString().replace(".png", "-latency.png"));
            ChartUtils.saveChartAsPNG(second.toFile(), chart2, 1100, 500);
        }
    }

    private static XYSeries series(XYSeriesCollection collection, String key) {
        for (int i = 0; i < collection.getSeriesCount(); i++) {
            if (collection.getSeriesKey(i).equals(key)) {
                return collection.getSeries(i);
            }
        }
        XYSeries series = new XYSeries(key);
        collection.addSeries(series);
        return series;
    }
}
