package dev.capstan.rollout.report;

import dev.capstan.rollout.refresh.RefreshListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

/** What a deploy did, collected as it goes, for GITHUB_OUTPUT and the step summary. */
public final class DeployReport implements RefreshListener {
    public record Event(Instant at, String status, int percentage, Integer toUpdate, String reason) {
    }

    private final Instant startedAt;
    private Instant finishedAt;
    private String group;
    private String fromImage;
    private String toImage;
    private Long fromVersion;
    private Long toVersion;
    private String refreshId;
    private String digest;
    private String result;
    private String failure;
    private final List<Event> events = new ArrayList<>();

    public DeployReport(Instant startedAt) {
        this.startedAt = startedAt;
    }

    @Override
    public void changed(Instant at, InstanceRefresh r) {
        int percentage = r.percentageComplete() == null ? 0 : r.percentageComplete();
        Event last = events.isEmpty() ? null : events.get(events.size() - 1);
        // The timeline shows milestones; a new status reason alone (the terminal lines show those) is not one.
        if (last != null && last.status().equals(r.statusAsString()) && last.percentage() == percentage) {
            return;
        }
        events.add(new Event(at, r.statusAsString(), percentage, r.instancesToUpdate(), r.statusReason()));
    }

    public DeployReport group(String group) {
        this.group = group;
        return this;
    }

    public DeployReport from(Long version, String image) {
        this.fromVersion = version;
        this.fromImage = image;
        return this;
    }

    public DeployReport to(Long version, String image, String digest) {
        this.toVersion = version;
        this.toImage = image;
        this.digest = digest;
        return this;
    }

    public DeployReport refreshId(String refreshId) {
        this.refreshId = refreshId;
        return this;
    }

    public DeployReport finish(Instant at, String result, String failure) {
        this.finishedAt = at;
        this.result = result;
        this.failure = failure;
        return this;
    }

    /** Records the end only if no step recorded a more precise one already. */
    public DeployReport finishIfOpen(Instant at, String result, String failure) {
        return this.result == null ? finish(at, result, failure) : this;
    }

    public Instant startedAt() { return startedAt; }
    public Instant finishedAt() { return finishedAt; }
    public String group() { return group; }
    public String fromImage() { return fromImage; }
    public String toImage() { return toImage; }
    public Long fromVersion() { return fromVersion; }
    public Long toVersion() { return toVersion; }
    public String refreshId() { return refreshId; }
    public String digest() { return digest; }
    public String result() { return result; }
    public String failure() { return failure; }
    public List<Event> events() { return List.copyOf(events); }

    public Duration elapsed() {
        return Duration.between(startedAt, finishedAt == null ? startedAt : finishedAt);
    }
}
