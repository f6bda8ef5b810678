package dev.capstan.standin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code java -jar aws-standin.jar [--port 4566] [--imds-port 1338] [--demo] [--speed 12]}: runs the stand-in on
 * 127.0.0.1 until killed, printing one JSON line when it listens.
 */
public final class AwsStandInMain {

    /** Simulated seconds per wall second: a demo refresh of four instances takes about 45 wall seconds. */
    static final double DEFAULT_SPEED = 12.0;

    private AwsStandInMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (options.containsKey("help")) {
            System.out.println(usage());
            return;
        }
        int port = number(options.getOrDefault("port", "4566"), "--port");
        int imdsPort = options.containsKey("imds-port") ? number(options.get("imds-port"), "--imds-port") : -1;
        double speed = Double.parseDouble(options.getOrDefault("speed", Double.toString(DEFAULT_SPEED)));
        AwsStandIn standIn;
        try {
            standIn = AwsStandIn.start(port, imdsPort);
        } catch (RuntimeException e) {
            System.err.println("The AWS stand-in could not start: " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
            System.exit(1);
            return;
        }
        standIn.clock().realTime(speed);
        if (options.containsKey("demo")) {
            DemoWorld.seed(standIn);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(standIn::close, "aws-stand-in-stop"));
        String imds = imdsPort >= 0 ? ",\"imds\":\"" + standIn.imds().endpoint() + "\"" : "";
        System.out.println("{\"level\":\"INFO\",\"logger\":\"aws-standin\",\"message\":\"listening\",\"endpoint\":\""
                + standIn.endpoint() + "\"" + imds + ",\"speed\":" + speed + ",\"demo\":" + options.containsKey("demo") + "}");
        System.out.flush();
        Thread.currentThread().join();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--demo" -> options.put("demo", "true");
                case "--help", "-h" -> options.put("help", "true");
                case "--port", "--imds-port", "--speed" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value.");
                    }
                    options.put(a.substring(2), args[++i]);
                }
                default -> throw new IllegalArgumentException("Unknown option " + a + ".");
            }
        }
        if (options.containsKey("speed")) {
            double speed;
            try {
                speed = Double.parseDouble(options.get("speed"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--speed must be a positive number; got " + options.get("speed") + ".");
            }
            if (!(speed > 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException("--speed must be a positive number; got " + options.get("speed") + ".");
            }
        }
        return options;
    }

    private static int number(String value, String option) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0 || n > 65535) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            System.err.println(option + " must be a port number (0-65535); got " + value + ".");
            System.exit(2);
            return -1;
        }
    }

    static String usage() {
        return "Usage: java -jar aws-standin.jar [--port 4566] [--imds-port PORT] [--demo] [--speed "
                + DEFAULT_SPEED + "]\n"
                + "  --port       AWS endpoint port on 127.0.0.1 (Auto Scaling, EC2, ECR and /_standin/ control API)\n"
                + "  --imds-port  also serve an IMDSv2 stand-in on this 127.0.0.1 port\n"
                + "  --demo       seed the demo world (repository capstan, template capstan, group capstan-web)\n"
                + "  --speed      simulated seconds per wall second (default " + DEFAULT_SPEED + ")";
    }
}
