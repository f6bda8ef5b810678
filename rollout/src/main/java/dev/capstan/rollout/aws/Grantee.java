package dev.capstan.rollout.aws;

/**
 * Who runs a command, and so whose policy an access error must point at: CI's deploy role for the commands that
 * change the fleet, an operator's own credentials for {@code admin}.
 */
public enum Grantee {
    DEPLOY_ROLE("the deploy role", "rollout/iam/deploy-role-policy.json",
            "give the job the deploy role (web identity, a profile, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)"),
    OPERATOR("your operator role", "rollout/iam/operator-policy.json",
            "sign in as an operator (a profile or SSO session, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)");

    private final String who;
    private final String policyFile;
    private final String credentialsHint;

    Grantee(String who, String policyFile, String credentialsHint) {
        this.who = who;
        this.policyFile = policyFile;
        this.credentialsHint = credentialsHint;
    }

    /** "allow X for ..." ends with this: whom to grant it and which committed policy says so. */
    String grantHint(String action) {
        return "allow " + action + " for " + who + " (see " + policyFile + ")";
    }

    String credentialsHint() {
        return credentialsHint;
    }
}
