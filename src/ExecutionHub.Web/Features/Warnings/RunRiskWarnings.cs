using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;

namespace ExecutionHub.Web.Features.Warnings;

/// <summary>
/// "Run now": the same evaluation as the daily job, at once — a coordinator for their own street,
/// an administrator for one street or every street.
/// </summary>
[Allowed(Roles.Coordinator, Roles.Administrator)]
public sealed record RunRiskWarnings(int? StreetId = null) : ICommand<RiskWarningEvaluator.Result>;

public sealed class RunRiskWarningsHandler(RiskWarningEvaluator evaluator, ICurrentUser currentUser)
    : ICommandHandler<RunRiskWarnings, RiskWarningEvaluator.Result>
{
    public async ValueTask<RiskWarningEvaluator.Result> Handle(RunRiskWarnings command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        if (me.IsInRole(Roles.Administrator))
        {
            return await evaluator.RunAsync(command.StreetId, cancellationToken);
        }

        if (me.StreetId is not { } own || (command.StreetId is { } asked && asked != own))
        {
            throw RequestRefusedException.NotAllowed(typeof(RunRiskWarnings));
        }

        return await evaluator.RunAsync(own, cancellationToken);
    }
}
