package io.jenkins.plugins.huaweicloud.csms.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Median and range of a few samples (rounds or runs). */
record Stats(double median, double min, double max, int n) {
    static Stats of(List<Double> samples) {
        if (samples.isEmpty()) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] s = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        int n = s.length;
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        return new Stats(median, s[0], s[n - 1], n);
    }

    /** "median (min–max)" with the given number of decimals. */
    String text(int decimals) {
        if (n == 0) {
            return "n/a";
        }
        String f = "%." + decimals + "f";
        return n == 1
                ? String.format(Locale.ROOT, f, median)
                : String.format(Locale.ROOT, f + " (" + f + "–" + f + ")", median, min, max);
    }

    /** The range as a fraction of the median: the spread of the samples. */
    double spread() {
        return n < 2 || median == 0 ? 0 : (max - min) / median;
    }
}
