package dev.capstan.rollout.report;

import dev.capstan.rollout.time.Durations;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Speaks the GitHub Actions file and log protocols: step outputs in GITHUB_OUTPUT, a Markdown summary in
 * GITHUB_STEP_SUMMARY, and ::error:: annotations when GITHUB_ACTIONS=true. Outside Actions it does nothing.
 */
public final class GitHubReporter {
    private final Map<String, String> env;

    public GitHubReporter(Map<String, String> env) {
        this.env = env;
    }

    public void annotateError(PrintWriter out, String sentence) {
        if ("true".equals(env.get("GITHUB_ACTIONS"))) {
            out.println("::error title=rollout::" + escapeData(sentence));
            out.flush();
        }
    }

    public void publish(DeployReport report) {
        String outputFile = env.get("GITHUB_OUTPUT");
        if (outputFile != null && !outputFile.isBlank()) {
            append(Path.of(outputFile), outputs(report));
        }
        String summaryFile = env.get("GITHUB_STEP_SUMMARY");
        if (summaryFile != null && !summaryFile.isBlank()) {
            append(Path.of(summaryFile), summary(report));
        }
    }

    static String outputs(DeployReport r) {
        return "launch-template-version=" + nullToEmpty(r.toVersion()) + "\n"
                + "refresh-id=" + nullToEmpty(r.refreshId()) + "\n"
                + "image-digest=" + nullToEmpty(r.digest()) + "\n"
                + "result=" + nullToEmpty(r.result()) + "\n";
    }

    static String summary(DeployReport r) {
        StringBuilder md = new StringBuilder();
        md.append("## Deploy to `").append(nullToEmpty(r.group())).append("`: ").append(r.result()).append("\n\n");
        md.append("| | launch template version | image |\n|---|---|---|\n");
        md.append("| from | ").append(orDash(r.fromVersion())).append(" | ").append(code(r.fromImage())).append(" |\n");
        md.append("| to | ").append(orDash(r.toVersion())).append(" | ").append(code(r.toImage())).append(" |\n\n");
        md.append("- started: ").append(r.startedAt().truncatedTo(ChronoUnit.SECONDS)).append("\n");
        if (r.finishedAt() != null) {
            md.append("- finished: ").append(r.finishedAt().truncatedTo(ChronoUnit.SECONDS))
                    .append(" (").append(Durations.human(r.elapsed())).append(")\n");
        }
        if (r.refreshId() != null) {
            md.append("- instance refresh: `").append(r.refreshId()).append("`\n");
        }
        md.append("- outcome: ").append(r.failure() == null ? r.result() : r.failure()).append("\n");
        if (!r.events().isEmpty()) {
            md.append("\n```mermaid\ntimeline\n    title Instance refresh ")
                    .append(r.refreshId() == null ? "" : mermaidText(r.refreshId())).append("\n");
            Instant first = r.events().get(0).at();
            for (DeployReport.Event e : r.events()) {
                md.append("    ").append("+").append(Durations.human(Duration.between(first, e.at()))).append(" : ")
                        .append(mermaidText(e.status() + " " + e.percentage() + "%"
                                + (e.toUpdate() == null ? "" : ", " + e.toUpdate() + " to update")))
                        .append("\n");
            }
            md.append("```\n");
        }
        return md.append("\n").toString();
    }

    // Mermaid's timeline splits on ':' and ends entries at newlines and '#', so those never reach it.
    private static String mermaidText(String s) {
        return s.replace(':', ' ').replace('#', ' ').replaceAll("[\\r\\n]+", " ").strip();
    }

    private static String code(String s) {
        return s == null ? "-" : "`" + s + "`";
    }

    private static String orDash(Object o) {
        return o == null ? "-" : o.toString();
    }

    private static String nullToEmpty(Object o) {
        return o == null ? "" : o.toString();
    }

    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
