package dev.capstan.standin.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.standin.Faults;

/** Turns a control-API fault document into a {@link Faults} call. */
final class FaultRequests {

    private FaultRequests() {
    }

    static void apply(Faults faults, JsonNode f) {
        String kind = ControlApi.required(f, "kind");
        int times = f.path("times").asInt(1);
        switch (kind) {
            case "throttle" -> faults.throttle(ControlApi.required(f, "action"), times);
            case "serverError" -> faults.serverError(ControlApi.required(f, "action"), times);
            case "loseAnswer" -> faults.loseAnswer(ControlApi.required(f, "action"), times);
            case "accessDenied" -> faults.accessDenied(ControlApi.required(f, "action"));
            case "error" -> faults.error(ControlApi.required(f, "action"), ControlApi.required(f, "code"),
                    f.path("httpStatus").asInt(400), times);
            case "failRefreshAt" -> faults.failRefreshAt(ControlApi.required(f, "group"), f.path("percent").asInt(0));
            case "failRollback" -> faults.failRollback(ControlApi.required(f, "group"));
            case "alarm" -> faults.alarm(ControlApi.required(f, "alarm"));
            default -> throw new IllegalArgumentException("kind must be throttle, serverError, loseAnswer, accessDenied, "
                    + "error, failRefreshAt, failRollback or alarm; got " + kind);
        }
    }
}
