package io.vigil.store.text;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Thread CPU per line to analyze the lines of {@code linux/auth.log} with StandardAnalyzer and with
 * LogTextAnalyzer (the analysis alone, as IndexWriter drives it: reused stream, every term read). Several
 * alternating rounds; the best round of each is printed. Not a test:
 * <pre>java -cp target/test-classes:target/classes:CLASSPATH io.vigil.store.text.LogTextAnalyzerBench [DATA_DIR] [ROUNDS]</pre>
 */
public final class LogTextAnalyzerBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private LogTextAnalyzerBench() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : System.getProperty("vigil.data", "../shared/data"));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        List<String> lines = Files.readAllLines(data.resolve("linux/auth.log"));
        Analyzer standard = new StandardAnalyzer();
        Analyzer logText = new LogTextAnalyzer();
        long bestStandard = Long.MAX_VALUE;
        long bestLogText = Long.MAX_VALUE;
        long checkStandard = 0;
        long checkLogText = 0;
        for (int round = 0; round < rounds; round++) {
            long start = THREADS.getCurrentThreadCpuTime();
            checkStandard = analyzeAll(standard, lines);
            long middle = THREADS.getCurrentThreadCpuTime();
            checkLogText = analyzeAll(logText, lines);
            long end = THREADS.getCurrentThreadCpuTime();
            bestStandard = Math.min(bestStandard, middle - start);
            bestLogText = Math.min(bestLogText, end - middle);
        }
        if (checkStandard != checkLogText) {
            throw new IllegalStateException("the analyzers disagree on auth.log: term chars " + checkStandard
                    + " vs " + checkLogText + "; run LogTextAnalyzerDataTest to find the line");
        }
        double perLineStandard = (double) bestStandard / lines.size();
        double perLineLogText = (double) bestLogText / lines.size();
        System.out.printf("auth.log: %d lines, best of %d rounds (thread CPU)%n", lines.size(), rounds);
        System.out.printf("  StandardAnalyzer  %7.0f ns/line%n", perLineStandard);
        System.out.printf("  LogTextAnalyzer   %7.0f ns/line  (%.1fx faster)%n", perLineLogText,
                perLineStandard / perLineLogText);
    }

    /** Analyzes every line as IndexWriter would; returns the total term length so the work is not dropped. */
    private static long analyzeAll(Analyzer analyzer, List<String> lines) throws IOException {
        long termChars = 0;
        for (String line : lines) {
            try (TokenStream stream = analyzer.tokenStream("message", line)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    termChars += term.length();
                }
                stream.end();
            }
        }
        return termChars;
    }
}
