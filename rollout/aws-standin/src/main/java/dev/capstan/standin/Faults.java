package dev.capstan.standin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Faults to inject. Actions are named plainly ({@code StartInstanceRefresh}), or IAM-style
 * ({@code autoscaling:StartInstanceRefresh}), or {@code *} for every action. Counted faults answer the next
 * {@code times} calls of the action and then stop; {@link #accessDenied(String)} lasts until {@link #clear()} or
 * {@link AwsStandIn#reset()}.
 */
public final class Faults {

    /** Which generic fault a call gets. */
    private enum Kind { THROTTLE, SERVER_ERROR, ACCESS_DENIED, CUSTOM, LOSE_ANSWER }

    private static final class Planned {
        final String action;
        final Kind kind;
        final String code;
        final int httpStatus;
        int remaining;

        Planned(String action, Kind kind, String code, int httpStatus, int remaining) {
            this.action = action;
            this.kind = kind;
            this.code = code;
            this.httpStatus = httpStatus;
            this.remaining = remaining;
        }
    }

    private final List<Planned> planned = new ArrayList<>();
    private final Map<String, Integer> failRefreshAt = new HashMap<>();
    private final Set<String> failRollback = new HashSet<>();
    private final Set<String> alarmsInAlarm = new HashSet<>();

    /** The next {@code times} calls are throttled (Auto Scaling {@code Throttling} 400, EC2 {@code RequestLimitExceeded} 503, ECR {@code ThrottlingException} 400). */
    public synchronized Faults throttle(String action, int times) {
        return add(action, Kind.THROTTLE, null, 0, times);
    }

    /**
     * The next {@code times} calls get a 5xx (Auto Scaling {@code InternalFailure} 500, EC2 {@code InternalError} 500,
     * ECR {@code ServerException} 500, SSM {@code InternalServerError} 500) and change nothing.
     */
    public synchronized Faults serverError(String action, int times) {
        return add(action, Kind.SERVER_ERROR, null, 0, times);
    }

    /**
     * The next {@code times} calls take effect and are recorded as made, but their answer is lost: the caller gets
     * the same 5xx as {@link #serverError(String, int)}, and the SDK's standard retry strategy retries. A retried
     * StartInstanceRefresh then meets its own refresh ({@code InstanceRefreshInProgress}): the operation has no
     * idempotency token (botocore/data/autoscaling/2011-01-01/service-2.json, shape {@code StartInstanceRefreshType}, has no ClientToken member).
     */
    public synchronized Faults loseAnswer(String action, int times) {
        return add(action, Kind.LOSE_ANSWER, null, 0, times);
    }

    /** Every call is denied until reset (Auto Scaling {@code AccessDenied} 403, EC2 {@code UnauthorizedOperation} 403, ECR {@code AccessDeniedException} 400). */
    public synchronized Faults accessDenied(String action) {
        return add(action, Kind.ACCESS_DENIED, null, 0, Integer.MAX_VALUE);
    }

    /** The next {@code times} calls are answered with this error code and HTTP status. */
    public synchronized Faults error(String action, String code, int httpStatus, int times) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("an error code is required");
        }
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("httpStatus must be 4xx or 5xx; got " + httpStatus);
        }
        return add(action, Kind.CUSTOM, code, httpStatus, times);
    }

    /**
     * New instances launched by an instance refresh of {@code group} once it has reached {@code percent} complete
     * fail their health checks, so the refresh fails (or rolls back when AutoRollback is on). 0 fails the first batch.
     */
    public synchronized Faults failRefreshAt(String group, int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be 0-100; got " + percent);
        }
        failRefreshAt.put(group, percent);
        return this;
    }

    /** Instances launched by a rollback of {@code group} fail too, so the rollback ends RollbackFailed. */
    public synchronized Faults failRollback(String group) {
        failRollback.add(group);
        return this;
    }

    /**
     * Puts a CloudWatch alarm into the ALARM state: an active refresh whose AlarmSpecification names it fails (and
     * rolls back with AutoRollback), as Auto Scaling does. Lasts until {@link #clear()} or reset.
     */
    public synchronized Faults alarm(String alarmName) {
        if (alarmName == null || alarmName.isBlank()) {
            throw new IllegalArgumentException("an alarm name is required");
        }
        alarmsInAlarm.add(alarmName);
        return this;
    }

    public synchronized boolean inAlarm(String alarmName) {
        return alarmsInAlarm.contains(alarmName);
    }

    public synchronized void clear() {
        alarmsInAlarm.clear();
        planned.clear();
        failRefreshAt.clear();
        failRollback.clear();
    }

    private Faults add(String action, Kind kind, String code, int status, int times) {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("an action name is required");
        }
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1; got " + times);
        }
        planned.add(new Planned(action, kind, code, status, times));
        return this;
    }

    /** Consumes and returns the fault that answers this call instead of the operation, if any. */
    public synchronized Optional<AwsError> take(String service, String action) {
        return take(service, action, false);
    }

    /** Consumes and returns the error that replaces this call's answer after the operation ran, if any. */
    public synchronized Optional<AwsError> takeLostAnswer(String service, String action) {
        return take(service, action, true);
    }

    private Optional<AwsError> take(String service, String action, boolean lostAnswers) {
        Iterator<Planned> it = planned.iterator();
        while (it.hasNext()) {
            Planned p = it.next();
            if ((p.kind == Kind.LOSE_ANSWER) != lostAnswers || !matches(p.action, service, action)) {
                continue;
            }
            if (p.remaining != Integer.MAX_VALUE && --p.remaining <= 0) {
                it.remove();
            }
            return Optional.of(errorFor(p, service, action));
        }
        return Optional.empty();
    }

    public synchronized Optional<Integer> refreshFailurePercent(String group) {
        return Optional.ofNullable(failRefreshAt.get(group));
    }

    public synchronized boolean rollbackFails(String group) {
        return failRollback.contains(group);
    }

    private static boolean matches(String pattern, String service, String action) {
        return pattern.equals("*") || pattern.equals(action) || pattern.equals(service + ":" + action)
                || pattern.equals(service + ":*");
    }

    private static AwsError errorFor(Planned p, String service, String action) {
        switch (p.kind) {
            case THROTTLE:
                switch (service) {
                    case "ec2": return new AwsError("RequestLimitExceeded", 503, "Request limit exceeded.");
                    case "ecr", "ssm": return new AwsError("ThrottlingException", 400, "Rate exceeded");
                    default: return new AwsError("Throttling", 400, "Rate exceeded");
                }
            case SERVER_ERROR:
            case LOSE_ANSWER:
                // Each protocol's modelled 5xx: EC2's InternalError, ECR's ServerException, SSM's
                // InternalServerError (botocore/data/<service>/<version>/service-2.json error shapes); Auto Scaling models none and answers InternalFailure.
                switch (service) {
                    case "ec2": return new AwsError("InternalError", 500, "An internal error has occurred");
                    case "ecr": return new AwsError("ServerException", 500, "Internal service error");
                    case "ssm": return new AwsError("InternalServerError", 500, "An error occurred on the server side.");
                    default: return new AwsError("InternalFailure", 500, "An internal error occurred");
                }
            case ACCESS_DENIED: {
                String denied = "User: arn:aws:sts::123456789012:assumed-role/capstan-deploy/ci is not authorized to perform: "
                        + service + ":" + action + " because no identity-based policy allows the " + service + ":" + action
                        + " action";
                switch (service) {
                    case "ec2": return new AwsError("UnauthorizedOperation", 403, "You are not authorized to perform this operation. " + denied);
                    // ECR and SSM model AccessDeniedException (botocore/data/ssm/2014-11-06/service-2.json).
                    case "ecr", "ssm": return new AwsError("AccessDeniedException", 400, denied);
                    default: return new AwsError("AccessDenied", 403, denied);
                }
            }
            default:
                return new AwsError(p.code, p.httpStatus, "Injected fault " + p.code + " for " + action);
        }
    }
}
