package io.goodword.mail;

import io.goodword.web.Dates;
import io.goodword.web.Pager;
import io.goodword.web.Shell;
import java.util.List;

/** The workspace's sent and waiting emails; {@code selected} is the one opened, or null. */
public record OutboxPage(Shell shell, List<OutboxMessage> messages, OutboxMessage selected, boolean smtpConfigured,
                         Pager pager, Dates dates) {}
