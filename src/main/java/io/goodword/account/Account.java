package io.goodword.account;

import java.time.Instant;

/** A freelancer who signs in; owns exactly one workspace. */
public record Account(long id, long workspaceId, String email, String passwordHash, String displayName, Instant createdAt) {}
