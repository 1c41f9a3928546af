package io.goodword.referral;

import java.time.Instant;

/** An ambassador's personal referral link ({@code /r/{code}}), for one client and one program. */
public record Link(long id, long workspaceId, long programId, long clientId, String code, Instant createdAt) {}
