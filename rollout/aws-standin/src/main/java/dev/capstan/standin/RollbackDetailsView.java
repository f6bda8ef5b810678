package dev.capstan.standin;

import java.time.Instant;

/** What DescribeInstanceRefreshes reports as RollbackDetails once a refresh rolls back. */
public record RollbackDetailsView(String rollbackReason, Instant rollbackStartTime, int percentageCompleteOnRollback,
                                  int instancesToUpdateOnRollback) {
}
