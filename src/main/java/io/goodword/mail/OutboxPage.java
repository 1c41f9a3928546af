package io.goodword.mail;

import io.goodword.web.Shell;
import java.util.List;

/** The workspace's sent and waiting emails; {@code selected} is the one opened, or null. */
public record OutboxPage(Shell shell, List<OutboxMessage> messages, OutboxMessage selected, boolean smtpConfigured,
                         int page, boolean hasNext) {}
