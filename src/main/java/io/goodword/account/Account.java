package io.goodword.account;

import java.time.Instant;

/**
 * A freelancer who signs in; owns exactly one workspace. {@code sessionEpoch} is stamped into each session at sign-in;
 * a password reset or change raises it, so older sessions stop working.
 */
public record Account(long id, long workspaceId, String email, String passwordHash, String displayName, Instant createdAt,
                      int sessionEpoch) {}
