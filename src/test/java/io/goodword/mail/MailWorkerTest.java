package io.goodword.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.junit.jupiter.api.Test;

class MailWorkerTest {
    @Test
    void back_off_doubles_from_thirty_seconds_and_stops_growing_at_an_hour() {
        assertThat(MailWorker.backoff(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(MailWorker.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MailWorker.backoff(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(MailWorker.backoff(7)).isEqualTo(Duration.ofHours(1));
        assertThat(MailWorker.backoff(29)).isEqualTo(Duration.ofHours(1));
        assertThat(MailWorker.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void a_refused_recipient_or_bad_address_is_given_up_at_once_and_a_silent_server_ends_the_pass() throws Exception {
        var refused = new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(new InternetAddress("a@example.com"), "RCPT TO", 550, "no such user"));
        assertThat(MailWorker.Failure.of(refused)).isEqualTo(MailWorker.Failure.PERMANENT);
        assertThat(MailWorker.Failure.of(new AddressException("bad"))).isEqualTo(MailWorker.Failure.PERMANENT);
        assertThat(MailWorker.Failure.of(new SMTPSendFailedException("DATA", 554, "rejected", null, null, null, null)))
                .isEqualTo(MailWorker.Failure.PERMANENT);

        assertThat(MailWorker.Failure.of(new SMTPSendFailedException("DATA", 451, "try later", null, null, null, null)))
                .isEqualTo(MailWorker.Failure.TEMPORARY);
        assertThat(MailWorker.Failure.of(new MailConnectException(new org.eclipse.angus.mail.util.SocketConnectException("refused", new java.net.ConnectException("refused"), "127.0.0.1", 25, 1000))))
                .isEqualTo(MailWorker.Failure.UNREACHABLE);
        assertThat(MailWorker.Failure.of(new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"))))
                .isEqualTo(MailWorker.Failure.UNREACHABLE);
    }
}
