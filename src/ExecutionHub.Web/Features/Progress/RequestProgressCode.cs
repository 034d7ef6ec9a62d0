using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Progress;

/// <summary>
/// Step 1 of the public progress page: an applicant gives the case number and their phone. When
/// they match, a one-time code is queued to that phone. The answer is the same either way, so the
/// page cannot be used to learn which cases exist or whose phone is on file.
/// </summary>
[AllowAnonymousRequest]
public sealed record RequestProgressCode(string CaseNumber, string Phone) : ICommand;

public sealed class RequestProgressCodeValidator : AbstractValidator<RequestProgressCode>
{
    public RequestProgressCodeValidator()
    {
        RuleFor(x => x.CaseNumber).Must(n => Domain.CaseNumber.TryParse(n, out _)).WithMessage(_ => UiText.Get("Validation.CaseNumber"));
        RuleFor(x => x.Phone).Must(ProgressAccess.IsMobile).WithMessage(_ => UiText.Get("Progress.PhoneFormat"));
    }
}

public sealed class RequestProgressCodeHandler(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<RequestProgressCodeHandler> logger, Infrastructure.Messaging.IOutbox outbox, Infrastructure.Messaging.OutboxSecrets secrets)
    : ICommandHandler<RequestProgressCode>
{
    public async ValueTask<Unit> Handle(RequestProgressCode command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (@case, applicant) = await ProgressAccess.FindAsync(db, command.CaseNumber, command.Phone, cancellationToken);

        // Hashed whether or not anything matched, so a miss answers as slowly as a hit.
        var code = ProgressAccess.NewCode();
        var hash = ProgressAccess.Hash(code);
        if (@case is null || applicant is null)
        {
            logger.LogInformation("Progress code requested for an unknown case or phone");
            return Unit.Value;
        }

        var since = now - TimeSpan.FromHours(1);
        var recent = await db.ProgressAccessCodes.CountAsync(c => c.CaseId == @case.Id && c.PartyId == applicant.Id && c.CreatedAtUtc > since, cancellationToken);
        if (recent >= ProgressAccess.MaxCodesPerHour)
        {
            logger.LogWarning("Progress code refused for case {CaseId}: {Count} codes in the last hour", @case.Id, recent);
            return Unit.Value;
        }

        // Encrypted before the transaction: a first protection writes the app's new key to this database.
        var secret = secrets.Protect(code);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var access = new ProgressAccessCode
        {
            CaseId = @case.Id,
            PartyId = applicant.Id,
            CodeHash = hash,
            CreatedAtUtc = now,
            ExpiresAtUtc = now + ProgressAccess.Lifetime,
        };
        db.ProgressAccessCodes.Add(access);

        // The outbox key names the code, so its id is needed first; the transaction keeps the two saves one change.
        await db.SaveChangesAsync(cancellationToken);
        // The code is never stored or logged in clear: the text holds ****** and the code goes in encrypted.
        outbox.EnqueueWithSecret(
            db,
            $"progress-code:{access.Id}",
            Infrastructure.Messaging.MessageChannels.Sms,
            ProgressAccess.NormalisePhone(command.Phone),
            $"【{@case.Court!.Name}】您查询执行案件进度的验证码为{OutboxMessage.SecretPlaceholder}，{(int)ProgressAccess.Lifetime.TotalMinutes}分钟内有效。如非本人操作，请忽略本短信。",
            secret,
            now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
