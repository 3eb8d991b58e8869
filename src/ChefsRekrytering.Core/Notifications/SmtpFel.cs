using MailKit.Net.Smtp;

namespace ChefsRekrytering.Notifications;

/// <summary>
/// What a failed send means for the outbox row. A 5xx reply (RFC 5321: permanent) will be the same on every try, so
/// the mail is marked failed at once; a 4xx reply, a dropped connection or a timeout are retried with backoff.
/// </summary>
public static class SmtpFel
{
    public static bool ArPermanent(Exception error) =>
        error is SmtpCommandException { StatusCode: var code } && (int)code is >= 500 and < 600;

    /// <summary>How many attempts the row gets in all: one for a permanent refusal, else the configured number.</summary>
    public static int Forsok(Exception error, int maxAttempts) => ArPermanent(error) ? 1 : maxAttempts;
}
